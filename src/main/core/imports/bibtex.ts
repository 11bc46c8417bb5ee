// BibTeX / BibLaTeX import through @retorquere/bibtex-parser (the parser of
// Zotero's Better BibTeX): it expands @string macros and month macros, turns
// LaTeX accents and commands into Unicode, drops case-protecting braces and
// splits names into parts. This file feeds it one entry at a time, which gives
// every entry its line number and its own error, lets a long import report
// progress and stop when cancelled, and bounds the work the parser does on any
// one entry (its cost grows faster than linearly with an entry's size).
// Crossref inheritance is applied here, after all entries are read, because an
// entry may point at one further down the file.
import type { Creator, Entry, Library as BibtexLibrary } from '@retorquere/bibtex-parser'
import type { PaperType, SkippedEntry } from '../../../shared/model'
import { extractLinks } from './abstractLinks'
import { findArxivId, parseArxivId, parseDoi } from './identifiers'
import { isoDateOf } from './isoDate'
import type { ParseControl, ParsedImport, ParsedRecord } from './parsedRecord'
import { yieldingLoop } from './yieldingLoop'

/** An entry longer than this is skipped: the parser would take minutes on it. */
export const MAX_BIBTEX_ENTRY_CHARS = 100_000
/** Braces nested deeper than this are not a bibliography entry. */
export const MAX_BIBTEX_NESTING = 64

// An entry starts with "@type{" or "@type(" at the start of a line.
const ENTRY_START = /^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(]/gm

/** Does the text contain BibTeX entries? (Cheap: looks for one entry head.) */
export function looksLikeBibtex(head: string): boolean {
  return /^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(][ \t]*[^\s,{}()]*[ \t]*,/m.test(head)
}

interface Chunk {
  type: string
  text: string
  line: number
}

/** Splits the text at entry heads, remembering each head's line. Linear. */
function splitEntries(text: string): Chunk[] {
  const heads: { index: number; type: string }[] = []
  for (const match of text.matchAll(ENTRY_START)) {
    heads.push({ index: match.index, type: (match[1] ?? '').toLowerCase() })
  }
  const chunks: Chunk[] = []
  let line = 1
  let counted = 0
  for (let i = 0; i < heads.length; i++) {
    const head = heads[i]
    if (head === undefined) continue
    const end = heads[i + 1]?.index ?? text.length
    line += countNewlines(text, counted, head.index)
    counted = head.index
    // The match may start with indentation; the entry's line is where '@' is.
    chunks.push({ type: head.type, text: text.slice(head.index, end), line })
  }
  return chunks
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++
  return n
}

function nestingDepth(text: string): number {
  let depth = 0
  let deepest = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 123) deepest = Math.max(deepest, ++depth)
    else if (c === 125) depth--
  }
  return deepest
}

export const PARSE_OPTIONS = {
  // Titles stay as written: Zotero wants sentence case, a reader wants the paper's title.
  english: false,
  sentenceCase: false,
  // An unknown macro keeps its argument text instead of failing the entry.
  unsupported: 'ignore',
} as const

// (Exported for the bench, whose reference is the parser alone with these options.)

// The parser marks up what LaTeX formats (\emph, \textbf, \url, super/subscripts
// it cannot map) as HTML; our fields are plain text.
const MARKUP = /<\/?(?:i|b|em|strong|sup|sub|sc|code|p|span|a|br)(?:\s[^<>]*)?\/?>/g

function plain(value: string | undefined): string {
  // NFC: the parser builds accents as a letter plus a combining mark.
  return (value ?? '').replace(MARKUP, '').replace(/\s+/g, ' ').trim().normalize('NFC')
}

/** The parser's "at line 3" is relative to the entry; make it the file's line. */
function absoluteReason(message: string, entryLine: number): string {
  return message
    .replace(/ at line (\d+)/g, (_m, n: string) => ` at line ${entryLine + Number(n) - 1}`)
    .replace(/\s+/g, ' ')
    .trim()
}

