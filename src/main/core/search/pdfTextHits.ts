// PDFs' text in the library search. The attachments' text has an index of its
// own (attachments/pdfText/pdfTextIndex.ts); this joins its answers to the
// search's: in a plain search, papers whose PDFs hold the query's words but
// whose title, abstract, authors, tags and note do not are listed after every
// paper matched there (ranked below title and abstract, whatever the counts);
// `in:pdf` limits the results to papers whose PDFs hold the words. Both keep
// the query's filters (is:, year:, in:"Collection", -word, the list's view).
import type { ParsedQuery, QueryClause } from './queryParser'
import { RankedHits } from './rankedHits'

/** What a query asks of a PDF's text: words, which must stand side by side when `phrase`. */
export interface PdfTextClause {
  words: readonly string[]
  phrase: boolean
}

/** Papers whose PDFs hold a query's words, and how often (a paper with several PDFs: its best). */
export interface PdfPaperHits {
  ids: string[]
  counts: number[]
}

/** What the search asks of the PDFs' text. */
export interface PdfTextSearch {
  /** Changes whenever the PDFs' text or the attachments change (cached results are then stale). */
  readonly version: number
  /**
   * Papers whose PDFs hold every one of `clauses` (the last word by prefix
   * unless `prefixLast` is false, or it is in a phrase); none: every paper with text.
   */
  papersWith(clauses: readonly PdfTextClause[], prefixLast?: boolean): PdfPaperHits
}

const IN_PDF = /(^|\s)in:pdf(?=\s|$)/gi

/** The query without `in:pdf`, and whether it had it (`in:"pdf"`, quoted, is a collection). */
export function splitInPdf(query: string): { query: string; pdfOnly: boolean } {
  const stripped = query.replace(IN_PDF, ' ')
  return { query: stripped, pdfOnly: stripped !== query }
}

type TextClause = Extract<QueryClause, { kind: 'text' }>

/** What a PDF must hold: the query's positive clauses that name no field. */
export function pdfClauses(query: ParsedQuery): PdfTextClause[] {
  return query.clauses
    .filter((clause): clause is TextClause => clause.kind === 'text' && !clause.negated)
    .filter((clause) => clause.field === undefined)
}

/** The query's negated clauses (a PDF holding one leaves its paper out). */
export function excludedPdfClauses(query: ParsedQuery): PdfTextClause[] {
  return query.clauses
    .filter((clause): clause is TextClause => clause.kind === 'text' && clause.negated)
    .filter((clause) => clause.field === undefined)
}

/** The query's filters alone: every clause but the positive words. */
export function filtersOf(query: ParsedQuery): ParsedQuery {
  return {
    clauses: query.clauses.filter((clause) => !(clause.kind === 'text' && !clause.negated)),
  }
}

/**
 * The papers to list after the search's own hits: those of `pdfPapers` that
 * `listed` lets through, those holding the words most often first (then by
 * id), ordered only as far as the list is read (RankedHits).
 */
export function pdfTail(pdfPapers: PdfPaperHits, listed: (id: string) => boolean): RankedHits {
  const ids: string[] = []
  const counts: number[] = []
  pdfPapers.ids.forEach((id, i) => {
    if (!listed(id)) return
    ids.push(id)
    counts.push(pdfPapers.counts[i] ?? 0)
  })
  return new RankedHits(ids, Float64Array.from(counts), new Int32Array(ids.length))
}
