// Arguments of the feeds and the Today inbox: subscriptions, checks, the ranked
// inbox and triage.
import { z } from 'zod'
import type { InboxSort, TriageAction } from '../../model'
import type { ArgSchemas } from './common'
import { enumOf, idSchema as id, noArgs, someIds } from './common'

const SORTS: Record<InboxSort, true> = { relevance: true, upvotes: true, date: true }
const ACTIONS: Record<TriageAction, true> = {
  keep: true,
  star: true,
  skip: true,
  'thumbs-up': true,
  'thumbs-down': true,
  'clear-thumbs': true,
}

/** Hours between two checks: at least one, at most a month. */
const everyHours = z.number().int().min(1).max(744)
const name = z.string().trim().min(1).max(200)

export const feedArgs = {
  listFeeds: noArgs,
  /**
   * Subscribes to `spec`: `hf-daily` (or `hf-weekly`, `hf-monthly`),
   * `arxiv:cs.CL+cs.LG`, `arxiv-query:au:Bengio`.
   */
  addFeed: z
    .object({
      spec: z.string().trim().min(1).max(500),
      name: name.optional(),
      everyHours: everyHours.optional(),
      collectionId: id.optional(),
    })
    .strict(),
  updateFeed: z
    .object({
      id,
      name: name.optional(),
      everyHours: everyHours.optional(),
      /** null: kept items go into no collection. */
      collectionId: id.nullable().optional(),
    })
    .strict(),
  removeFeed: z.object({ id }).strict(),
  /** Checks the feeds named (all when none), or with `due` only those whose time has come. */
  refreshFeeds: z
    .object({
      ids: z.array(id).max(1000).optional(),
      due: z.boolean().optional(),
      /** Checks arXiv feeds on a weekend too. */
      force: z.boolean().optional(),
    })
    .strict(),
  /** The inbox ranked; `state` defaults to the new (untriaged) items. */
  listInbox: z
    .object({
      sort: enumOf(SORTS).optional(),
      state: z.enum(['new', 'kept', 'skipped', 'all']).optional(),
      limit: z.number().int().min(1).max(100_000).optional(),
    })
    .strict(),
  /** The inbox's counts and how many new items arrived since Today was last opened (cheap: no ranking). */
  getTodayStatus: noArgs,
  /** Today is being opened: remembers now as the last visit; answers the visit before. */
  visitToday: noArgs,
  /** One triage action on some items, one undo step. */
  triageInbox: z
    .object({ action: enumOf(ACTIONS), ids: someIds, collectionId: id.optional() })
    .strict(),
} satisfies ArgSchemas
