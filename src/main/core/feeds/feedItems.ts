// A check's papers into the inbox: one item per paper, whichever feeds it came
// from. Two sightings are one item when they share an arXiv id (any version),
// else the normalized title and year (duplicates' own keys). A paper
// cross-listed in two categories and on Daily Papers is one item with three
// sources and its upvotes. A replacement (arXiv's new version) updates the
// item's title, abstract and authors; skipped and kept items stay triaged.
import { randomUUID } from 'node:crypto'
import type { Feed, FeedItem, FeedPaperFields, ImportFormat, Paper } from '../../../shared/model'
import { duplicateKeys } from '../duplicates/duplicateKeys'
import type { ParsedRecord } from '../imports/parsedRecord'
import type { ReadonlyRecords } from '../store/libraryStore'

/** The key an item is known by: its arXiv id when it has one, else its title key. */
export function itemKey(
  fields: Pick<Paper, 'title'> & Partial<Pick<Paper, 'arxivId' | 'published'>>,
): string {
  const keys = duplicateKeys(fields)
  return keys.find((key) => key.startsWith('arxiv:')) ?? keys[0] ?? `title:${fields.title}`
}

/** Every key an item or a paper answers to (arXiv id, DOI, title and year). */
export function identityKeys(
  fields: Pick<Paper, 'title'> & Partial<Pick<Paper, 'arxivId' | 'doi' | 'published'>>,
): string[] {
  return duplicateKeys(fields)
}

function fieldsOf(record: ParsedRecord): FeedPaperFields {
  const fields: Record<string, unknown> = { ...record }
  for (const key of ['line', 'entry', 'replaces', 'enrichOnly', 'upvotes']) delete fields[key]
  return fields as unknown as FeedPaperFields
}

/** `fields` with what `more` adds: values it lacks, tags and links it does not have. */
function mergeFields(
  fields: FeedPaperFields,
  more: FeedPaperFields,
  replaces: boolean,
): FeedPaperFields {
  const merged: FeedPaperFields = { ...more, ...fields }
  if (replaces) {
    merged.title = more.title
    merged.abstract = more.abstract
    if (more.authors.length > 0) merged.authors = more.authors
  } else {
    if (merged.abstract === '' && more.abstract !== '') merged.abstract = more.abstract
    if (merged.authors.length === 0) merged.authors = more.authors
  }
  merged.tags = [...new Set([...fields.tags, ...more.tags])]
  const urls = new Set(fields.links.map((link) => link.url))
  merged.links = [...fields.links, ...more.links.filter((link) => !urls.has(link.url))]
  return merged
}

export interface MergedCheck {
  put: FeedItem[]
  added: number
  updated: number
}

/** The items a check of `feed` creates or changes, given the items there are. */
export function mergeIntoItems(
  items: ReadonlyRecords<'feedItems'>,
  byKey: ReadonlyMap<string, string>,
  feed: Feed,
  format: ImportFormat,
  records: readonly ParsedRecord[],
  at: string,
): MergedCheck {
  const changed = new Map<string, FeedItem>()
  const created = new Map<string, FeedItem>()
  let updated = 0
  for (const record of records) {
    const fields = fieldsOf(record)
    const key = itemKey(fields)
    const id = byKey.get(key)
    const known =
      created.get(key) ?? (id === undefined ? undefined : (changed.get(id) ?? items.get(id)))
    if (known === undefined) {
      // A new version of a paper the inbox never had is an old paper, not a new one.
      if (record.replaces === true) continue
      created.set(key, {
        id: randomUUID(),
        key,
        fields,
        upvotes: record.upvotes ?? 0,
        format,
        sources: [{ feedId: feed.id, feedName: feed.name, kind: feed.kind, seenAt: at }],
        firstSeenAt: at,
        state: 'new',
      })
      continue
    }
    const seen = known.sources.some((source) => source.feedId === feed.id)
    const next: FeedItem = {
      ...known,
      fields: mergeFields(known.fields, fields, record.replaces === true),
      upvotes: Math.max(known.upvotes, record.upvotes ?? 0),
      sources: seen
        ? known.sources
        : [...known.sources, { feedId: feed.id, feedName: feed.name, kind: feed.kind, seenAt: at }],
      ...(record.replaces === true ? { replacedAt: at } : {}),
    }
    if (JSON.stringify(next) === JSON.stringify(known)) continue
    if (created.has(key)) created.set(key, next)
    else {
      if (!changed.has(known.id)) updated++
      changed.set(known.id, next)
    }
  }
  return { put: [...created.values(), ...changed.values()], added: created.size, updated }
}

/** Skipped items triaged more than `days` days before `now`: what expiry removes. */
export function expiredItems(
  items: ReadonlyRecords<'feedItems'>,
  now: Date,
  days: number,
): string[] {
  const cutoff = now.getTime() - days * 86_400_000
  const expired: string[] = []
  for (const item of items.values()) {
    if (item.state === 'skipped' && Date.parse(item.triagedAt ?? item.firstSeenAt) < cutoff) {
      expired.push(item.id)
    }
  }
  return expired
}
