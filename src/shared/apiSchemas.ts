// Runtime schemas for every API method's argument, checked in main before the
// core sees a call. Keys must match `apiMethods` exactly (the compiler checks).
import { z } from 'zod'
import type { ApiMethod } from './api'
import { settingsPatchSchema } from './settingsSchema'

/** Ids are opaque strings we generate; anything longer is not one of ours. */
const id = z.string().min(1).max(200)

/** Largest text accepted for one import (a listing page is ~100 KB). */
export const MAX_IMPORT_CHARS = 100 * 1024 * 1024
/** Largest note body accepted (a 5 MB note must still save). */
export const MAX_NOTE_CHARS = 20 * 1024 * 1024
/** Largest page of list rows the renderer may ask for at once. */
export const MAX_PAGE_SIZE = 1000

const sort = z.enum(['published', 'added', 'title', 'upvotes'])
/** Longest note title, relation label and autocomplete query accepted. */
export const MAX_TITLE_CHARS = 1000
export const MAX_LABEL_CHARS = 200
export const MAX_QUERY_CHARS = 1000
/** Most link targets the preview may resolve in one call (one per link in a note). */
export const MAX_RESOLVE_TARGETS = 5000

const noteTitle = z.string().max(MAX_TITLE_CHARS)
const noteBody = z.string().max(MAX_NOTE_CHARS)
const relationLabel = z.string().max(MAX_LABEL_CHARS)
const linkTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paper'), id }).strict(),
  z.object({ kind: z.literal('note'), id }).strict(),
  z.object({ kind: z.literal('title'), title: z.string().min(1).max(MAX_TITLE_CHARS) }).strict(),
])

export const apiArgs = {
  getLibraryInfo: z.object({}).strict(),
  listPapers: z
    .object({
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(MAX_PAGE_SIZE),
      sort: sort.optional(),
    })
    .strict(),
  getPaper: z.object({ id }).strict(),
  importText: z
    .object({
      text: z.string().max(MAX_IMPORT_CHARS),
      fileName: z.string().max(1000).optional(),
    })
    .strict(),
  importSample: z.object({}).strict(),
  getNote: z.object({ paperId: id }).strict(),
  saveNote: z.object({ paperId: id, body: noteBody }).strict(),
  listNotes: z
    .object({ query: z.string().max(MAX_QUERY_CHARS).optional(), trashed: z.boolean().optional() })
    .strict(),
  createNote: z.object({ title: noteTitle, body: noteBody.optional() }).strict(),
  getNoteById: z.object({ id }).strict(),
  updateNote: z.object({ id, title: noteTitle.optional(), body: noteBody.optional() }).strict(),
  trashNote: z.object({ id }).strict(),
  restoreNote: z.object({ id }).strict(),
  suggestLinkTargets: z
    .object({
      query: z.string().max(MAX_QUERY_CHARS),
      limit: z.number().int().min(1).max(50).optional(),
      kind: z.enum(['paper', 'note']).optional(),
    })
    .strict(),
  resolveLinkTargets: z.object({ targets: z.array(linkTarget).max(MAX_RESOLVE_TARGETS) }).strict(),
  getBacklinks: z.object({ kind: z.enum(['paper', 'note']), id }).strict(),
  getRelatedPapers: z.object({ id, limit: z.number().int().min(1).max(50).optional() }).strict(),
  listRelations: z.object({ paperId: id }).strict(),
  addRelation: z.object({ fromId: id, toId: id, label: relationLabel.optional() }).strict(),
  updateRelation: z.object({ id, label: relationLabel.optional() }).strict(),
  removeRelation: z.object({ id }).strict(),
  trashPaper: z.object({ id }).strict(),
  restorePaper: z.object({ id }).strict(),
  setPaperStatus: z.object({ id, status: z.enum(['unread', 'reading', 'read']) }).strict(),
  indexOfPaper: z.object({ id, sort: sort.optional() }).strict(),
  getSettings: z.object({}).strict(),
  updateSettings: z.object({ patch: settingsPatchSchema }).strict(),
  cancelTask: z.object({ taskId: id }).strict(),
} satisfies { [M in ApiMethod]: z.ZodType }