type Fields = Entry['fields']

interface ReadEntry {
  entry: Entry
  line: number
  index: number
}

export async function parseBibtex(text: string, control: ParseControl = {}): Promise<ParsedImport> {
  const { parse } = await loadBibtexParser()
  const chunks = splitEntries(text)
  const strings: Record<string, string> = {}
  const read: ReadEntry[] = []
  const skipped: SkippedEntry[] = []
  let entryNumber = 0

  await yieldingLoop(chunks.length, control, (i) => {
    const chunk = chunks[i]
    if (chunk === undefined || chunk.type === 'comment' || chunk.type === 'preamble') return
    const isString = chunk.type === 'string'
    const index = isString ? 0 : ++entryNumber
    const skip = (reason: string): void => {
      skipped.push({ line: chunk.line, ...(isString ? {} : { entry: index }), reason })
    }
    if (chunk.text.length > MAX_BIBTEX_ENTRY_CHARS) {
      skip(
        `the entry is ${Math.round(chunk.text.length / 1000)} kB long; entries over ` +
          `${MAX_BIBTEX_ENTRY_CHARS / 1000} kB are not read`,
      )
      return
    }
    if (nestingDepth(chunk.text) > MAX_BIBTEX_NESTING) {
      skip(`braces are nested more than ${MAX_BIBTEX_NESTING} levels deep`)
      return
    }
    let library: BibtexLibrary
    try {
      library = parse(chunk.text, { ...PARSE_OPTIONS, strings: { ...strings } })
    } catch (error) {
      skip(error instanceof Error ? error.message : String(error))
      return
    }
    Object.assign(strings, library.strings)
    const first = library.errors[0]
    if (first !== undefined) {
      skip(absoluteReason(first.error, chunk.line))
      return
    }
    const entry = library.entries[0]
    if (entry !== undefined) read.push({ entry, line: chunk.line, index })
  })

  const byKey = new Map(read.map((r) => [r.entry.key.toLowerCase(), r.entry]))
  const absorbed = new Set<Entry>()
  for (const { entry } of read) {
    const parentKey = entry.fields.crossref
    const parent = parentKey === undefined ? undefined : byKey.get(parentKey.toLowerCase())
    if (parent === undefined || parent === entry) continue
    inherit(entry, parent)
    if (CONTAINER_TYPES.has(parent.type)) absorbed.add(parent)
  }

  const records: ParsedRecord[] = []
  for (const { entry, line, index } of read) {
    // A proceedings volume only there to be crossref'd is part of its papers, not a paper.
    if (absorbed.has(entry)) continue
    const record = toRecord(entry, line, index)
    if (typeof record === 'string') skipped.push({ line, entry: index, reason: record })
    else records.push(record)
  }
  skipped.sort((a, b) => a.line - b.line)
  return { format: 'bibtex', records, skipped, identifiers: [] }
}

let parserModule: Promise<typeof import('@retorquere/bibtex-parser')> | undefined

/**
 * The parser, loaded on first use: the app need not load it until someone
 * imports BibTeX, and a dynamic import() gets its ES build, the one that loads
 * everywhere (its CommonJS build does not load under Node or tsx).
 */
export function loadBibtexParser(): Promise<typeof import('@retorquere/bibtex-parser')> {
  parserModule ??= import('@retorquere/bibtex-parser')
  return parserModule
}

const CONTAINER_TYPES = new Set([
  'proceedings',
  'mvproceedings',
  'collection',
  'mvcollection',
  'book',
  'mvbook',
])

const INHERITED = [
  'booktitle',
  'journal',
  'journaltitle',
  'year',
  'date',
  'month',
  'publisher',
  'volume',
  'series',
] as const

