// Runtime schemas for every API method's argument, checked in main before the
// core sees a call. Keys must match `apiMethods` exactly (the compiler checks).
import { z } from 'zod'
import type { ApiMethod } from './api'
import { MAX_QUERY_CHARS } from './apiLimits'
import { BACKUP_ID_PATTERN } from './model'
import { idSchema as id, listScopeSchema as listScope, settingsPatchSchema } from './settingsSchema'

/** Largest text accepted for one import (a listing page is ~100 KB). */
export const MAX_IMPORT_CHARS = 100 * 1024 * 1024
/** Largest note body accepted (a 5 MB note must still save). */
export const MAX_NOTE_CHARS = 20 * 1024 * 1024
/** Longest search query accepted (nobody types more; it bounds the work of one query). */
const searchQuery = z.string().max(MAX_QUERY_CHARS)

/** Largest page of list rows the renderer may ask for at once. */
export const MAX_PAGE_SIZE = 1000
/** Most ids one organizing call may name (a whole large library, selected). */
export const MAX_IDS = 200_000
export const MAX_COLLECTION_NAME_CHARS = 200
export const MAX_TAG_CHARS = 100
/** Most tags one call may add, remove or filter by. */
export const MAX_TAGS = 100

const sort = z.enum(['published', 'added', 'title', 'upvotes'])
/** Longest note title, relation label and autocomplete query accepted. */
export const MAX_TITLE_CHARS = 1000
export const MAX_LABEL_CHARS = 200
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
const ids = z.array(id).max(MAX_IDS)
const someIds = ids.min(1, 'name at least one paper')
const collectionName = z.string().min(1).max(MAX_COLLECTION_NAME_CHARS)
const tag = z.string().min(1).max(MAX_TAG_CHARS)
const tags = z.array(tag).max(MAX_TAGS)
const paperFilter = z.object({ scope: listScope.optional(), tags: tags.optional() }).strict()

const trashItems = z
  .object({ paperIds: ids.optional(), noteIds: ids.optional(), collectionIds: ids.optional() })
  .strict()
  .refine(
    (items) =>
      (items.paperIds?.length ?? 0) +
        (items.noteIds?.length ?? 0) +
        (items.collectionIds?.length ?? 0) >
      0,
    'name at least one paper, note or collection',
  )

export const apiArgs = {
  getLibraryInfo: z.object({}).strict(),
  listPapers: z
    .object({
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(MAX_PAGE_SIZE),
      sort: sort.optional(),
      filter: paperFilter.optional(),
      /** A search in the query language of src/main/core/search/queryParser.ts. */
      query: searchQuery.optional(),
    })
    .strict(),
  listPaperIds: z
    .object({
      sort: sort.optional(),
      filter: paperFilter.optional(),
      query: searchQuery.optional(),
    })
    .strict(),
  getPaper: z.object({ id }).strict(),
  getPaperMatches: z.object({ id, query: searchQuery }).strict(),
  findByTitle: z
    .object({ query: z.string().max(MAX_QUERY_CHARS), limit: z.number().int().min(1).max(100) })
    .strict(),
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
  getSidebar: z.object({}).strict(),
  listTrash: z.object({}).strict(),
  getPaperCollections: z.object({ id }).strict(),
  summarizeSelection: z.object({ paperIds: someIds }).strict(),
  createCollection: z
    .object({ name: collectionName, parentId: id.optional(), paperIds: ids.optional() })
    .strict(),
  renameCollection: z.object({ id, name: collectionName }).strict(),
  moveCollection: z
    .object({ id, parentId: id.nullable(), index: z.number().int().min(0).optional() })
    .strict(),
  addToCollection: z.object({ collectionId: id, paperIds: someIds }).strict(),
  removeFromCollection: z.object({ collectionId: id, paperIds: someIds }).strict(),
  setStatus: z
    .object({ paperIds: someIds, status: z.enum(['unread', 'reading', 'read']) })
    .strict(),
  setStarred: z.object({ paperIds: someIds, starred: z.boolean() }).strict(),
  markRead: z.object({ id }).strict(),
  tagPapers: z
    .object({ paperIds: someIds, add: tags.optional(), remove: tags.optional() })
    .strict()
    .refine(
      (args) => (args.add?.length ?? 0) + (args.remove?.length ?? 0) > 0,
      'name a tag to add or remove',
    ),
  renameTag: z.object({ from: tag, to: tag }).strict(),
  deleteTag: z.object({ tag }).strict(),
  moveToTrash: trashItems,
  restoreFromTrash: trashItems,
  deleteForever: trashItems,
  emptyTrash: z.object({}).strict(),
  undo: z.object({}).strict(),
  redo: z.object({}).strict(),
  getUndoState: z.object({}).strict(),
  indexOfPaper: z
    .object({
      id,
      sort: sort.optional(),
      filter: paperFilter.optional(),
      query: searchQuery.optional(),
    })
    .strict(),
  listNotes: z.object({ query: z.string().max(MAX_QUERY_CHARS).optional() }).strict(),
  createNote: z.object({ title: noteTitle, body: noteBody.optional() }).strict(),
  getNoteById: z.object({ id }).strict(),
  updateNote: z.object({ id, title: noteTitle.optional(), body: noteBody.optional() }).strict(),
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
  getSettings: z.object({}).strict(),
  updateSettings: z.object({ patch: settingsPatchSchema }).strict(),
  cancelTask: z.object({ taskId: id }).strict(),
  listBackups: z.object({}).strict(),
  createBackup: z.object({}).strict(),
  // A backup id names a folder: only our own timestamp names, never a path.
  restoreBackup: z.object({ id: z.string().max(40).regex(BACKUP_ID_PATTERN) }).strict(),
} satisfies { [M in ApiMethod]: z.ZodType }
