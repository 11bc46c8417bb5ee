// CSL-JSON, the citation format of citeproc, Zotero, Pandoc and doi.org content
// negotiation: an array of items (or one item). Each item is checked with zod
// on its own, so one malformed item is skipped with its position and the rest
// import.
import { z } from 'zod'
import type { PaperType, SkippedEntry } from '../../../shared/model'
import { summarizeIssues } from '../kernel/issueSummary'
import { extractLinks } from './abstractLinks'
import { extraLines, readExtraFields } from './extraFields'
import { findArxivId, parseArxivId, parseDoi } from './identifiers'
import { isoDateOf, isoFromParts } from './isoDate'
import { jsonItemLines } from './jsonItemLines'
import type { ParseControl, ParsedImport, ParsedRecord } from './parsedRecord'
import { yieldingLoop } from './yieldingLoop'

/** Does the text look like JSON holding CSL items? */
export function looksLikeCslJson(head: string): boolean {
  const start = head.replace(/^\uFEFF/, '').trimStart()
  return (start.startsWith('[') || start.startsWith('{')) && /"(?:title|type|id)"\s*:/.test(head)
}

// Numbers and strings are both common for these (CSL allows either).
const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim())

const nameSchema = z.looseObject({
  family: text.optional(),
  given: text.optional(),
  literal: text.optional(),
  'non-dropping-particle': text.optional(),
  'dropping-particle': text.optional(),
  suffix: text.optional(),
})

const datePart = z.union([z.number(), z.string()]).transform((v) => Number(v))
const dateSchema = z.looseObject({
  'date-parts': z.array(z.array(datePart)).optional(),
  raw: z.string().optional(),
  literal: z.string().optional(),
})

export const cslItemSchema = z.looseObject({
  id: text.optional(),
  type: z.string().optional(),
  title: text,
  abstract: text.optional(),
  author: z.array(nameSchema).optional(),
  issued: dateSchema.optional(),
  'container-title': z.union([text, z.array(text)]).optional(),
  DOI: text.optional(),
  URL: text.optional(),
  volume: text.optional(),
  issue: text.optional(),
  page: text.optional(),
  publisher: text.optional(),
  keyword: text.optional(),
  number: text.optional(),
  'citation-key': text.optional(),
  note: text.optional(),
})

export type CslItem = z.infer<typeof cslItemSchema>

const TYPES: Record<string, PaperType> = {
  'article-journal': 'article-journal',
  article: 'preprint',
  'paper-conference': 'paper-conference',
  chapter: 'chapter',
  book: 'book',
  thesis: 'thesis',
  report: 'report',
  preprint: 'preprint',
  webpage: 'webpage',
  'post-weblog': 'webpage',
}

/** CSL's name parts as one display name: "Jan van der Berg Jr.". */
export function cslName(name: z.infer<typeof nameSchema>): string {
  if (name.literal !== undefined && name.literal !== '') return name.literal
  return [
    name.given,
    name['dropping-particle'],
    name['non-dropping-particle'],
    name.family,
    name.suffix,
  ]
    .filter((part) => part !== undefined && part !== '')
    .join(' ')
}

function issuedOf(issued: z.infer<typeof dateSchema> | undefined): string | undefined {
  const parts = issued?.['date-parts']?.[0]
  if (parts !== undefined && parts.length > 0) return isoFromParts(parts[0], parts[1], parts[2])
  return isoDateOf(issued?.raw ?? issued?.literal)
}

export class CslJsonError extends Error {}

export async function parseCslJson(
  source: string,
  control: ParseControl = {},
): Promise<ParsedImport> {
  let data: unknown
  try {
    data = JSON.parse(source.replace(/^\uFEFF/, ''))
  } catch (error) {
    // Also what a pathologically nested document ends in (RangeError from the parser).
    const reason = error instanceof Error ? error.message : String(error)
    throw new CslJsonError(`the file is not valid JSON (${reason})`)
  }
  const items: unknown[] = Array.isArray(data) ? data : [data]
  const lines = Array.isArray(data) ? jsonItemLines(source) : [1]
  const records: ParsedRecord[] = []
  const skipped: SkippedEntry[] = []
  await yieldingLoop(items.length, control, (i) => {
    const line = lines[i] ?? 1
    const parsed = cslItemSchema.safeParse(items[i])
    if (!parsed.success) {
      skipped.push({
        line,
        entry: i + 1,
        reason: `not a CSL item: ${summarizeIssues(parsed.error.issues)}`,
      })
      return
    }
    const record = toRecord(parsed.data, line, i + 1)
    if (typeof record === 'string') skipped.push({ line, entry: i + 1, reason: record })
    else records.push(record)
  })
  return { format: 'csl-json', records, skipped, identifiers: [] }
}

function toRecord(item: CslItem, line: number, entry: number): ParsedRecord | string {
  if (item.title === '') return 'the item has an empty title'
  const abstract = item.abstract ?? ''
  const record: ParsedRecord = {
    title: item.title.replace(/\s+/g, ' '),
    abstract,
    authors: (item.author ?? []).map(cslName).filter((name) => name !== ''),
    links: extractLinks(`${item.URL ?? ''} ${abstract}`),
    tags: (item.keyword ?? '')
      .split(/[,;]/)
      .map((tag) => tag.trim())
      .filter((tag) => tag !== ''),
    line,
    entry,
  }
  const type = TYPES[item.type ?? '']
  if (type !== undefined) record.type = type
  const published = issuedOf(item.issued)
  if (published !== undefined) record.published = published
  const container = item['container-title']
  const venue = Array.isArray(container) ? container[0] : container
  if (venue !== undefined && venue !== '') record.venue = venue
  if (item.volume) record.volume = item.volume
  if (item.issue) record.issue = item.issue
  if (item.page) record.pages = item.page.replace(/(\d)-(\d)/, '$1–$2')
  if (item.publisher) record.publisher = item.publisher
  // Zotero's ids are URLs or numbers; only a key-like id is a citation key.
  const id = item.id ?? ''
  const key = item['citation-key'] ?? (/^[A-Za-z][\w:.+-]*$/.test(id) ? id : '')
  if (key !== '') record.citationKey = key
  if (item.DOI) record.doi = parseDoi(item.DOI) ?? item.DOI
  const arxiv =
    (item.number === undefined ? undefined : parseArxivId(item.number)) ??
    findArxivId(`${item.URL ?? ''} ${item.note ?? ''}`)
  if (arxiv !== undefined) record.arxivId = arxiv
  // Offprint's exports keep Hugging Face's fields in `custom`; Zotero's, as "name: value" in `note`.
  const custom = item['custom']
  const notes = extraLines((item.note ?? '').split('\n'))
  readExtraFields(record, (name) =>
    typeof custom === 'object' && custom !== null && name in custom
      ? (custom as Record<string, unknown>)[name]
      : notes.get(name),
  )
  return record
}
