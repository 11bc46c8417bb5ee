// Feeds and the Today inbox: subscriptions (records of kind "feeds"), the items
// their checks bring (kind "feedItems": journaled, sharded and backed up like
// papers, so a kept item and its new paper are one atomic commit and one undo
// step), checks at start and on schedule, expiry of skipped items, the ranked
// inbox and triage.
import type {
  Feed,
  FeedCheck,
  FeedRefreshReport,
  FeedStatus,
  InboxCounts,
  InboxItem,
} from '../../../shared/model'
import { DEFAULT_FEED_HOURS } from '../../../shared/model'
import { readSettings } from '../../../shared/api/schemas'
import { localIsoDate } from '../imports/importedPapers'
import { ImportCancelledError } from '../imports/yieldingLoop'
import { BadInputError, messageOf } from '../kernel/errors'
import type { LibraryKernel } from '../kernel/kernel'
import type { CommittedChange, Service } from '../kernel/service'
import type { LookupService } from '../lookup/lookupService'
import { requireLiveCollection } from '../organize/collections'
import type { PlanRunner } from '../organize/planRunner'
import type { RelatedService } from '../related/relatedService'
import { fetchFeed } from './feedFetch'
import { expiredItems, mergeIntoItems } from './feedItems'
import { afterFailure, afterSuccess, afterWeekend, isArxivWeekend, isDue } from './feedSchedule'
import { parseFeedSpec } from './feedSpec'
import { InboxRanker } from './inboxRanker'
import { rankItem, sortInbox } from './inboxRanking'
import { LibraryKeys } from './libraryKeys'
import { planTriage } from './triage'

type FeedMethod =
  | 'getTodayStatus'
  | 'visitToday'
  | 'listFeeds'
  | 'addFeed'
  | 'updateFeed'
  | 'removeFeed'
  | 'refreshFeeds'
  | 'listInbox'
  | 'triageInbox'

/** How often the schedule looks for feeds whose check is due. */
const SCHEDULE_TICK_MS = 60_000

function requireFeed(kernel: LibraryKernel, id: string): Feed {
  const feed = kernel.store.feeds.get(id)
  if (feed === undefined) throw new BadInputError(`No feed has the id ${id}`)
  return feed
}

export class FeedsService implements Service<FeedMethod> {
  readonly libraryKeys: LibraryKeys
  private readonly ranker: InboxRanker
  private refreshing: Promise<unknown> = Promise.resolve()
  private timer: ReturnType<typeof setInterval> | undefined
  private readonly stop = new AbortController()
  constructor(
    private readonly kernel: LibraryKernel,
    private readonly plans: PlanRunner,
    private readonly lookups: LookupService,
    private readonly related: RelatedService,
  ) {
    this.libraryKeys = new LibraryKeys(kernel)
    this.ranker = new InboxRanker(kernel, related, this.libraryKeys)
  }

