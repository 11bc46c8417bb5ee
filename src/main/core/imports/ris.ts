// RIS (Research Information Systems), the tagged format EndNote, Zotero, Mendeley
// and most publishers' "export citation" buttons write:
//
//     TY  - JOUR
//     AU  - Vaswani, Ashish
//     TI  - Attention is all you need
//     PY  - 2017/12/04/
//     ER  -
//
// Small enough that no library is needed: one pass over the lines, a tag per
// line, untagged lines continue the previous field. Some writers (rispy, the
// Python library many tools export with) number the records, with "1." on
// the line before "TY  -"; those numbers are passed over.
import type { PaperType, SkippedEntry } from '../../../shared/model'
import { extractLinks } from './abstractLinks'
import { extraLines, readExtraFields } from './extraFields'
import { findArxivId, parseDoi } from './identifiers'
import { isoDateOf } from './isoDate'
import type { ParseControl, ParsedImport, ParsedRecord } from './parsedRecord'
import { yieldingLoop } from './yieldingLoop'

const TAG_LINE = /^([A-Z][A-Z0-9])\s{1,2}-(?: (.*)|\s*)$/
const TYPE_LINE = /^TY\s{1,2}- \S/
/** "1." alone on the line before a record's "TY  -". */
const RECORD_NUMBER = /^\s*\d+\.\s*$/

/** Does the text start (after blank lines, and a record number) with an RIS "TY  - " line? */
export function looksLikeRis(head: string): boolean {
  return /^\s*(?:\d+\.[ \t]*\r?\n\s*)?TY\s{1,2}- \S/.test(head.replace(/^\uFEFF/, ''))
}

const TYPES: Record<string, PaperType> = {
  JOUR: 'article-journal',
  JFULL: 'article-journal',
  EJOUR: 'article-journal',
  MGZN: 'article-journal',
  CONF: 'paper-conference',
  CPAPER: 'paper-conference',
  CHAP: 'chapter',
  ECHAP: 'chapter',
  BOOK: 'book',
  EBOOK: 'book',
  EDBOOK: 'book',
  THES: 'thesis',
  RPRT: 'report',
  UNPB: 'preprint',
  ELEC: 'webpage',
  WEB: 'webpage',
}

/** "Vaswani, Ashish" -> "Ashish Vaswani"; "Smith, John, Jr." -> "John Smith Jr." */
export function risName(value: string): string {
  const parts = value.split(',').map((part) => part.trim())
  if (parts.length < 2) return value.trim()
  const [last = '', first = '', ...suffix] = parts
  return [first, last, ...suffix].filter((part) => part !== '').join(' ')
}

type Tags = Map<string, string[]>

export async function parseRis(text: string, control: ParseControl = {}): Promise<ParsedImport> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const records: ParsedRecord[] = []
  const skipped: SkippedEntry[] = []
  let open: { tags: Tags; line: number; entry: number; last?: string[] } | undefined
  let entries = 0

  await yieldingLoop(lines.length, control, (i) => {
    const raw = lines[i] ?? ''
    const match = TAG_LINE.exec(raw)
    if (match === null) {
      if (RECORD_NUMBER.test(raw) && TYPE_LINE.test(lines[i + 1] ?? '')) return
      // A continuation of a long field (abstracts wrap), or blank space between entries.
      const last = open?.last
      if (last !== undefined && raw.trim() !== '') {
        last[last.length - 1] = `${last[last.length - 1] ?? ''} ${raw.trim()}`
      }
      return
    }
    const tag = match[1] ?? ''
    const value = (match[2] ?? '').trim()
    if (tag === 'TY') {
      if (open !== undefined) {
        skipped.push({
          line: open.line,
          entry: open.entry,
          reason: `the entry is not closed by "ER  -" before the next one starts at line ${i + 1}`,
        })
      }
      open = { tags: new Map([['TY', [value]]]), line: i + 1, entry: ++entries }
      return
    }
    if (open === undefined) {
      if (tag === 'ER') skipped.push({ line: i + 1, reason: '"ER  -" without a "TY  -" before it' })
      else
        skipped.push({ line: i + 1, reason: `"${tag}  -" outside an entry (no "TY  -" before it)` })
      return
    }
    if (tag === 'ER') {
      const record = toRecord(open.tags, open.line, open.entry)
      if (typeof record === 'string') {
        skipped.push({ line: open.line, entry: open.entry, reason: record })
      } else records.push(record)
      open = undefined
      return
    }
    const values = open.tags.get(tag) ?? []
    values.push(value)
    open.tags.set(tag, values)
    open.last = values
  })
  if (open !== undefined) {
    skipped.push({
      line: open.line,
      entry: open.entry,
      reason: 'the file ends before the entry is closed by "ER  -"',
    })
  }
  // Tag errors outside entries are reported once per run, not once per line.
  return { format: 'ris', records, skipped: collapseRuns(skipped), identifiers: [] }
}

