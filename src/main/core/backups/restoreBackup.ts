// Putting a backup's content back into the library folder, so that a crash or
// a full disk at any moment leaves either the library as it was or the
// backup's content, never a mix:
//
// 1. Stage: every file of the backup is read, checked to be JSON, and written
//    to `.restore/` inside the library, flushed. A failure here (a damaged
//    backup, a full disk) deletes the staging folder: nothing else changed.
// 2. Commit: `.restore/restore.json` is written. From now on the restore will
//    be finished, by this call or by the next open.
// 3. Finish: library files the backup does not have are deleted, the journal
//    is emptied, each staged file is renamed into place (renames need no
//    space), and the staging folder is removed. Every step can run again.
//
// The caller closes the store before, opens it again after, and has backed up
// the current state first, so a restore can itself be undone.
import { mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { DurableJsonFile, errnoCode, syncFile, syncFolder } from '../store/durableJsonFile'
import { StorageError, messageOf } from '../kernel/errors'
import { JOURNAL_FILE, JOURNALS_FOLDER } from '../store/journal'
import { isLibraryFile, listLibraryFiles } from '../store/libraryFiles'
import { backupFolder } from './backupFolder'
import type { BackupManifest } from './backupFolder'

export const RESTORE_FOLDER = '.restore'
const MARKER_FILE = 'restore.json'

interface RestoreMarker {
  backupId: string
  files: string[]
}

const markerSchema = z.object({
  backupId: z.string(),
  files: z.array(z.string().refine(isLibraryFile, 'not a library file')),
})

function markerFile(dir: string): DurableJsonFile<RestoreMarker> {
  return new DurableJsonFile(join(dir, RESTORE_FOLDER, MARKER_FILE), (value) =>
    markerSchema.parse(value),
  )
}

/** Replaces the library's files by the backup's. The store must be closed. */
export async function restoreBackupFiles(dir: string, backup: BackupManifest): Promise<void> {
  const staging = join(dir, RESTORE_FOLDER)
  const files = Object.keys(backup.files).filter(isLibraryFile)
  try {
    await rm(staging, { recursive: true, force: true })
    const folders = new Set<string>([staging])
    for (const file of files) {
      const bytes = await readFile(join(backupFolder(dir, backup.id), file))
      try {
        JSON.parse(bytes.toString('utf8'))
      } catch (error) {
        throw new Error(`its copy of ${file} is damaged (${messageOf(error)})`, { cause: error })
      }
      const target = join(staging, file)
      await mkdir(dirname(target), { recursive: true })
      folders.add(dirname(target))
      await writeFile(target, bytes)
      await syncFile(target)
    }
    for (const folder of folders) await syncFolder(folder)
    await markerFile(dir).write({ backupId: backup.id, files })
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined)
    throw new StorageError(
      `Could not restore the backup of ${backup.createdAt}: ${messageOf(error)}; ` +
        'the library was not changed',
      { cause: error },
    )
  }
  await finishRestore(dir)
}

/**
 * Called first thing when a library opens: finishes a restore a crash
 * interrupted after it was committed, and clears one that was not.
 */
export async function finishInterruptedRestore(dir: string): Promise<void> {
  let marker: RestoreMarker | null
  try {
    marker = await markerFile(dir).read()
  } catch {
    marker = null // a marker not fully written: the restore was never committed
  }
  if (marker === null) {
    await rm(join(dir, RESTORE_FOLDER), { recursive: true, force: true })
    return
  }
  await finishRestore(dir)
}

/** Renames journals/ to journals.before-restore-BACKUP[-N]/ (never deleted). */
async function setJournalsAside(dir: string, backupId: string): Promise<void> {
  for (let attempt = 1; attempt < 100; attempt++) {
    const target = join(
      dir,
      `${JOURNALS_FOLDER}.before-restore-${backupId}${attempt === 1 ? '' : `-${attempt}`}`,
    )
    try {
      await rename(join(dir, JOURNALS_FOLDER), target)
      return
    } catch (error) {
      const code = errnoCode(error)
      if (code === 'ENOENT') return // none, or set aside before a crash
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error
    }
  }
}

async function finishRestore(dir: string): Promise<void> {
  const marker = await markerFile(dir).read()
  if (marker === null) return
  const staging = join(dir, RESTORE_FOLDER)
  try {
    const keep = new Set(marker.files)
    for (const file of await listLibraryFiles(dir)) {
      if (!keep.has(file)) await unlink(join(dir, file))
    }
    // The store was flushed before; an empty journal is what the backup implies.
    await writeFile(join(dir, JOURNAL_FILE), '')
    // The devices' journals would bring back what the backup does not hold: set aside.
    await setJournalsAside(dir, marker.backupId)
    const folders = new Set<string>([dir])
    for (const file of marker.files) {
      const target = join(dir, file)
      await mkdir(dirname(target), { recursive: true })
      folders.add(dirname(target))
      try {
        await rename(join(staging, file), target)
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') throw error // moved already, before a crash
      }
    }
    for (const folder of folders) await syncFolder(folder)
    await rm(staging, { recursive: true, force: true })
  } catch (error) {
    throw new StorageError(
      `The restore of backup ${marker.backupId} could not be finished: ${messageOf(error)}; ` +
        'it will be finished when the library is next opened',
      { cause: error },
    )
  }
}
