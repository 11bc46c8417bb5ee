// One library on several machines: the Sync status, a merge now, and the
// resolution of a note two devices edited apart.
import { z } from 'zod'
import { MAX_NOTE_CHARS } from '../limits'
import type { ArgSchemas } from './common'
import { idSchema, noArgs } from './common'

export const syncArgs = {
  getSyncStatus: noArgs,
  mergeSyncFolder: noArgs,
  resolveNoteConflict: z
    .object({ noteId: idSchema, body: z.string().max(MAX_NOTE_CHARS) })
    .strict(),
} satisfies ArgSchemas
