// Merging what two records say about one paper: the richer value of each field
// wins, lists are united, and nothing the user set (tags, stars, reading status)
// is lost. Used when an import meets a paper already in the library and when
// the user merges duplicates.
import type { Paper, PaperLink, ReadingStatus } from '../../../shared/model'
import { OPTIONAL_TEXT_FIELDS } from '../imports/parsedRecord'
import type { OptionalExtraField, ParsedRecord } from '../imports/parsedRecord'

/** The descriptive fields both a Paper and a ParsedRecord carry. */
export type PaperFields = Pick<Paper, 'title' | 'abstract' | 'authors' | 'links' | 'tags'> &
  Partial<Pick<Paper, OptionalExtraField | (typeof OPTIONAL_TEXT_FIELDS)[number]>>

/** Counts where the larger is the newer news (stars and comments only grow). */
const COUNT_FIELDS = ['comments', 'githubStars'] as const

const STATUS_RANK: Record<ReadingStatus, number> = { unread: 0, reading: 1, read: 2 }

/** Links of both, each URL once, `base`'s first. */
function unionLinks(base: PaperLink[], other: PaperLink[]): PaperLink[] {
  const seen = new Set(base.map((link) => link.url))
  return [
    ...base,
    ...other.filter((link) => !seen.has(link.url) && seen.add(link.url) !== undefined),
  ]
}

function unionTags(base: string[], other: string[]): string[] {
  const seen = new Set(base.map((tag) => tag.toLowerCase()))
  return [
    ...base,
    ...other.filter(
      (tag) => !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()) !== undefined,
    ),
  ]
}

/** Every citation key of both but the merged paper's own, each once (keys ignore case). */
function keyAliases(merged: PaperFields, base: PaperFields, other: PaperFields): string[] {
  const seen = new Set([merged.citationKey?.toLowerCase()])
  const keys = [
    ...(base.citationKeyAliases ?? []),
    base.citationKey,
    other.citationKey,
    ...(other.citationKeyAliases ?? []),
  ]
  return keys.filter(
    (key): key is string =>
      key !== undefined &&
      key !== '' &&
      !seen.has(key.toLowerCase()) &&
      seen.add(key.toLowerCase()) !== undefined,
  )
}

/**
 * `base` enriched with `other`. Returns the merged fields and the names of the
 * fields that changed (empty: `other` adds nothing).
 */
export function mergeFields<T extends PaperFields>(
  base: T,
  other: PaperFields,
): { merged: T; changed: string[] } {
  const merged: T = { ...base }
  const changed: string[] = []
  if (other.abstract.trim().length > base.abstract.trim().length) {
    merged.abstract = other.abstract
    changed.push('abstract')
  }
  if (other.authors.length > base.authors.length) {
    merged.authors = [...other.authors]
    changed.push('authors')
  }
  if (
    other.authorCount !== undefined &&
    other.authorCount > (base.authorCount ?? -1) &&
    other.authorCount > merged.authors.length
  ) {
    merged.authorCount = other.authorCount
    changed.push('authorCount')
  }
  for (const field of OPTIONAL_TEXT_FIELDS) {
    const mine = base[field]
    const theirs = other[field]
    if (theirs === undefined || theirs === '') continue
    // A date is richer when more precise (2017-12-04 over 2017); anything else fills a gap.
    const better =
      mine === undefined ||
      mine === '' ||
      (field === 'published' && theirs.length > mine.length && theirs.startsWith(mine.slice(0, 4)))
    if (better && theirs !== mine) {
      ;(merged as PaperFields)[field] = theirs as never
      changed.push(field)
    }
  }
  const aliases = keyAliases(merged, base, other)
  if (aliases.length > (base.citationKeyAliases?.length ?? 0)) {
    merged.citationKeyAliases = aliases
    changed.push('citationKeyAliases')
  }
  const links = unionLinks(base.links, other.links)
  if (links.length > base.links.length) {
    merged.links = links
    changed.push('links')
  }
  const tags = unionTags(base.tags, other.tags)
  if (tags.length > base.tags.length) {
    merged.tags = tags
    changed.push('tags')
  }
  if (other.upvotes !== undefined && other.upvotes > (base.upvotes ?? 0)) {
    merged.upvotes = other.upvotes
    changed.push('upvotes')
  }
  for (const field of COUNT_FIELDS) {
    const theirs = other[field]
    if (theirs !== undefined && theirs > (base[field] ?? -1)) {
      merged[field] = theirs
      changed.push(field)
    }
  }
  if (other.aiKeywords !== undefined && other.aiKeywords.length > (base.aiKeywords?.length ?? 0)) {
    merged.aiKeywords = [...other.aiKeywords]
    changed.push('aiKeywords')
  }
  return { merged, changed }
}

/**
 * `base` updated to a newer version of itself (an arXiv replacement): the
 * version's title, abstract and authors win where it has them; every other
 * field merges as in mergeFields.
 */
export function updateFields<T extends PaperFields>(
  base: T,
  version: PaperFields,
): { merged: T; changed: string[] } {
  const { merged, changed } = mergeFields(base, version)
  const changes = new Set(changed)
  if (version.title.trim() !== '' && version.title !== merged.title) {
    merged.title = version.title
    changes.add('title')
  }
  if (version.abstract.trim() !== '' && version.abstract !== merged.abstract) {
    merged.abstract = version.abstract
    changes.add('abstract')
  }
  if (version.authors.length > 0 && version.authors.join('\n') !== merged.authors.join('\n')) {
    merged.authors = [...version.authors]
    changes.add('authors')
  }
  return { merged, changed: [...changes] }
}

/** Two library papers as one: `keep`'s identity and title, the richest of both, the user's marks of both. */
export function mergePapers(keep: Paper, other: Paper): { merged: Paper; changed: string[] } {
  const { merged, changed } = mergeFields(keep, other)
  if (other.starred && !keep.starred) {
    merged.starred = true
    changed.push('starred')
  }
  if (STATUS_RANK[other.status] > STATUS_RANK[keep.status]) {
    merged.status = other.status
    changed.push('status')
  }
  return { merged, changed }
}

/** The descriptive fields of a parsed record, without its position in the file. */
export function recordFields(record: ParsedRecord): PaperFields {
  // Copied key by key rather than spread and deleted from: an object that
  // lost properties turns slow, and so does every paper spread from it.
  const fields: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) {
    if (!NOT_FIELDS.has(key)) fields[key] = value
  }
  return fields as PaperFields
}

/** What a parsed record says about its place in the file, not about the paper. */
const NOT_FIELDS = new Set(['line', 'entry', 'replaces', 'enrichOnly'])

/** How much a paper says, to suggest which of several duplicates to keep. */
export function richness(paper: PaperFields): number {
  let score =
    Math.min(paper.abstract.length, 5000) / 1000 +
    paper.authors.length +
    paper.links.length +
    paper.tags.length
  for (const field of OPTIONAL_TEXT_FIELDS) if (paper[field] !== undefined) score += 2
  return score
}