/** BibTeX/BibLaTeX crossref: the child gets each field it lacks; a container's title is its booktitle. */
function inherit(child: Entry, parent: Entry): void {
  const fields = child.fields as Record<string, unknown>
  const from = parent.fields as Record<string, unknown>
  if (fields['booktitle'] === undefined && CONTAINER_TYPES.has(parent.type)) {
    const title = from['booktitle'] ?? from['title']
    if (title !== undefined) fields['booktitle'] = title
  }
  for (const name of INHERITED) {
    if (fields[name] === undefined && from[name] !== undefined) fields[name] = from[name]
  }
}

const TYPES: Record<string, PaperType> = {
  article: 'article-journal',
  inproceedings: 'paper-conference',
  conference: 'paper-conference',
  incollection: 'chapter',
  inbook: 'chapter',
  book: 'book',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  thesis: 'thesis',
  techreport: 'report',
  report: 'report',
  unpublished: 'preprint',
  online: 'webpage',
  electronic: 'webpage',
}

/** Full names, in order: "Jan van der Berg", "John Smith Jr.", "Google Brain". */
export function creatorName(creator: Creator): string {
  if (creator.name !== undefined) return plain(creator.name)
  return plain(
    [creator.firstName, creator.prefix, creator.lastName, creator.suffix]
      .filter((part) => part !== undefined && part !== '')
      .join(' '),
  )
}

function listField(value: string[] | string | undefined): string[] {
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]).map(plain).filter((v) => v !== '')
}

function toRecord(entry: Entry, line: number, index: number): ParsedRecord | string {
  const f: Fields = entry.fields
  const title = plain(f.title)
  if (title === '') return `@${entry.type}{${entry.key}} has no title`
  const record: ParsedRecord = {
    title,
    abstract: plain(f.abstract),
    authors: (f.author ?? []).map(creatorName).filter((name) => name !== ''),
    links: [],
    tags: listField(f.keywords),
    line,
    entry: index,
  }
  const type = TYPES[entry.type]
  if (entry.type === 'misc' && /arxiv/i.test(`${f.archiveprefix ?? ''}${f.eprinttype ?? ''}`)) {
    record.type = 'preprint'
  } else if (type !== undefined) record.type = type
  const published = isoDateOf(f.date, f.year, f.month, f.day)
  if (published !== undefined) record.published = published
  const venue = plain(f.journal ?? f.journaltitle ?? f.booktitle)
  if (venue !== '') record.venue = venue
  setText(record, 'volume', f.volume)
  setText(record, 'issue', f.number ?? f.issue)
  setText(record, 'pages', f.pages)
  const publisher = [...listField(f.publisher), ...listField(f.school), ...listField(f.institution)]
  if (publisher.length > 0) record.publisher = publisher.join('; ')
  if (entry.key !== '') record.citationKey = entry.key
  const doiText = plain(f.doi)
  if (doiText !== '') record.doi = parseDoi(doiText) ?? doiText

  // Many URLs: `url` may hold several (space separated), and some tools add url2, urls, pdf.
  const urlText = Object.entries(f as Record<string, unknown>)
    .filter(([name, value]) => /^(?:url\d*|urls|pdf|howpublished)$/.test(name) && value)
    .map(([, value]) => (Array.isArray(value) ? value.join(' ') : String(value)))
    .join(' ')
  record.links = extractLinks(`${urlText} ${record.abstract}`)

  const arxiv = arxivOf(f, urlText)
  if (arxiv !== undefined) record.arxivId = arxiv
  return record
}

function arxivOf(f: Fields, urlText: string): string | undefined {
  const eprint = plain(f.eprint)
  const prefix = `${f.archiveprefix ?? ''}${f.eprinttype ?? ''}`
  if (eprint !== '' && (prefix === '' || /arxiv/i.test(prefix))) {
    const id = parseArxivId(eprint)
    if (id !== undefined) return id
  }
  return findArxivId(`${urlText} ${plain(f.journal)} ${plain(f.note)}`)
}

function setText(
  record: ParsedRecord,
  field: 'volume' | 'issue' | 'pages',
  value: string | undefined,
): void {
  const text = plain(value)
  if (text !== '') record[field] = text
}
