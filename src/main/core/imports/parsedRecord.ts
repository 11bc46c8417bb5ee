// The one shape every format parser produces: what a file says about one paper,
// before it is matched against the library. Fields are absent when the format
// does not carry them; `line` and `entry` locate the record for error reports.
import type { ImportEntriesRead, ImportFormat, Paper, SkippedEntry } from '../../../shared/model'

/** A paper's own fields, as a file gives them; the rest (ids, dates, status) the library adds. */
export type ParsedRecord = Pick<Paper, 'title' | 'abstract' | 'authors' | 'links' | 'tags'> &
  Partial<Pick<Paper, OptionalTextField | OptionalExtraField>> & {
    /** 1-based line where the entry starts in the imported text. */
    line: number
    /** 1-based position among the file's entries. */
    entry: number
    /**
     * A new version of a paper announced before (arXiv feeds' "replace"): its
     * title, abstract and authors replace those of the paper the library has.
     */
    replaces?: boolean
    /**
     * Found by looking a library paper's title up (arXiv): it enriches the
     * paper of that title and is never added as a paper of its own.
     */
    enrichOnly?: boolean
  }

/** What a parser makes of a whole text. */
export interface ParsedImport {
  format: ImportFormat
  records: ParsedRecord[]
  skipped: SkippedEntry[]
  /** Entries imported with part of them missing (a capture cut off mid-paper), and what is missing. */
  partial?: SkippedEntry[]
  /** Identifiers (pasted lists) still to be looked up online, normalized. */
  identifiers: string[]
  /** The date a Daily Papers page is of (ISO), when the page says. */
  pageDate?: string
}

/** How a long parse reports progress and learns it was cancelled. */
export interface ParseControl {
  signal?: AbortSignal
  /** Called now and then with entries done and the total known so far. */
  onProgress?: (done: number, total: number) => void
  /** Called once the entries are known, before the slow part of reading them (BibTeX). */
  onEntries?: (entries: ImportEntriesRead) => void
}

/** The field names a record may carry beyond title/abstract/authors, for merge reports. */
export const OPTIONAL_TEXT_FIELDS = [
  'organization',
  'published',
  'venue',
  'doi',
  'arxivId',
  'type',
  'volume',
  'issue',
  'pages',
  'publisher',
  'citationKey',
  'dailyDate',
  'githubRepo',
  'projectPage',
  'aiSummary',
] as const

export type OptionalTextField = (typeof OPTIONAL_TEXT_FIELDS)[number]

/** The counts and lists a record may carry beyond the text fields. */
export type OptionalExtraField =
  'authorCount' | 'upvotes' | 'comments' | 'githubStars' | 'aiKeywords' | 'citationKeyAliases'
