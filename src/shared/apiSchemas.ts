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
/** Longest search query accepted (nobody types more; it bounds the work of one query). */
export const MAX_QUERY_CHARS = 1000
const searchQuery = z.string().max(MAX_QUERY_CHARS)

/** Largest page of list rows the renderer may ask for at once. */
export const MAX_PAGE_SIZE = 1000

const sort = z.enum(['published', 'added', 'title', 'upvotes'])

export const apiArgs = {
  getLibraryInfo: z.object({}).strict(),
  listPapers: z
    .object({
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(MAX_PAGE_SIZE),
      sort: sort.optional(),
      /** A search in the query language of src/main/library/search/queryParser.ts. */
      query: searchQuery.optional(),
    })
    .strict(),
  getPaper: z.object({ id }).strict(),
  getPaperMatches: z.object({ id, query: searchQuery }).strict(),
  findByTitle: z
    .object({ query: z.string().max(MAX_QUERY_CHARS), limit: z.number().int().min(1).max(100) })
    .strict(),
  setStarred: z.object({ id, starred: z.boolean() }).strict(),
  importText: z
    .object({
      text: z.string().max(MAX_IMPORT_CHARS),
      fileName: z.string().max(1000).optional(),
    })
    .strict(),
  importSample: z.object({}).strict(),
  getNote: z.object({ paperId: id }).strict(),
  saveNote: z.object({ paperId: id, body: z.string().max(MAX_NOTE_CHARS) }).strict(),
  setPaperStatus: z.object({ id, status: z.enum(['unread', 'reading', 'read']) }).strict(),
  indexOfPaper: z.object({ id, sort: sort.optional(), query: searchQuery.optional() }).strict(),
  getSettings: z.object({}).strict(),
  updateSettings: z.object({ patch: settingsPatchSchema }).strict(),
  cancelTask: z.object({ taskId: id }).strict(),
} satisfies { [M in ApiMethod]: z.ZodType }
