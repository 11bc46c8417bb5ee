// PDFs' text in the library search. The attachments' text has an index of its
// own (attachments/pdfText/pdfTextIndex.ts); this joins its answers to the
// search's: in a plain search, papers whose PDFs hold the query's words but
// whose title, abstract, authors, tags and note do not are listed after every
// paper matched there (ranked below title and abstract, whatever the counts);
// `in:pdf` limits the results to papers whose PDFs hold the words. Both keep
// the query's filters (is:, year:, in:"Collection", -word, the list's view).
import type { ParsedQuery, QueryClause } from './queryParser'

/** What the search asks of the PDFs' text. */
export interface PdfTextSearch {
  /** Changes whenever the PDFs' text or the attachments change (cached results are then stale). */
  readonly version: number
  /**
   * Papers whose PDFs hold every one of `words` (the last by prefix unless
   * `prefixLast` is false), with how often they hold them.
   */
  papersWith(words: readonly string[], prefixLast?: boolean): Map<string, number>
}

const IN_PDF = /(^|\s)in:pdf(?=\s|$)/gi

/** The query without `in:pdf`, and whether it had it (`in:"pdf"`, quoted, is a collection). */
export function splitInPdf(query: string): { query: string; pdfOnly: boolean } {
  const stripped = query.replace(IN_PDF, ' ')
  return { query: stripped, pdfOnly: stripped !== query }
}

type TextClause = Extract<QueryClause, { kind: 'text' }>

/** The words a PDF must hold: those of the query's positive clauses that name no field. */
export function pdfWords(query: ParsedQuery): string[] {
  return query.clauses
    .filter((clause): clause is TextClause => clause.kind === 'text' && !clause.negated)
    .filter((clause) => clause.field === undefined)
    .flatMap((clause) => clause.words)
}

/** The words of the query's negated clauses (a PDF holding one leaves its paper out). */
export function excludedPdfWords(query: ParsedQuery): string[][] {
  return query.clauses
    .filter((clause): clause is TextClause => clause.kind === 'text' && clause.negated)
    .filter((clause) => clause.field === undefined)
    .map((clause) => clause.words)
}

/** The query's filters alone: every clause but the positive words. */
export function filtersOf(query: ParsedQuery): ParsedQuery {
  return {
    clauses: query.clauses.filter((clause) => !(clause.kind === 'text' && !clause.negated)),
  }
}

/**
 * The papers to list after the search's own hits: those of `pdfPapers` the
 * filters let through (`passes`) and not already hit, those holding the words most often first.
 */
export function pdfTail(
  pdfPapers: ReadonlyMap<string, number>,
  passes: ReadonlySet<string>,
  alreadyHit: ReadonlySet<string>,
): string[] {
  return [...pdfPapers]
    .filter(([id]) => passes.has(id) && !alreadyHit.has(id))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([id]) => id)
}
