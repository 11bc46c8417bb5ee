// Citations: the styles a note's citations are formatted in, a citation as the
// formatter takes it, and what comes back (citations, the bibliography, keys
// the library does not hold). The grammar of `[@key]` in a body is
// src/shared/text/pandocCitations.ts.
import type { ExportFile } from './exports'

/** The styles bundled with Offprint (resources/csl/), by the names the CLI and settings use. */
export const BUNDLED_CITATION_STYLES = [
  'apa',
  'ieee',
  'chicago-author-date',
  'nature',
  'acm',
  'vancouver',
] as const
export type BundledCitationStyle = (typeof BUNDLED_CITATION_STYLES)[number]

/** The style used until the user picks another. */
export const DEFAULT_CITATION_STYLE: BundledCitationStyle = 'apa'

/** A style's id: a bundled name, or a user style's file name without `.csl`. */
export const CITATION_STYLE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

export interface CitationStyleInfo {
  id: string
  /** The style's own `<title>`. */
  title: string
  /** False for a `.csl` file the user added (kept in the library folder's styles/). */
  bundled: boolean
}

/** One cited work, as the formatter takes it (see CitationItem in pandocCitations.ts). */
export interface CitationRequestItem {
  key: string
  prefix?: string
  suffix?: string
  locator?: string
  label?: string
  suppressAuthor?: boolean
}

export interface CitationRequest {
  mode: 'normal' | 'in-text'
  items: CitationRequestItem[]
}

export interface FormattedCitation {
  /** The citation in the style, as HTML from the CSL processor: untrusted, sanitize it. */
  html: string
  text: string
  /** Keys of this citation that no paper in the library has (shown as broken). */
  missing: string[]
}

export interface FormattedCitations {
  style: string
  citations: FormattedCitation[]
  /** The references list, one entry per cited paper, in the style's order. */
  bibliography: { html: string[]; text: string[] }
  /** Ids of the cited papers, in bibliography order. */
  paperIds: string[]
}

/** What Quick Copy (and `cite` on the command line) puts out for some papers. */
export type QuickCopyFormat = 'bibliography' | 'bibtex' | 'keys'

export interface CopiedCitations {
  /** Plain text: the bibliography, the BibTeX entries or the keys. */
  text: string
  /** The bibliography as HTML (for a rich-text paste); absent for BibTeX and keys. */
  html?: string
}

/** A paper as the `[@` autocomplete offers it. */
export interface CitationSuggestion {
  paperId: string
  key: string
  title: string
  /** "Vaswani et al." or "Doe and Roe"; empty when no author is known. */
  authors: string
  year?: string
}

/** A note (or a collection's notes) exported as a document. */
export interface NoteExport {
  /** Suggested file name of the main document. */
  name: string
  /** The document(s), and `references.bib` when the citations are left in pandoc syntax. */
  files: ExportFile[]
  /** How many papers the documents cite. */
  citedCount: number
  /** Keys cited that no paper in the library has. */
  missing: string[]
}
