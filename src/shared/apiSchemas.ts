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
  previewImport: z
    .object({
      previewId: id,
      text: z.string().max(MAX_IMPORT_CHARS),
      fileName: z.string().max(1000).optional(),
    })
    .strict(),
  confirmImport: z.object({ previewId: id }).strict(),
  cancelImport: z.object({ previewId: id }).strict(),
  getLookupQueue: z.object({}).strict(),
  retryLookups: z.object({ previewId: id }).strict(),
  dropQueuedLookups: z.object({ identifiers: z.array(z.string().max(500)).max(100_000) }).strict(),
  findDuplicates: z.object({}).strict(),
  mergeDuplicates: z.object({ keepId: id, mergeIds: z.array(id).min(1).max(1000) }).strict(),
  undoMerge: z.object({}).strict(),
  exportPapers: z
    .object({
      format: z.enum(['bibtex', 'csl-json', 'ris', 'markdown']),
      scope: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('library') }).strict(),
        z
          .object({
            kind: z.literal('collection'),
            collectionId: id,
            includeSubcollections: z.boolean(),
          })
          .strict(),
        z
          .object({ kind: z.literal('selection'), paperIds: z.array(id).min(1).max(200_000) })
          .strict(),
      ]),
    })
    .strict(),
  listExportCollections: z.object({}).strict(),
  getNote: z.object({ paperId: id }).strict(),
  saveNote: z.object({ paperId: id, body: z.string().max(MAX_NOTE_CHARS) }).strict(),
  setPaperStatus: z.object({ id, status: z.enum(['unread', 'reading', 'read']) }).strict(),
  indexOfPaper: z.object({ id, sort: sort.optional() }).strict(),
  getSettings: z.object({}).strict(),
  updateSettings: z.object({ patch: settingsPatchSchema }).strict(),
  cancelTask: z.object({ taskId: id }).strict(),
} satisfies { [M in ApiMethod]: z.ZodType }