function collapseRuns(skipped: SkippedEntry[]): SkippedEntry[] {
  const out: SkippedEntry[] = []
  for (const entry of skipped) {
    const previous = out[out.length - 1]
    if (
      previous?.entry === undefined &&
      entry.entry === undefined &&
      previous?.reason === entry.reason
    ) {
      continue
    }
    out.push(entry)
  }
  return out.slice(0, 1000)
}

function first(tags: Tags, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = tags.get(name)?.find((v) => v !== '')
    if (value !== undefined) return value
  }
  return undefined
}

function all(tags: Tags, ...names: string[]): string[] {
  return names.flatMap((name) => tags.get(name) ?? []).filter((v) => v !== '')
}

function toRecord(tags: Tags, line: number, entry: number): ParsedRecord | string {
  // BT is a book's own title, or a chapter's book: a title only when nothing else is;
  // ST, the short title, is the last resort.
  const title = first(tags, 'TI', 'T1', 'CT', 'BT', 'ST')
  if (title === undefined) return 'the entry has no title (TI)'
  const abstract = first(tags, 'AB', 'N2') ?? ''
  // ScienceDirect writes its links without a scheme ("//www.sciencedirect.com/…").
  const urls = all(tags, 'UR', 'L1', 'L2', 'LK').map((url) =>
    url.startsWith('//') ? `https:${url}` : url,
  )
  const record: ParsedRecord = {
    title,
    abstract,
    authors: all(tags, 'AU', 'A1').map(risName),
    links: extractLinks(`${urls.join(' ')} ${abstract}`),
    tags: all(tags, 'KW'),
    line,
    entry,
  }
  const type = TYPES[first(tags, 'TY') ?? '']
  if (type !== undefined) record.type = type
  const published = isoDateOf(first(tags, 'DA', 'PY', 'Y1'))
  if (published !== undefined) record.published = published
  // A book chapter's T2 is the book; a paper's JO/T2 is the journal or proceedings.
  const venue = first(tags, 'T2', 'JO', 'JF', 'J2', 'JA', 'BT')
  if (venue !== undefined && venue !== title) record.venue = venue
  const set = (field: 'volume' | 'issue' | 'publisher' | 'citationKey', value?: string): void => {
    if (value !== undefined) record[field] = value
  }
  set('volume', first(tags, 'VL'))
  set('issue', first(tags, 'IS'))
  set('publisher', first(tags, 'PB'))
  set('citationKey', first(tags, 'ID'))
  const start = first(tags, 'SP')
  const end = first(tags, 'EP')
  if (start !== undefined) record.pages = end === undefined ? start : `${start}–${end}`
  const doi = first(tags, 'DO')
  if (doi !== undefined) record.doi = parseDoi(doi) ?? doi
  const arxiv = findArxivId(`${urls.join(' ')} ${all(tags, 'N1', 'M3', 'AN').join(' ')}`)
  if (arxiv !== undefined) record.arxivId = arxiv
  const extras = extraLines(all(tags, 'N1'))
  readExtraFields(record, (name) => extras.get(name))
  return record
}
