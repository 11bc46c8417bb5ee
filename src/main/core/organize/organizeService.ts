// Organizing: collections, status and stars, tags, the trash, merging
// duplicates, and undo / redo. Each operation is a plan (this folder's
// plan files) run as one durable commit and one undo step.
import type { LibraryKernel } from '../kernel/kernel'
import type { Service } from '../kernel/service'
import type { LibraryStore } from '../store/libraryStore'
import type { PaperViews } from '../papers/paperViews'
import { requirePaper } from '../store/requireRecord'
import {
  collectionsOfPaper,
  planAddToCollection,
  planCreateCollection,
  planMoveCollection,
  planRemoveFromCollection,
  planRenameCollection,
} from './collections'
import { planMerge } from './mergeCommand'
import { sidebarFor } from './paperFilter'
import { planSetStarred, planSetStatus } from './paperFlags'
import type { PlanRunner } from './planRunner'
import { summarizeSelection } from './selectionSummary'
import { planDeleteTag, planRenameTag, planTagPapers } from './tags'
import {
  planDeleteForever,
  planEmptyTrash,
  planMoveToTrash,
  planRestore,
  trashContents,
} from './trash'

type OrganizeMethod =
  | 'getSidebar'
  | 'listTrash'
  | 'getPaperCollections'
  | 'summarizeSelection'
  | 'createCollection'
  | 'renameCollection'
  | 'moveCollection'
  | 'addToCollection'
  | 'removeFromCollection'
  | 'setStatus'
  | 'setStarred'
  | 'markRead'
  | 'tagPapers'
  | 'renameTag'
  | 'deleteTag'
  | 'moveToTrash'
  | 'restoreFromTrash'
  | 'deleteForever'
  | 'emptyTrash'
  | 'mergeDuplicates'
  | 'undo'
  | 'redo'
  | 'getUndoState'

export function organizeService(
  kernel: LibraryKernel,
  plans: PlanRunner,
  views: PaperViews,
): Service<OrganizeMethod> {
  const records = (): LibraryStore => kernel.store
  return {
    handlers: {
      getSidebar: async () => sidebarFor(views.filterInputs()),
      listTrash: async () => trashContents(records()),
      async getPaperCollections({ id }) {
        requirePaper(records(), id)
        return collectionsOfPaper(records(), id)
      },
      summarizeSelection: async ({ paperIds }) => summarizeSelection(records(), paperIds),

      createCollection: async (args) =>
        structuredClone(await plans.run((ctx) => planCreateCollection(ctx, args))),
      renameCollection: ({ id, name }) => plans.run((ctx) => planRenameCollection(ctx, id, name)),
      moveCollection: ({ id, parentId, index }) =>
        plans.run((ctx) => planMoveCollection(ctx, id, parentId, index)),
      addToCollection: ({ collectionId, paperIds }) =>
        plans.run((ctx) => planAddToCollection(ctx, collectionId, paperIds)),
      removeFromCollection: ({ collectionId, paperIds }) =>
        plans.run((ctx) => planRemoveFromCollection(ctx, collectionId, paperIds)),

      setStatus: ({ paperIds, status }) => plans.run((ctx) => planSetStatus(ctx, paperIds, status)),
      setStarred: ({ paperIds, starred }) =>
        plans.run((ctx) => planSetStarred(ctx, paperIds, starred)),
      /**
       * Marks an unread paper read because it stayed open (the mark-as-read
       * setting). It happens by itself, so it is not an undo step.
       */
      markRead: ({ id }) =>
        plans.run(
          (ctx) => {
            const paper = requirePaper(ctx.records, id)
            const applies = paper.status === 'unread' && paper.trashedAt === undefined
            const plan = planSetStatus(ctx, applies ? [id] : [], 'read')
            return { ...plan, result: applies }
          },
          { undoable: false },
        ),

      tagPapers: ({ paperIds, add, remove }) =>
        plans.run((ctx) => planTagPapers(ctx, paperIds, add ?? [], remove ?? [])),
      renameTag: ({ from, to }) => plans.run((ctx) => planRenameTag(ctx, from, to)),
      deleteTag: ({ tag }) => plans.run((ctx) => planDeleteTag(ctx, tag)),

      moveToTrash: (items) => plans.run((ctx) => planMoveToTrash(ctx, items)),
      restoreFromTrash: (items) => plans.run((ctx) => planRestore(ctx, items)),
      /** Deleting for good is final: not an undo step. */
      deleteForever: (items) =>
        plans.run((ctx) => planDeleteForever(ctx, items), { undoable: false }),
      emptyTrash: () => plans.run((ctx) => planEmptyTrash(ctx), { undoable: false }),

      /** Merges `mergeIds` into `keepId` (see mergeCommand.ts) as one undo step. */
      mergeDuplicates: ({ keepId, mergeIds }) =>
        plans.run((ctx) => planMerge(ctx, keepId, mergeIds)),

      undo: () => plans.replay('undo'),
      redo: () => plans.replay('redo'),
      getUndoState: async () => plans.history.state(),
    },
  }
}
