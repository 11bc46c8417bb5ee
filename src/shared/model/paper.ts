// Papers: the record, its parts (where it was imported from), and the slices of it the list shows.
import type { TextRange } from './search'

export type ReadingStatus = 'unread' | 'reading' | 'read'

/** What a link found in a paper's metadata or abstract points at. */
export type PaperLinkKind = 'code' | 'project' | 'pdf' | 'other'

export interface PaperLink {
  /** Human label shown in the UI, e.g. "Code (github.com)". */
  label: string
  url: string
  kind: PaperLinkKind
}

/**
 * What kind of publication a paper is, in CSL's vocabulary (the richest of the
 * formats we read); BibTeX and RIS types map onto it and back.
 */
export type PaperType =
  | 'article-journal'
  | 'paper-conference'
  | 'chapter'
  | 'book'
  | 'thesis'
  | 'report'
  | 'preprint'
  | 'webpage'
  | 'other'

/** The formats Offprint can read, each recognized from the content itself. */
export type ImportFormat =
  | 'hf-daily-papers'
  | 'bibtex'
  | 'ris'
  | 'csl-json'
  | 'arxiv-atom'
  /** rss.arxiv.org's announcement feeds, RSS 2.0 or Atom. */
  | 'arxiv-feed'
  /** A pasted list of arXiv ids / URLs and DOIs, looked up online. */
  | 'identifiers'
  /** The Hugging Face API's JSON (/api/daily_papers, /api/papers/{id}). */
  | 'hf-api-json'
  /** A Hugging Face papers page saved as HTML (its hydration data). */
  | 'hf-saved-html'
  /** A Hugging Face papers page as a web clipper's markdown or a text browser's dump. */
  | 'hf-page-capture'
  /** A PDF dropped on the window that matched no paper: a paper made from its text and metadata. */
  | 'pdf'

export interface PaperSource {
  format: ImportFormat
  /** The file name the user imported from, when there was one. */
  fileName?: string
  /** ISO timestamp of the import. */
  importedAt: string
  /** 1-based line of the entry in the imported text: where to look, and the order within one import. */
  line?: number
}

export interface Paper {
  /** Stable id, assigned once at import and never changed. */
  id: string
  title: string
  abstract: string
  /** Author names in order, when the source has them (the listing page only has a count). */
  authors: string[]
  authorCount?: number
  organization?: string
  /** ISO date: YYYY-MM-DD, or YYYY-MM / YYYY when the source is no more precise. */
  published?: string
  /** Journal, proceedings or book the paper appeared in. */
  venue?: string
  doi?: string
  /** Without a version suffix or "arXiv:" prefix, e.g. "2101.00001" or "hep-th/9901001". */
  arxivId?: string
  type?: PaperType
  volume?: string
  issue?: string
  pages?: string
  publisher?: string
  /** The citation key it was imported with (BibTeX), kept so exports cite it the same way. */
  citationKey?: string
  /** The day it was on Hugging Face Daily Papers (ISO date; the API's submittedOnDailyAt). */
  dailyDate?: string
  /** Comments on its Hugging Face paper page. */
  comments?: number
  /** Its code on GitHub (a repository URL), and the repository's stars when the source says. */
  githubRepo?: string
  githubStars?: number
  /** Its project page (URL). */
  projectPage?: string
  /** Hugging Face's machine-written summary: never the authors' abstract. */
  aiSummary?: string
  /** Hugging Face's machine-picked keywords. */
  aiKeywords?: string[]
  /**
   * Other keys the same paper had (entries of one file merged into it, or a
   * BibTeX `ids` field): a BibTeX export lists them as `ids`, so each still cites.
   */
  citationKeyAliases?: string[]
  links: PaperLink[]
  upvotes: number
  tags: string[]
  status: ReadingStatus
  starred: boolean
  addedAt: string
  updatedAt: string
  trashedAt?: string
  source: PaperSource
}

/** The slice of a paper the list pane needs for one row. */
export interface PaperSummary {
  id: string
  title: string
  published?: string
  upvotes: number
  organization?: string
  authorCount?: number
  /** First author when names are known. */
  firstAuthor?: string
  status: ReadingStatus
  starred: boolean
  hasNote: boolean
  tags: string[]
  /** Set while the paper is in the Trash. */
  trashedAt?: string
  /** Where the search query matched the title (only when the list was asked with a query). */
  titleMatches?: TextRange[]
}

export type PaperSort = 'published' | 'added' | 'title' | 'upvotes'

export interface PaperPage {
  /** Number of papers matching the query, across all pages. */
  total: number
  /** True when the items are in order of relevance to a search query. */
  ranked: boolean
  offset: number
  items: PaperSummary[]
}
