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
}
