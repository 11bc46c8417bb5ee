// The library as a whole: its folder, counts, and the problems found opening it.
import type { BackupSummary } from './backups'

/**
 * What was wrong: a whole file could not be read (moved aside), some records
 * in a readable file could not be used (set aside one by one), or the journal
 * of recent changes was damaged part-way (the rest set aside).
 */
export type StoreProblemKind = 'unreadable-file' | 'unusable-records' | 'damaged-journal'

/** A file that could not be read and was moved aside instead of being overwritten. */
export interface StoreProblem {
  kind: StoreProblemKind
  file: string
  /** Where the unreadable file (or the unusable records) now are, untouched. */
  movedTo: string
  reason: string
  /** The backup its content was brought back from, when one held a good copy. */
  restoredFrom?: BackupSummary
}

export interface LibraryInfo {
  /** Absolute path of the library folder. */
  path: string
  schemaVersion: number
  paperCount: number
  noteCount: number
  problems: StoreProblem[]
  /** Why the last automatic backup failed, until one succeeds. */
  backupProblem?: string
}
