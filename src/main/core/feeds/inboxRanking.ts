// How the inbox is ranked, offline, against the library you keep. Each item's
// title and abstract become a TF-IDF vector over the library's own words (the
// index of "Similar papers", so the same stemming, stopwords and weights);
// it is compared with the papers you showed interest in (starred, kept from a
// feed, tagged, or with a note) and with the items you gave a thumbs up or
// down. The score blends, in this order of weight:
//   0.55 × likeness to those papers (the best match, plus half the second),
//   0.20 × thumbs (likeness to items you liked, minus to items you did not;
//          an item's own thumb counts fully),
//   0.15 × upvotes on Hugging Face (log scale, 100 or more counts fully),
//   0.10 × freshness (halves every two days since it was published or seen).
// The reason names what weighed: "like “ToolRL” and “ToolGen” · 42 upvotes".
import type { FeedItem, InboxItem, InboxSort, Paper } from '../../../shared/model'
import type { PaperSubset, RelatedPapersIndex, TextVector } from '../related/relatedPapers'
import { vectorSimilarity } from '../related/relatedPapers'

const WEIGHTS = { library: 0.55, thumbs: 0.2, upvotes: 0.15, freshness: 0.1 }
/** Below this a library paper is too unlike an item to be named as the reason. */
const NAMED_LIKENESS = 0.1
const FULL_UPVOTES = 100
const FRESHNESS_HALF_LIFE_DAYS = 2
/** An item's strongest terms compared: its rare, specific words decide. */
export const RANKING_TERMS = 24

export interface RankingContext {
  index: RelatedPapersIndex
  /** The papers the ranking learns from. */
  liked: PaperSubset
  titleOf(paperId: string): string
  /** Items with a thumb, as vectors. */
  thumbed: { up: TextVector[]; down: TextVector[] }
  /** An item's vector (cached while the index stays the same). */
  vectorOf(item: FeedItem): TextVector
  /** The library paper an item already is, if any. */
  paperOf(item: FeedItem): string | undefined
  now: Date
}

/** The papers whose likeness teaches the ranking: starred, kept, tagged, or with a note. */
export function isInteresting(paper: Paper, hasNote: boolean, kept: boolean): boolean {
  return (
    paper.trashedAt === undefined && (paper.starred || kept || hasNote || paper.tags.length > 0)
  )
}

function best(vector: TextVector, others: readonly TextVector[]): number {
  let top = 0
  for (const other of others) top = Math.max(top, vectorSimilarity(vector, other))
  return top
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

function ageDays(item: FeedItem, now: Date): number {
  const published = item.fields.published
  const at = Date.parse(
    published !== undefined && published.length >= 10 ? published : item.firstSeenAt,
  )
  return Number.isNaN(at) ? 0 : Math.max(0, (now.getTime() - at) / 86_400_000)
}

/** One item scored, with its reason. */
export function rankItem(item: FeedItem, context: RankingContext): InboxItem {
  const vector = context.vectorOf(item)
  const matches = context.liked.similarTo(vector, 2)
  const named = matches.filter((match) => match.score >= NAMED_LIKENESS)
  const library = Math.min(1, (matches[0]?.score ?? 0) + 0.5 * (matches[1]?.score ?? 0))
  const up = best(vector, context.thumbed.up)
  const down = best(vector, context.thumbed.down)
  const own = item.thumbs === 'up' ? 1 : item.thumbs === 'down' ? -1 : 0
  const thumbs = Math.max(-1, Math.min(1, own !== 0 ? own : up - down))
  const upvotes = Math.min(1, Math.log1p(item.upvotes) / Math.log1p(FULL_UPVOTES))
  const freshness = 0.5 ** (ageDays(item, context.now) / FRESHNESS_HALF_LIFE_DAYS)
  const score =
    WEIGHTS.library * library +
    WEIGHTS.thumbs * thumbs +
    WEIGHTS.upvotes * upvotes +
    WEIGHTS.freshness * freshness

  const like = named.map((match) => ({ id: match.id, title: context.titleOf(match.id) }))
  const reasons: string[] = []
  if (like.length > 0) reasons.push(`like ${like.map((paper) => `“${paper.title}”`).join(' and ')}`)
  if (own > 0) reasons.push('you gave it a thumbs up')
  else if (own < 0) reasons.push('you gave it a thumbs down')
  else if (up >= NAMED_LIKENESS && up > down) reasons.push('like items you gave a thumbs up')
  else if (down >= NAMED_LIKENESS && down > up) reasons.push('like items you gave a thumbs down')
  if (item.upvotes > 0) reasons.push(`${item.upvotes} upvote${item.upvotes === 1 ? '' : 's'}`)
  if (reasons.length === 0) reasons.push('new; like nothing you keep yet')

  const paperId = item.paperId ?? context.paperOf(item)
  return {
    id: item.id,
    title: item.fields.title,
    abstract: item.fields.abstract,
    authors: item.fields.authors,
    ...(item.fields.arxivId === undefined ? {} : { arxivId: item.fields.arxivId }),
    ...(item.fields.published === undefined ? {} : { published: item.fields.published }),
    upvotes: item.upvotes,
    sources: item.sources.map((source) => source.feedName),
    state: item.state,
    ...(item.thumbs === undefined ? {} : { thumbs: item.thumbs }),
    score: round(Math.max(0, score)),
    reason: reasons.join(' · '),
    like,
    ...(paperId === undefined ? {} : { paperId }),
    firstSeenAt: item.firstSeenAt,
    replaced: item.replacedAt !== undefined,
  }
}

/** Items in the order asked for; ties by first seen (newest first), then title. */
export function sortInbox(items: InboxItem[], sort: InboxSort): InboxItem[] {
  const tie = (a: InboxItem, b: InboxItem): number =>
    b.firstSeenAt.localeCompare(a.firstSeenAt) || a.title.localeCompare(b.title)
  const by: Record<InboxSort, (a: InboxItem, b: InboxItem) => number> = {
    relevance: (a, b) => b.score - a.score || tie(a, b),
    upvotes: (a, b) => b.upvotes - a.upvotes || b.score - a.score || tie(a, b),
    date: (a, b) =>
      (b.published ?? b.firstSeenAt).localeCompare(a.published ?? a.firstSeenAt) || tie(a, b),
  }
  return items.sort(by[sort])
}
