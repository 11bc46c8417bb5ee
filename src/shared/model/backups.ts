// Backups of the library folder. A backup id is a folder name inside backups/:
// a UTC timestamp, plus a counter when two backups fall in the same second.
// Shared so main and the renderer agree on what an id may look like (never a path).

/** Why a backup was made. */
export type BackupReason = 'start' | 'scheduled' | 'manual' | 'before-restore'

/** One backup of the library folder, as the restore dialog lists it. */
export interface BackupSummary {
  /** The backup's folder name inside backups/, e.g. "2026-11-26T03-10-00Z". */
  id: string
  /** ISO timestamp. */
  createdAt: string
  reason: BackupReason
  paperCount: number
  noteCount: number
}

export interface BackupList {
  /** Absolute path of the folder holding the backups. */
  folder: string
  /** Newest first. */
  backups: BackupSummary[]
}

export interface BackupOutcome {
  backup: BackupSummary
  /** False when nothing had changed since the latest backup, which is returned instead. */
  created: boolean
}

export interface RestoreReport {
  restored: BackupSummary
  /** The library as it was just before the restore, kept as a backup so the restore can be undone. */
  previous: BackupSummary
}

/** "2026-11-26T03-10-00Z" or "2026-11-26T03-10-00Z-2". */
export const BACKUP_ID_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(?:-\d{1,4})?$/

export function isBackupId(value: string): boolean {
  return BACKUP_ID_PATTERN.test(value)
}
