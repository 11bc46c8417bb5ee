// Imports: the formats read, what an import would do (the preview) and what it did, and the lookup queue.
import type { DuplicateReason } from './duplicates'
import type { ImportFormat } from './paper'

/** What each format is called in messages, the import report and the preview. */
export const IMPORT_FORMAT_NAMES: Record<ImportFormat, string> = {
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
  'arxiv-atom': 'arXiv Atom feed',
  'arxiv-feed': 'arXiv RSS or Atom announcement feed',
  identifiers: 'a list of arXiv ids / DOIs',
  'hf-daily-papers': 'a Hugging Face Daily Papers page',
  'hf-api-json': 'Hugging Face API JSON',
  'hf-saved-html': 'a saved Hugging Face papers page (HTML)',
  'hf-page-capture': 'a Hugging Face papers page (markdown or text-browser capture)',
  pdf: 'a PDF',
}

/** One entry the importer could not turn into a paper, and why. */
export interface SkippedEntry {
  /** 1-based line number in the imported text where the entry starts. */
  line: number
  /** 1-based position of the entry among the file's entries, when the format has entries. */
  entry?: number
  reason: string
}

/** What an import did, reported to the user. */
export interface ImportReport {
  format: ImportFormat
  fileName?: string
  /** Papers that were new to the library. */
  added: number
  /** Entries that matched a paper already in the library, or an earlier entry of the same import. */
  alreadyPresent: number
  /** Of those, papers that gained something from the import (a richer value, a tag, a link). */
  updated: number
  /** Identifiers that could not be looked up now and wait in the lookup queue. */
  queued: number
  skipped: SkippedEntry[]
  /** Ids of the papers that were added, in file order. */
  addedIds: string[]
  /** Citation keys of entries merged into another entry's paper (kept as its aliases). */
  mergedKeys?: MergedKey[]
  /**
   * A collection name for the new papers, after the page they came from
   * ("Daily Papers 2026-02-09"); the import offers to file them there.
   */
  suggestedCollection?: string
}

/** A citation key whose entry was merged into the paper of another key. */
export interface MergedKey {
  key: string
  into: string
}

/** An incoming entry that matches a paper already in the library. */
export interface DuplicateOnImport {
  /** Title as written in the imported file. */
  title: string
  line: number
  existingId: string
  existingTitle: string
  /** Why they match: 'doi', 'arxiv' or 'title-year'. */
  matchedBy: DuplicateReason
  /** Fields of the existing paper the import would fill or enrich (empty: nothing changes). */
  wouldMerge: string[]
}

/**
 * What an import would do, shown before anything is written (step one of two:
 * previewImport, then confirmImport or cancelImport).
 */
export interface ImportPreview {
  previewId: string
  format: ImportFormat
  fileName?: string
  /** Entries read from the file (new + duplicates). */
  entries: number
  /** Titles of the papers that would be added, in file order. */
  newTitles: string[]
  duplicates: DuplicateOnImport[]
  /** Entries that repeat an earlier entry of the same file; they are merged into it. */
  repeatsInFile: number
  /** Citation keys of entries merged into another entry's paper (kept as its aliases). */
  mergedKeys?: MergedKey[]
  skipped: SkippedEntry[]
  /** Identifiers that could not be looked up now; confirming puts them in the lookup queue. */
  queued: string[]
  /** Why they could not be looked up (offline, server busy), when some were not. */
  lookupProblem?: string
}

/** One identifier waiting to be looked up when the network is back. */
export interface QueuedIdentifier {
  /** Normalized: "arXiv:2101.00001" or "doi:10.1000/xyz". */
  identifier: string
  queuedAt: string
  /** The last failure, e.g. "offline: could not reach export.arxiv.org". */
  reason: string
}

export interface LookupQueue {
  items: QueuedIdentifier[]
}

// The kinds of file Import… offers to pick: the in-page file picker (toolbar,
// Ctrl/Cmd+O) and the system Open dialog behind File > Import… list the same ones.
// The importer recognizes a format by its content, so these only narrow the list.
/** Extensions, without the dot: BibTeX, RIS, CSL-JSON, arXiv Atom, Daily Papers pages and id lists. */
export const IMPORT_FILE_EXTENSIONS = [
  'bib',
  'bibtex',
  'ris',
  'json',
  'csljson',
  'atom',
  'xml',
  'txt',
] as const

/** The `accept` attribute of the in-page file picker. */
export const IMPORT_FILE_ACCEPT = [
  ...IMPORT_FILE_EXTENSIONS.map((extension) => `.${extension}`),
  'text/plain',
  'application/json',
].join(',')
