// arXiv's announcement feeds (rss.arxiv.org/rss/cs.AI, /atom/cs.AI, several
// categories joined by "+"): RSS 2.0 or Atom, one item per paper announced
// that day, each with its arxiv:announce_type. "new" and "cross" (a paper new
// to this category) are papers to add; "replace" and "replace-cross" are new
// versions of papers announced before, which update the paper the library has
// (title, abstract and authors of the new version) rather than merge into it.
// Authors come as one dc:creator line, names separated by commas, with LaTeX
// accents; the abstract follows an "arXiv:ID Announce Type: … Abstract:" line.
import { XMLParser } from 'fast-xml-parser'
import type { PaperLink, SkippedEntry } from '../../../shared/model'
import { extractLinks, uniqueLinks } from './abstractLinks'
import { parseArxivId, parseDoi } from './identifiers'
import { isoFromParts, monthNumber } from './isoDate'
import { latexToText } from './bibtex/latex'
import type { ParseControl, ParsedImport, ParsedRecord } from './parsedRecord'
import { elementStarts, elementText } from './xmlText'
import { yieldingLoop } from './yieldingLoop'

/** An announcement feed: RSS or Atom that names rss.arxiv.org or carries announce types. */
export function looksLikeArxivFeed(head: string): boolean {
  return (
    (/<rss[\s>]/.test(head) || /<feed[\s>]/.test(head)) &&
    /rss\.arxiv\.org|<arxiv:announce_type>|oai:arXiv\.org:/.test(head)
  )
}

export class ArxivFeedError extends Error {}
/** The feed is well-formed and lists nothing: a weekend or a holiday. */
export class EmptyArxivFeedError extends ArxivFeedError {}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['item', 'entry', 'category', 'link'].includes(name),
  stopNodes: ['*.item.title', '*.item.description', '*.entry.title', '*.entry.summary'],
})

/** An RSS <item> or an Atom <entry>, as the parser returns it. */
interface FeedEntry {
  title?: unknown
  description?: unknown
  summary?: unknown
  guid?: unknown
  id?: unknown
  link?: unknown[]
  category?: unknown[]
  pubDate?: unknown
  published?: unknown
  'arxiv:announce_type'?: unknown
  'dc:creator'?: unknown
  'arxiv:DOI'?: unknown
  'arxiv:journal_reference'?: unknown
}

interface FeedDocument {
  rss?: { channel?: { title?: unknown; description?: unknown; item?: FeedEntry[] } }
  feed?: { title?: unknown; subtitle?: unknown; entry?: FeedEntry[] }
}

/** How an entry was announced; anything else is refused as not a paper announcement. */
const ANNOUNCE_TYPES = new Set(['new', 'cross', 'replace', 'replace-cross'])

/** "arXiv:2411.17700v1 Announce Type: new \nAbstract: …" before the abstract itself. */
const ANNOUNCE_LINE = /^arXiv:\S+\s+Announce Type:\s*[\w-]+\s+Abstract:\s*/i

function plain(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim()
  if (typeof value === 'object' && value !== null && '#text' in value) {
    return plain((value as { '#text': unknown })['#text'])
  }
  return ''
}

const RFC822_DATE = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/

/** The calendar day of an RSS pubDate ("Thu, 28 Nov 2024 00:00:00 -0500") or an Atom date, as written. */
function announceDay(value: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (iso !== null) return isoFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const rfc = RFC822_DATE.exec(value)
  if (rfc === null) return undefined
  return isoFromParts(Number(rfc[3]), monthNumber(rfc[2]), Number(rfc[1]))
}

/** The document, or, when it is cut off, its entries up to the last whole one (and where it broke). */
function parseDocument(text: string): { document: FeedDocument; cutAt?: number } {
  try {
    return { document: parser.parse(text, true) as FeedDocument }
  } catch (error) {
    const isRss = /<rss[\s>]/.test(text.slice(0, 4096))
    const endTag = isRss ? '</item>' : '</entry>'
    const end = text.lastIndexOf(endTag)
    if (end !== -1) {
      const whole = text.slice(0, end + endTag.length)
      try {
        const document = parser.parse(
          whole + (isRss ? '</channel></rss>' : '</feed>'),
          true,
        ) as FeedDocument
        return { document, cutAt: end + endTag.length }
      } catch {
        // Broken before its end too: report the first error.
      }
    }
    throw new ArxivFeedError(
      `the feed is not well-formed XML (${String(error instanceof Error ? error.message : error)})`,
    )
  }
}

