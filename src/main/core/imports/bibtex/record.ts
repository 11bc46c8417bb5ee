// A BibTeX entry's fields, read as plain text, to the record of a paper.
import type { PaperType } from '../../../../shared/model'
import { extractLinks } from '../abstractLinks'
import { readExtraFields } from '../extraFields'
import { findArxivId, parseArxivId, parseDoi } from '../identifiers'
import { isoDateOf } from '../isoDate'
import type { ParsedRecord } from '../parsedRecord'

/** An entry whose fields can be read as plain text (stage two, or the full parser). */
export interface EntryText {
  readonly type: string
  readonly key: string
  /** Field names present, lower case. */
  fieldNames(): Iterable<string>
  /** A field as plain text ('' when absent). */
  text(field: string): string
  /** A field before plain text (verbatim fields as written), undefined when absent. */
  raw(field: string): string | undefined
  /** A literal list (publisher, institution), one item per "and". */
  list(field: string): string[]
  /** Full names of a name list, in reading order. */
  names(field: string): string[]
  /** Keywords, split at commas and semicolons, sorted. */
  keywords(): string[]
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

const URL_FIELDS = /^(?:url\d*|urls|pdf|howpublished)$/

/** The paper an entry describes, or why it is not one. */
export function entryRecord(entry: EntryText, line: number, index: number): ParsedRecord | string {
  const title = entry.text('title')
  if (title === '') return `@${entry.type}{${entry.key}} has no title`
  const abstract = entry.text('abstract')
  const record: ParsedRecord = {
    title,
    abstract,
    authors: entry.names('author'),
    links: [],
    tags: entry.keywords(),
    line,
    entry: index,
  }
  const prefix = `${entry.raw('archiveprefix') ?? ''}${entry.raw('eprinttype') ?? ''}`
  const type = TYPES[entry.type]
  if (entry.type === 'misc' && /arxiv/i.test(prefix)) record.type = 'preprint'
  else if (type !== undefined) record.type = type
  const date = (field: string): string | undefined =>
    entry.raw(field) === undefined ? undefined : entry.text(field)
  const published = isoDateOf(date('date'), date('year'), date('month'), date('day'))
  if (published !== undefined) record.published = published
  const venue = entry.text(firstPresent(entry, 'journal', 'journaltitle', 'booktitle'))
  if (venue !== '') record.venue = venue
  setText(record, 'volume', entry.text('volume'))
  setText(record, 'issue', entry.text(firstPresent(entry, 'number', 'issue')))
  setText(record, 'pages', entry.text('pages'))
  const publisher = [
    ...entry.list('publisher'),
    ...(entry.text('school') === '' ? [] : [entry.text('school')]),
    ...entry.list('institution'),
  ]
  if (publisher.length > 0) record.publisher = publisher.join('; ')
  if (entry.key !== '') record.citationKey = entry.key
  // biblatex's `ids`: other keys the entry is cited by.
  const ids = (entry.raw('ids') ?? '')
    .split(/\s*,\s*/)
    .filter((id) => id !== '' && id !== entry.key)
  if (ids.length > 0) record.citationKeyAliases = ids
  const doiText = entry.text('doi')
  if (doiText !== '') record.doi = parseDoi(doiText) ?? doiText

  // Many URLs: `url` may hold several (space separated), and some tools add url2, urls, pdf.
  const urlText = [...entry.fieldNames()]
    .filter((name) => URL_FIELDS.test(name))
    .map((name) => entry.raw(name) ?? '')
    .filter((value) => value !== '')
    .join(' ')
  record.links = extractLinks(`${urlText} ${abstract}`)

  const eprint = entry.text('eprint')
  let arxiv: string | undefined
  if (eprint !== '' && (prefix === '' || /arxiv/i.test(prefix))) arxiv = parseArxivId(eprint)
  arxiv ??= findArxivId(`${urlText} ${entry.text('journal')} ${entry.text('note')}`)
  if (arxiv !== undefined) record.arxivId = arxiv
  // Hugging Face's fields (extraFields.ts); `organization` is a biblatex list, like publisher.
  readExtraFields(record, (name, kind) => {
    if (kind === 'url') return entry.raw(name)
    return name === 'organization' ? entry.list(name).join('; ') : entry.text(name)
  })
  return record
}

/** The first of the fields the entry has (the last one if it has none). */
function firstPresent(entry: EntryText, ...fields: string[]): string {
  return fields.find((field) => entry.raw(field) !== undefined) ?? fields[fields.length - 1] ?? ''
}

function setText(record: ParsedRecord, field: 'volume' | 'issue' | 'pages', text: string): void {
  if (text !== '') record[field] = text
}