  readonly handlers: Service<FeedMethod>['handlers'] = {
    listFeeds: () => Promise.resolve(this.feedStatuses()),

    addFeed: ({ spec, name, everyHours, collectionId }) =>
      this.plans.run((ctx) => {
        const parsed = parseFeedSpec(spec)
        if ([...ctx.records.feeds.values()].some((feed) => feed.spec === parsed.spec)) {
          throw new BadInputError(`You already follow ${parsed.spec}`)
        }
        if (collectionId !== undefined) requireLiveCollection(ctx.records, collectionId)
        const feed: Feed = {
          ...parsed,
          id: ctx.newId(),
          name: name ?? parsed.name,
          everyHours: everyHours ?? DEFAULT_FEED_HOURS,
          ...(collectionId === undefined ? {} : { collectionId }),
          createdAt: ctx.at,
          failures: 0,
        }
        return { changes: { feeds: { put: [feed] } }, label: `Follow ${feed.name}`, result: feed }
      }),

    updateFeed: ({ id, name, everyHours, collectionId }) =>
      this.plans.run((ctx) => {
        const feed = requireFeed(this.kernel, id)
        const next: Feed = {
          ...feed,
          ...(name === undefined ? {} : { name }),
          ...(everyHours === undefined ? {} : { everyHours }),
        }
        if (collectionId === null) delete next.collectionId
        else if (collectionId !== undefined) {
          requireLiveCollection(ctx.records, collectionId)
          next.collectionId = collectionId
        }
        return { changes: { feeds: { put: [next] } }, label: `Change ${next.name}`, result: next }
      }),

    removeFeed: ({ id }) =>
      this.plans.run((ctx) => {
        const feed = requireFeed(this.kernel, id)
        // Its untriaged items that no other feed brought go with it.
        const orphans = [...ctx.records.feedItems.values()]
          .filter((item) => item.state === 'new' && item.sources.every((s) => s.feedId === id))
          .map((item) => item.id)
        return {
          changes: { feeds: { remove: [id] }, feedItems: { remove: orphans } },
          label: `Stop following ${feed.name}`,
          result: feed,
        }
      }),

    refreshFeeds: (args) => this.refresh(args),

    listInbox: async ({ sort, state, limit }) => {
      const wanted = state ?? 'new'
      const context = await this.ranker.context()
      const items: InboxItem[] = []
      for (const item of this.kernel.store.feedItems.values()) {
        if (wanted === 'all' || item.state === wanted) items.push(rankItem(item, context))
      }
      const sorted = sortInbox(items, sort ?? 'relevance')
      return {
        items: limit === undefined ? sorted : sorted.slice(0, limit),
        counts: this.counts(),
        lastVisitAt: this.lastVisitAt(),
      }
    },

    getTodayStatus: () => {
      const lastVisitAt = this.lastVisitAt()
      let sinceVisit = 0
      for (const item of this.kernel.store.feedItems.values()) {
        if (item.state === 'new' && (lastVisitAt === null || item.firstSeenAt > lastVisitAt))
          sinceVisit++
      }
      return Promise.resolve({ counts: this.counts(), sinceVisit, lastVisitAt })
    },

    // Per library, not per machine: the items, their triage and this stamp all
    // live in the library, so what you saw on one machine is not new on another.
    visitToday: () =>
      this.kernel.mutate(async () => {
        const lastVisitAt = this.lastVisitAt()
        const settings = this.kernel.store.settings
        // Heard as a change of the feeds: the sidebar's "new" count follows.
        await this.kernel.commit(
          { settings: { ...settings, todayVisitedAt: this.kernel.now().toISOString() } },
          ['feeds'],
        )
        return { lastVisitAt }
      }),

    triageInbox: (request) =>
      this.plans.run((ctx) => planTriage(ctx, request, (item) => this.libraryKeys.paperOf(item))),
  }

  /** Checks due feeds now and every minute from now on (the app does; the CLI and tests do not). */
  startSchedule(): void {
    const tick = (): void => {
      this.refresh({ due: true }).catch((error: unknown) => {
        if (!(error instanceof ImportCancelledError) && !this.kernel.closed)
          console.error('offprint: feed check failed:', messageOf(error))
      })
    }
    tick()
    this.timer = setInterval(tick, SCHEDULE_TICK_MS)
    this.timer.unref?.()
  }

  committed = (change: CommittedChange): void => {
    this.libraryKeys.committed(change)
    this.ranker.committed(change)
  }

  reset(): void {
    this.libraryKeys.reset()
    this.ranker.reset()
  }

  close(): Promise<void> {
    clearInterval(this.timer)
    this.stop.abort()
    return this.refreshing.then(
      () => undefined,
      () => undefined,
    )
  }

  private lastVisitAt(): string | null {
    return readSettings(this.kernel.store.settings).todayVisitedAt
  }

  private counts(): InboxCounts {
    const counts: InboxCounts = { new: 0, kept: 0, skipped: 0 }
    for (const item of this.kernel.store.feedItems.values()) counts[item.state]++
    return counts
  }