export async function parseArxivFeed(
  text: string,
  control: ParseControl = {},
): Promise<ParsedImport> {
  const { document, cutAt } = parseDocument(text)
  const channel = document.rss?.channel
  const title = elementText(channel?.title ?? document.feed?.title)
  if (/^Feed error/i.test(title)) {
    const why = elementText(channel?.description ?? document.feed?.subtitle)
    throw new ArxivFeedError(`arXiv answered with an error: ${why === '' ? title : why}`)
  }
  const entries = channel?.item ?? document.feed?.entry ?? []
  const starts = elementStarts(text, channel === undefined ? /<entry[\s>]/g : /<item[\s>]/g)
  const skipped: SkippedEntry[] = []
  if (cutAt !== undefined) {
    skipped.push({
      line: starts.find((start) => start.index >= cutAt)?.line ?? starts.at(-1)?.line ?? 1,
      entry: entries.length + 1,
      reason: 'the feed is cut off in the middle of this entry; the entries before it were read',
    })
  }
  if (entries.length === 0 && cutAt === undefined) {
    throw new EmptyArxivFeedError(
      `the feed "${title}" lists no papers (arXiv announces none on Saturdays, Sundays and holidays)`,
    )
  }
  const records: ParsedRecord[] = []
  await yieldingLoop(entries.length, control, (i) => {
    const entry = entries[i]
    if (entry === undefined) return
    const at = { line: starts[i]?.line ?? 1, entry: i + 1 }
    const record = toRecord(entry, at.line, at.entry)
    if (typeof record === 'string') skipped.push({ ...at, reason: record })
    else records.push(record)
  })
  skipped.sort((a, b) => a.line - b.line)
  return { format: 'arxiv-feed', records, skipped, identifiers: [] }
}

function toRecord(entry: FeedEntry, line: number, index: number): ParsedRecord | string {
  const title = elementText(entry.title)
  if (title === '') return 'the entry has no title'
  const announce = plain(entry['arxiv:announce_type']).toLowerCase()
  if (!ANNOUNCE_TYPES.has(announce)) {
    return announce === ''
      ? 'the entry has no arxiv:announce_type'
      : `unknown announce type "${announce}"`
  }
  const arxivId = parseArxivId(plain(entry.guid ?? entry.id).replace(/^oai:arXiv\.org:/i, ''))
  if (arxivId === undefined) return 'the entry has no arXiv id'
  const abstract = elementText(entry.description ?? entry.summary).replace(ANNOUNCE_LINE, '')
  const authors = plain(entry['dc:creator'])
    .split(/\s*,\s*|\s+and\s+/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
    // Authors' LaTeX (Pi\v{z}urica, Milovi\'c): the BibTeX reader's converter, name by name.
    .map((name) => latexToText(name) ?? name)
  const links: PaperLink[] = []
  for (const link of entry.link ?? []) {
    const href =
      typeof link === 'object' && link !== null && '@_href' in link
        ? plain((link as { '@_href': unknown })['@_href'])
        : plain(link)
    links.push(...extractLinks(href))
  }
  const [pdf] = extractLinks(`https://arxiv.org/pdf/${arxivId}`)
  if (pdf !== undefined) links.push({ ...pdf, kind: 'pdf' })
  const record: ParsedRecord = {
    title,
    abstract,
    authors,
    links: uniqueLinks([...links, ...extractLinks(abstract)]),
    tags: (entry.category ?? [])
      .map((category) =>
        typeof category === 'object' && category !== null && '@_term' in category
          ? plain((category as { '@_term': unknown })['@_term'])
          : plain(category),
      )
      .filter((term) => term !== ''),
    type: 'preprint',
    arxivId,
    line,
    entry: index,
  }
  if (announce.startsWith('replace')) {
    record.replaces = true
  } else {
    // A new paper's announcement day is the day it appeared; a replacement's is not.
    const day = announceDay(plain(entry.pubDate ?? entry.published))
    if (day !== undefined) record.published = day
  }
  const doi = parseDoi(plain(entry['arxiv:DOI']))
  if (doi !== undefined) record.doi = doi
  const journal = plain(entry['arxiv:journal_reference'])
  if (journal !== '') record.venue = journal
  return record
}
