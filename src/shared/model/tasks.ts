// Long tasks and their progress.

/** Imports, exports, duplicate scans, rebuilding the search and similar-papers indexes, extracting PDFs' text. */
export type TaskKind = 'import' | 'export' | 'duplicates' | 'reindex' | 'pdf-text'

export type TaskState = 'running' | 'finished' | 'cancelled' | 'failed'

/** Where a long task stands; main sends one after every step worth showing. */
export interface TaskProgress {
  taskId: string
  kind: TaskKind
  /** What the user sees, e.g. "Importing papers.txt". */
  label: string
  /** The current step, e.g. "Reading entries", "Adding papers", "Saving". */
  step: string
  done: number
  /** 0 while the amount of work is not known yet (an indeterminate bar). */
  total: number
  state: TaskState
  /** Whether cancelTask can still stop it (not once it is writing). */
  cancellable: boolean
  /**
   * How it went, on the last report of a finished task that nobody waits for
   * (rebuilding an index in the background), e.g. "Search is ready: 100,000 papers".
   */
  summary?: string
  /**
   * An import's entries as soon as its file is scanned, sent once (later
   * reports of the same task leave it out: keep the last one seen).
   */
  entries?: ImportEntriesRead
}

/** How many entries an import preview lists by name (the rest are counted). */
export const PREVIEW_LISTED = 200

/** What the import preview lists while the rest of the file is converted. */
export interface ImportEntriesRead {
  /** Entries the scan found (the progress bar's total). */
  count: number
  /** The first PREVIEW_LISTED entries in file order: citation key and title ('' if it has none). */
  first: { key: string; title: string }[]
}
