// Arguments of organizing: the sidebar, collections, status, stars, tags, the
// Trash, and undo / redo.
import { z } from 'zod'
import { MAX_COLLECTION_NAME_CHARS } from '../limits'
import type { ArgSchemas } from './common'
import { idSchema as id, ids, noArgs, someIds, tag, tags } from './common'

const collectionName = z.string().min(1).max(MAX_COLLECTION_NAME_CHARS)

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

export const organizeArgs = {
  getSidebar: noArgs,
  listTrash: noArgs,
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
  emptyTrash: noArgs,
  undo: noArgs,
  redo: noArgs,
  getUndoState: noArgs,
} satisfies ArgSchemas
