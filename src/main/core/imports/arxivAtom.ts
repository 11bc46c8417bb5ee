// arXiv API responses: an Atom feed with one <entry> per paper, arXiv's own
// elements (arxiv:doi, arxiv:journal_ref) beside Atom's. Read with
// fast-xml-parser, whose limits on entity expansion and tag nesting keep a
// hostile document from exhausting memory.
import { XMLParser } from 'fast-xml-parser'
import type { PaperLink, SkippedEntry } from '../../../shared/model'
import { extractLinks, uniqueLinks } from './abstractLinks'
import { parseArxivId, parseDoi } from './identifiers'
import { isoDateOf } from './isoDate'
import type { ParseControl, ParsedImport, ParsedRecord } from './parsedRecord'
import { elementStarts, elementText } from './xmlText'
import { yieldingLoop } from './yieldingLoop'

export function looksLikeArxivAtom(head: string): boolean {
  return /<feed[\s>]/.test(head) && /http:\/\/www\.w3\.org\/2005\/Atom/.test(head)
}

export class AtomFeedError extends Error {}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
  // Read raw, so that an XHTML title's child elements keep their text in place.
  stopNodes: ['*.entry.title', '*.entry.summary'],
})

interface AtomLink {
  '@_href'?: string
  '@_rel'?: string
  '@_title'?: string
  '@_type'?: string
}

interface AtomEntry {
  id?: unknown
  title?: unknown
  summary?: unknown
  published?: unknown
  author?: { name?: unknown }[]
  link?: AtomLink[]
  category?: { '@_term'?: string }[]
  'arxiv:doi'?: unknown
  'arxiv:journal_ref'?: unknown
  'arxiv:comment'?: unknown
}

/** Text content of an element that may have come back as a string, a number or {#text}. */
function textOf(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (typeof value === 'object' && value !== null && '#text' in value) {
    return textOf((value as { '#text': unknown })['#text'])
  }
  return ''
}

function squash(value: unknown): string {
  return textOf(value).replace(/\s+/g, ' ').trim()
}

export async function parseArxivAtom(
  text: string,
  control: ParseControl = {},
): Promise<ParsedImport> {
  let document: { feed?: { entry?: AtomEntry[] } }
  try {
    document = parser.parse(text, true) as typeof document
  } catch (error) {
    throw new AtomFeedError(
      `the Atom feed is not well-formed XML (${String(error instanceof Error ? error.message : error)})`,
    )
  }
  const entries = document.feed?.entry ?? []
  // Entries' lines, in order, for error reports: the parser does not keep positions.
  const lines = elementStarts(text, /<entry[\s>]/g).map((start) => start.line)
  const records: ParsedRecord[] = []
  const skipped: SkippedEntry[] = []
  await yieldingLoop(entries.length, control, (i) => {
    const entry = entries[i]
    const at = { line: lines[i] ?? 1, entry: i + 1 }
    if (entry === undefined) return
    const record = toRecord(entry, at.line, at.entry)
    if (typeof record === 'string') skipped.push({ ...at, reason: record })
    else records.push(record)
  })
  return { format: 'arxiv-atom', records, skipped, identifiers: [] }
}

function toRecord(entry: AtomEntry, line: number, index: number): ParsedRecord | string {
  const id = squash(entry.id)
  // The API reports a bad query as an entry whose id is an error URL.
  if (id.includes('arxiv.org/api/errors'))
    return `arXiv reported an error: ${elementText(entry.summary)}`
  const title = elementText(entry.title)
  if (title === '') return 'the entry has no title'
  const abstract = elementText(entry.summary)
  const links: PaperLink[] = []
  for (const link of entry.link ?? []) {
    const href = link['@_href']
    if (href === undefined) continue
    if (link['@_title'] === 'pdf') {
      const [pdf] = extractLinks(href)
      if (pdf !== undefined) links.push({ ...pdf, kind: 'pdf' })
    } else if (link['@_rel'] !== 'related' || link['@_title'] !== 'doi') {
      links.push(...extractLinks(href))
    }
  }
  const record: ParsedRecord = {
    title,
    abstract,
    authors: (entry.author ?? []).map((author) => squash(author.name)).filter((n) => n !== ''),
    links: uniqueLinks([...links, ...extractLinks(abstract)]),
    tags: (entry.category ?? []).map((c) => c['@_term'] ?? '').filter((term) => term !== ''),
    type: 'preprint',
    line,
    entry: index,
  }
  const arxivId = parseArxivId(id)
  if (arxivId !== undefined) record.arxivId = arxivId
  const published = isoDateOf(squash(entry.published))
  if (published !== undefined) record.published = published
  const doi = parseDoi(squash(entry['arxiv:doi']))
  if (doi !== undefined) record.doi = doi
  const journal = squash(entry['arxiv:journal_ref'])
  if (journal !== '') record.venue = journal
  return record
}
