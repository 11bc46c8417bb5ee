// The reference for the BibTeX reader's fidelity test: every entry read by
// @retorquere/bibtex-parser alone, one entry at a time, as the importer read
// BibTeX before it had its own scanner (an entry the parser reports an error
// for is skipped with that error). Crossrefs and the mapping to a record are
// the importer's own (they are not what is compared), so that a difference
// in a field is a difference of reading.
import type { Creator, Entry } from '@retorquere/bibtex-parser'
import type { SkippedEntry } from '../../../src/shared/model'
import { resolveCrossrefs } from '../../../src/main/core/imports/bibtex/crossref'
import {
  MARKUP,
  PARSE_OPTIONS,
  loadBibtexParser,
} from '../../../src/main/core/imports/bibtex/fallback'
import { entryRecord, type EntryText } from '../../../src/main/core/imports/bibtex/record'
import type { ParsedRecord } from '../../../src/main/core/imports/parsedRecord'

/** The parser's value as plain text, as the importer read it before (no fixes). */
function parserPlain(value: string | undefined): string {
  return (value ?? '').replace(MARKUP, '').replace(/\s+/g, ' ').trim().normalize('NFC')
}

/** Full names, in order, as the importer made them of the parser's name parts. */
function creatorName(creator: Creator): string {
  if (creator.name !== undefined) return parserPlain(creator.name)
  return parserPlain(
    [creator.firstName, creator.prefix, creator.lastName, creator.suffix]
      .filter((part) => part !== undefined && part !== '')
      .join(' '),
  )
}

const ENTRY_START = /^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(]/gm

interface ReadEntry {
  type: string
  key: string
  fields: Map<string, unknown>
  line: number
  index: number
}

class ParserEntryText implements EntryText {
  constructor(private readonly entry: ReadEntry) {}
  get type(): string {
    return this.entry.type
  }
  get key(): string {
    return this.entry.key
  }
  fieldNames(): Iterable<string> {
    return this.entry.fields.keys()
  }
  raw(field: string): string | undefined {
    const value = this.entry.fields.get(field)
    if (value === undefined) return undefined
    return Array.isArray(value) ? value.join(' ') : String(value)
  }
  text(field: string): string {
    return parserPlain(this.raw(field))
  }
  list(field: string): string[] {
    const value = this.entry.fields.get(field)
    if (value === undefined) return []
    return (Array.isArray(value) ? value : [value])
      .map((item) => parserPlain(String(item)))
      .filter((item) => item !== '')
  }
  names(field: string): string[] {
    const value = this.entry.fields.get(field) as Entry['fields']['author']
    return (value ?? []).map(creatorName).filter((name) => name !== '')
  }
  keywords(): string[] {
    return this.list('keywords')
  }
}

export interface ReferenceRead {
  records: ParsedRecord[]
  skipped: SkippedEntry[]
}

/** The file read entry by entry by the full parser. */
export async function readWithFullParser(text: string): Promise<ReferenceRead> {
  const { parse } = await loadBibtexParser()
  const heads = [...text.matchAll(ENTRY_START)]
  const strings: Record<string, string> = {}
  const read: ReadEntry[] = []
  const skipped: SkippedEntry[] = []
  let line = 1
  let counted = 0
  let index = 0
  for (const [i, head] of heads.entries()) {
    const end = heads[i + 1]?.index ?? text.length
    for (let at = counted; at < head.index; at++) if (text.charCodeAt(at) === 10) line++
    counted = head.index
    const type = (head[1] ?? '').toLowerCase()
    if (type === 'comment' || type === 'preamble') continue
    const isString = type === 'string'
    if (!isString) index++
    const library = parse(text.slice(head.index, end), {
      ...PARSE_OPTIONS,
      strings: { ...strings },
    })
    Object.assign(strings, library.strings)
    const error = library.errors[0]
    if (error !== undefined) {
      skipped.push({ line, ...(isString ? {} : { entry: index }), reason: error.error })
      continue
    }
    const entry = library.entries[0]
    if (entry === undefined) continue
    read.push({
      type: entry.type,
      key: entry.key,
      fields: new Map(Object.entries(entry.fields)),
      line,
      index,
    })
  }
  const absorbed = resolveCrossrefs(read, (entry) => {
    const parent = entry.fields.get('crossref')
    return typeof parent === 'string' ? parent : undefined
  })
  const records: ParsedRecord[] = []
  for (const entry of read) {
    if (absorbed.has(entry)) continue
    const record = entryRecord(new ParserEntryText(entry), entry.line, entry.index)
    if (typeof record === 'string')
      skipped.push({ line: entry.line, entry: entry.index, reason: record })
    else records.push(record)
  }
  return { records, skipped }
}
