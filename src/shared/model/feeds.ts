// Feeds and the Today inbox: the subscriptions Offprint checks for new papers,
// the items they bring (not library papers until kept), and the ranked inbox.
import type { ImportFormat, Paper } from './paper'

/** What a subscription reads: Hugging Face Daily Papers, arXiv announcement feeds, an arXiv API query. */
export type FeedKind = 'hf-daily' | 'arxiv' | 'arxiv-query'

/** How much of Hugging Face's Daily Papers a check asks for: today, this ISO week, this month. */
export type HfFeedPeriod = 'day' | 'week' | 'month'

export interface Feed {
  id: string
  /** What the user calls it ("HF Daily Papers", "arXiv cs.CL+cs.LG"). */
  name: string
  kind: FeedKind
  /** As written when added: `hf-daily`, `arxiv:cs.CL+cs.LG`, `arxiv-query:au:Bengio`. */
  spec: string
  /** hf-daily: how much of Daily Papers is asked for. */
  hfPeriod?: HfFeedPeriod
  /** arxiv: the categories joined with `+`. */
  categories?: string
  /** arxiv-query: the arXiv API's search_query. */
  query?: string
  /** Hours between two checks. */
  everyHours: number
  /** Kept items go into this collection too. */
  collectionId?: string
  createdAt: string
  /** When it was last checked, and when a check last succeeded. */
  lastCheckAt?: string
  lastSuccessAt?: string
  /** Why the last check failed (absent when it succeeded). */
  lastError?: string
  /** Failed checks in a row: the wait before the next one doubles with each. */
  failures: number
  /** When the next check is due (absent: at once). */
  nextCheckAt?: string
}

/** Where an item was seen. */
export interface FeedItemSource {
  feedId: string
  feedName: string
  kind: FeedKind
  seenAt: string
}

export type FeedItemState = 'new' | 'kept' | 'skipped'
export type Thumbs = 'up' | 'down'

/** A paper's own fields as a feed gives them: what keeping it turns into a library paper. */
export type FeedPaperFields = Omit<
  Paper,
  'id' | 'upvotes' | 'status' | 'starred' | 'addedAt' | 'updatedAt' | 'trashedAt' | 'source'
>

/** One new paper seen in one or more feeds: not a library paper until kept. */
export interface FeedItem {
  id: string
  /** What makes two sightings one item: `arxiv:2606.12730`, else the normalized title and year. */
  key: string
  fields: FeedPaperFields
  /** Hugging Face upvotes (the highest seen). */
  upvotes: number
  /** The format it was read from (the kept paper's source). */
  format: ImportFormat
  sources: FeedItemSource[]
  firstSeenAt: string
  /** A new version was announced (arXiv "replace") after it was first seen. */
  replacedAt?: string
  state: FeedItemState
  triagedAt?: string
  thumbs?: Thumbs
  /** The library paper it became (kept). */
  paperId?: string
}

/** How the inbox is ordered. */
export type InboxSort = 'relevance' | 'upvotes' | 'date'

/** An item as the Today view and `inbox --json` show it. */
export interface InboxItem {
  id: string
  title: string
  abstract: string
  authors: string[]
  arxivId?: string
  published?: string
  upvotes: number
  /** The feeds it was seen in, by name. */
  sources: string[]
  state: FeedItemState
  thumbs?: Thumbs
  /** Relevance to the library, 0 to 1 (rounded to 3 places). */
  score: number
  /** Why it ranks where it does: "like “ToolRL” and “ToolGen” · 42 upvotes". */
  reason: string
  /** The library papers it is most like (what the reason names). */
  like: { id: string; title: string }[]
  /** The library paper it is (already in the library, or kept). */
  paperId?: string
  firstSeenAt: string
  replaced: boolean
}

export interface InboxPage {
  items: InboxItem[]
  counts: InboxCounts
  /** When Today was last opened before (null: never); items first seen after it are new since. */
  lastVisitAt: string | null
}

/** What the sidebar says of Today: the inbox's counts, and how many new items arrived since the last visit. */
export interface TodayStatus {
  counts: InboxCounts
  /** Untriaged items first seen after the last visit (all of them before a first visit). */
  sinceVisit: number
  lastVisitAt: string | null
}

export interface InboxCounts {
  new: number
  kept: number
  skipped: number
}

/** What one feed's check did. */
export interface FeedCheck {
  feedId: string
  name: string
  outcome: 'ok' | 'failed' | 'weekend' | 'not-due'
  /** Items new to the inbox, and items seen before that this check added to. */
  added: number
  updated: number
  error?: string
}

export interface FeedRefreshReport {
  checks: FeedCheck[]
  /** Skipped items past their expiry, removed. */
  expired: number
}

/** A feed with what the sidebar says of it. */
export interface FeedStatus extends Feed {
  /** Items of this feed waiting in the inbox. */
  newItems: number
}

export type TriageAction = 'keep' | 'star' | 'skip' | 'thumbs-up' | 'thumbs-down' | 'clear-thumbs'

/** Skipped items are removed after this many days unless the settings say otherwise. */
export const DEFAULT_SKIPPED_ITEM_DAYS = 30
/** Hours between two checks of a feed unless the user says otherwise. */
export const DEFAULT_FEED_HOURS = 6
