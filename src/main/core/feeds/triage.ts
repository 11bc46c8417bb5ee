// Triage of inbox items as organizing plans: each call is one commit and one
// undo step (u in Today, Edit > Undo). Keeping an item makes it a library
// paper with its fields and source (or, when the library has it already,
// points the item at that paper), stars it for `s`, and puts it in the
// collection asked for or the feed's own.
import type {
  ChangeOutcome,
  Collection,
  FeedItem,
  Paper,
  TriageAction,
} from '../../../shared/model'
import { BadInputError } from '../kernel/errors'
import { ChangeBuilder } from '../organize/changeBuilder'
import { requireLiveCollection } from '../organize/collections'
import type { OrganizeContext, Plan } from '../organize/plan'
import { count } from '../../../shared/text/count'
import { outcomePlan, quoted, uniqueIds } from '../organize/plan'

export interface TriageRequest {
  action: TriageAction
  ids: readonly string[]
  collectionId?: string
}

function requireItem(ctx: OrganizeContext, id: string): FeedItem {
  const item = ctx.records.feedItems.get(id)
  if (item === undefined) throw new BadInputError(`No inbox item has the id ${id}`)
  return item
}

/** The library paper a kept item becomes. */
function paperOfItem(item: FeedItem, ctx: OrganizeContext, starred: boolean): Paper {
  const paper: Paper = {
    ...item.fields,
    id: ctx.newId(),
    upvotes: item.upvotes,
    status: 'unread',
    starred,
    addedAt: ctx.at,
    updatedAt: ctx.at,
    source: {
      format: item.format,
      fileName: item.sources.map((source) => source.feedName).join(', '),
      importedAt: ctx.at,
    },
  }
  if (paper.authorCount !== undefined && paper.authorCount <= paper.authors.length) {
    delete paper.authorCount
  }
  return paper
}

function what(items: readonly FeedItem[]): string {
  const [only] = items
  return items.length === 1 && only !== undefined
    ? quoted(only.fields.title)
    : count(items.length, 'paper')
}

export function planTriage(
  ctx: OrganizeContext,
  request: TriageRequest,
  paperOf: (item: FeedItem) => string | undefined,
): Plan<ChangeOutcome> {
  const items = uniqueIds(request.ids).map((id) => requireItem(ctx, id))
  const changes = new ChangeBuilder(ctx.records)
  const triaged = (
    item: FeedItem,
    state: FeedItem['state'],
    more: Partial<FeedItem> = {},
  ): void => {
    changes.put('feedItems', { ...item, ...more, state, triagedAt: ctx.at })
  }
  switch (request.action) {
    case 'skip':
      for (const item of items) triaged(item, 'skipped')
      return outcomePlan(changes.changes(), `Skip ${what(items)}`, items.length)
    case 'thumbs-up':
    case 'thumbs-down':
    case 'clear-thumbs': {
      const thumbs =
        request.action === 'thumbs-up'
          ? 'up'
          : request.action === 'thumbs-down'
            ? 'down'
            : undefined
      for (const item of items) {
        const next: FeedItem = { ...item }
        if (thumbs === undefined) delete next.thumbs
        else next.thumbs = thumbs
        changes.put('feedItems', next)
      }
      const label =
        thumbs === undefined
          ? `Clear the thumbs of ${what(items)}`
          : `Thumbs ${thumbs} for ${what(items)}`
      return outcomePlan(changes.changes(), label, items.length)
    }
    case 'keep':
    case 'star': {
      const star = request.action === 'star'
      const explicit =
        request.collectionId === undefined
          ? undefined
          : requireLiveCollection(ctx.records, request.collectionId)
      for (const item of items) {
        const knownId = item.paperId ?? paperOf(item)
        const existing = knownId === undefined ? undefined : changes.get('papers', knownId)
        let paperId: string
        if (existing === undefined || existing.trashedAt !== undefined) {
          const paper = paperOfItem(item, ctx, star)
          changes.put('papers', paper)
          paperId = paper.id
        } else {
          paperId = existing.id
          if (star && !existing.starred) {
            changes.put('papers', { ...existing, starred: true, updatedAt: ctx.at })
          }
        }
        triaged(item, 'kept', { paperId })
        const collection =
          explicit === undefined
            ? feedCollection(ctx, changes, item)
            : changes.get('collections', explicit.id)
        if (collection !== undefined && !collection.paperIds.includes(paperId)) {
          changes.put('collections', {
            ...collection,
            paperIds: [...collection.paperIds, paperId],
            updatedAt: ctx.at,
          })
        }
      }
      const into = explicit === undefined ? '' : ` in ${quoted(explicit.name)}`
      return outcomePlan(
        changes.changes(),
        `${star ? 'Star and keep' : 'Keep'} ${what(items)}${into}`,
        items.length,
      )
    }
  }
}

/** The collection a feed of the item puts kept papers in (as this change set has it), if any. */
function feedCollection(
  ctx: OrganizeContext,
  changes: ChangeBuilder,
  item: FeedItem,
): Collection | undefined {
  for (const source of item.sources) {
    const collectionId = ctx.records.feeds.get(source.feedId)?.collectionId
    if (collectionId === undefined) continue
    const collection = changes.get('collections', collectionId)
    if (collection !== undefined && collection.trashedAt === undefined) return collection
  }
  return undefined
}