  private feedStatuses(): FeedStatus[] {
    const waiting = new Map<string, number>()
    for (const item of this.kernel.store.feedItems.values()) {
      if (item.state !== 'new') continue
      for (const source of item.sources) {
        waiting.set(source.feedId, (waiting.get(source.feedId) ?? 0) + 1)
      }
    }
    return [...this.kernel.store.feeds.values()]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name))
      .map((feed) => ({ ...feed, newItems: waiting.get(feed.id) ?? 0 }))
  }

  /** One refresh at a time: a second waits for the first. */
  private refresh(args: {
    ids?: string[]
    due?: boolean
    force?: boolean
  }): Promise<FeedRefreshReport> {
    const run = this.refreshing.then(
      () => this.refreshNow(args),
      () => this.refreshNow(args),
    )
    this.refreshing = run.catch(() => undefined)
    return run
  }

  private async refreshNow({
    ids,
    due = false,
    force = false,
  }: {
    ids?: string[]
    due?: boolean
    force?: boolean
  }): Promise<FeedRefreshReport> {
    const store = this.kernel.store
    const feeds =
      ids === undefined || ids.length === 0
        ? this.feedStatuses().map((feed) => requireFeed(this.kernel, feed.id))
        : ids.map((id) => requireFeed(this.kernel, id))
    const checks: FeedCheck[] = []
    for (const feed of feeds) {
      const now = this.kernel.now()
      const check: FeedCheck = {
        feedId: feed.id,
        name: feed.name,
        outcome: 'ok',
        added: 0,
        updated: 0,
      }
      checks.push(check)
      if (due && !isDue(feed, now)) {
        check.outcome = 'not-due'
        continue
      }
      if (!force && isArxivWeekend(feed, now)) {
        check.outcome = 'weekend'
        await this.saveFeed(feed.id, (current) => ({
          ...current,
          nextCheckAt: afterWeekend(now).toISOString(),
        }))
        continue
      }
      try {
        await this.kernel.queue.idle()
        const origins = this.lookups.lookup.origins()
        const fetched = await fetchFeed(
          feed,
          this.lookups.lookup.fetcher,
          origins,
          localIsoDate(now),
          this.stop.signal,
        )
        await this.kernel.mutate(async () => {
          const current = store.feeds.get(feed.id)
          if (current === undefined) return
          const byKey = new Map<string, string>()
          for (const item of store.feedItems.values()) byKey.set(item.key, item.id)
          const at = this.kernel.now()
          const merged = mergeIntoItems(
            store.feedItems,
            byKey,
            current,
            fetched.format,
            fetched.records,
            at.toISOString(),
          )
          check.added = merged.added
          check.updated = merged.updated
          await this.kernel.commit({
            feeds: { put: [afterSuccess(current, at)] },
            ...(merged.put.length === 0 ? {} : { feedItems: { put: merged.put } }),
          })
          this.ranker.stored(merged.put)
        })
      } catch (error) {
        if (this.stop.signal.aborted || error instanceof ImportCancelledError) throw error
        check.outcome = 'failed'
        check.error = messageOf(error)
        await this.saveFeed(feed.id, (current) =>
          afterFailure(current, this.kernel.now(), check.error ?? ''),
        )
      }
    }
    return { checks, expired: await this.expire() }
  }

  private saveFeed(id: string, change: (feed: Feed) => Feed): Promise<void> {
    return this.kernel.mutate(async () => {
      const current = this.kernel.store.feeds.get(id)
      if (current !== undefined) await this.kernel.commit({ feeds: { put: [change(current)] } })
    })
  }

  /** Removes skipped items past their days (Settings: skippedFeedItemDays). */
  private expire(): Promise<number> {
    return this.kernel.mutate(async () => {
      const store = this.kernel.store
      const days = readSettings(store.settings).skippedFeedItemDays
      const expired = expiredItems(store.feedItems, this.kernel.now(), days)
      if (expired.length > 0) await this.kernel.commit({ feedItems: { remove: expired } })
      return expired.length
    })
  }
}
