// One library on several machines, as the window and the CLI see it: the Sync
// status (devices, last merge, what was merged, notes that need a look), a
// merge on demand, the resolution of a note two devices edited apart, and,
// in the app, a watch on the folder that merges whenever a sync tool brings a
// file (the store does the merging: store/mergeBatch.ts, store/folderMerger.ts).
import { watch } from 'node:fs'
import type { FSWatcher } from 'node:fs'
import { join } from 'node:path'
import type { Note, NoteConflict, SyncStatus } from '../../../shared/model'
import { messageOf } from '../kernel/errors'
import type { LibraryKernel } from '../kernel/kernel'
import type { Service } from '../kernel/service'
import { listJournals } from '../store/folderScan'
import { JOURNALS_FOLDER } from '../store/journal'
import { RECORD_KINDS } from '../store/recordKinds'
import { requireNote } from '../store/requireRecord'

type SyncMethod = 'getSyncStatus' | 'mergeSyncFolder' | 'resolveNoteConflict'

/** Quiet time after the last change in the folder before it is merged. */
export const MERGE_DELAY_MS = 500

export class SyncService implements Service<SyncMethod> {
  private watchers: FSWatcher[] = []
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly kernel: LibraryKernel) {}

  readonly handlers: Service<SyncMethod>['handlers'] = {
    getSyncStatus: () => this.status(),
    mergeSyncFolder: async () => {
      await this.merge()
      return this.status()
    },
    resolveNoteConflict: ({ noteId, body }) =>
      this.kernel.mutate(async () => {
        const note = requireNote(this.kernel.store, noteId)
        // A write of the note's text by this device settles the conflict.
        const resolved: Note = { ...note, body, updatedAt: this.kernel.now().toISOString() }
        await this.kernel.commit({ notes: { put: [resolved] } })
        return structuredClone(resolved)
      }),
  }

  /** Merges what is in the folder now (other devices' files, conflict copies). */
  merge(): Promise<void> {
    return this.kernel.mutate(async () => {
      await this.kernel.store.mergeFromDisk()
    })
  }

  /** Merges a moment after the folder changes (the app; the CLI merges on open only). */
  watchFolder(): void {
    const dir = this.kernel.store.dir
    for (const folder of [
      dir,
      join(dir, JOURNALS_FOLDER),
      ...RECORD_KINDS.map((k) => join(dir, k)),
    ]) {
      try {
        const watcher = watch(folder, () => this.mergeSoon())
        watcher.on('error', () => undefined)
        this.watchers.push(watcher)
      } catch {
        // A folder that cannot be watched is merged on open and on demand.
      }
    }
  }

  private mergeSoon(): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      if (this.kernel.closed) return
      this.merge().catch((error: unknown) => {
        console.error('offprint: merging the synced folder failed:', messageOf(error))
      })
    }, MERGE_DELAY_MS)
    this.timer.unref?.()
  }

  async status(): Promise<SyncStatus> {
    const store = this.kernel.store
    const log = store.mergeLog
    const devices = new Set(log.devices)
    devices.add(store.device)
    for (const path of await listJournals(store.dir)) {
      devices.add(path.slice(JOURNALS_FOLDER.length + 1, -'.ndjson'.length))
    }
    const conflicts: NoteConflict[] = []
    for (const note of store.notes.values()) {
      const sides = store.revisionOf('notes', note.id)?.text?.sides
      if (sides === undefined || note.trashedAt !== undefined) continue
      const conflict: NoteConflict = {
        noteId: note.id,
        title: note.title,
        body: note.body,
        sides: [{ ...sides[0] }, { ...sides[1] }],
      }
      if (note.paperId !== undefined) conflict.paperId = note.paperId
      conflicts.push(conflict)
    }
    conflicts.sort((a, b) => a.title.localeCompare(b.title))
    const status: SyncStatus = {
      device: store.device,
      devices: [...devices].sort(),
      conflictCopiesMerged: log.conflictCopies.length,
      notesMerged: log.textMerged.size,
      conflicts,
    }
    if (log.lastMerge !== undefined) status.lastMerge = log.lastMerge.toISOString()
    return status
  }

  reset(): void {
    // The store was replaced (a restore): its own merge log starts again.
  }

  async close(): Promise<void> {
    clearTimeout(this.timer)
    for (const watcher of this.watchers.splice(0)) watcher.close()
    await Promise.resolve()
  }
}
