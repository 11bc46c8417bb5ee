// Backup ids are folder names inside backups/: a UTC timestamp, plus a counter
// when two backups fall in the same second. Shared so main and the renderer
// agree on what an id may look like (an id is never a path).

/** "2026-11-26T03-10-00Z" or "2026-11-26T03-10-00Z-2". */
export const BACKUP_ID_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(?:-\d{1,4})?$/

export function isBackupId(value: string): boolean {
  return BACKUP_ID_PATTERN.test(value)
}
