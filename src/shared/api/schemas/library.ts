// Arguments of the library as a whole: its info, long tasks, and backups.
import { z } from 'zod'
import { BACKUP_ID_PATTERN } from '../../model'
import type { ArgSchemas } from './common'
import { idSchema as id, noArgs } from './common'

export const libraryArgs = {
  getLibraryInfo: noArgs,
  cancelTask: z.object({ taskId: id }).strict(),
  listBackups: noArgs,
  createBackup: noArgs,
  // A backup id names a folder: only our own timestamp names, never a path.
  restoreBackup: z.object({ id: z.string().max(40).regex(BACKUP_ID_PATTERN) }).strict(),
} satisfies ArgSchemas
