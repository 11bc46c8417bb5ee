// Arguments of papers' notes and standalone notes.
import { z } from 'zod'
import { MAX_NOTE_CHARS, MAX_QUERY_CHARS, MAX_TITLE_CHARS } from '../limits'
import type { ArgSchemas } from './common'
import { idSchema as id } from './common'

const noteTitle = z.string().max(MAX_TITLE_CHARS)
const noteBody = z.string().max(MAX_NOTE_CHARS)

export const noteArgs = {
  getNote: z.object({ paperId: id }).strict(),
  saveNote: z.object({ paperId: id, body: noteBody }).strict(),
  listNotes: z.object({ query: z.string().max(MAX_QUERY_CHARS).optional() }).strict(),
  createNote: z.object({ title: noteTitle, body: noteBody.optional() }).strict(),
  getNoteById: z.object({ id }).strict(),
  updateNote: z.object({ id, title: noteTitle.optional(), body: noteBody.optional() }).strict(),
} satisfies ArgSchemas
