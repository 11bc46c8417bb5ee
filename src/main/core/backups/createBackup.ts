// Making a backup, consistently and without holding up the user's writes:
//
// 1. With the store flushed and its write queue held, every library file is
//    hard-linked into a new `<id>.partial/` folder. The store only ever
//    replaces its files by renaming new ones over them, never by writing into
//    them, so these links are a frozen, consistent picture of the library.
//    This costs one link per file, so the queue is held for milliseconds.
// 2. With the queue released, each link is turned into an independent copy,
//    or into a link to the previous backup's copy when the file has not
//    changed since. Copies are flushed to disk.
// 3. The manifest is written last and the folder renamed to its id: a crash
//    at any point leaves either a complete backup or a .partial folder, which
//    the next backup removes.
//
// Where hard links are not possible (some file systems), files are copied in
// step 1 instead, with the queue held for as long as that takes.
import { copyFile, link, mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { BackupReason } from '../../../shared/model'
import { StorageError, messageOf } from '../kernel/errors'
import { errnoCode, syncFile, syncFolder } from '../store/durableJsonFile'
import { isImmutableLibraryFile } from '../store/libraryFiles'
import { fileTimestamp } from '../store/moveAside'
import {
  MANIFEST_FORMAT,
  PARTIAL_SUFFIX,
  backupFolder,
  backupsFolder,
  listBackups,
  manifestFile,
} from './backupFolder'
import type { BackupManifest } from './backupFolder'

/** What a backup needs from the open library. */
export interface BackupSource {
  dir: string
  schemaVersion: number
  /**
   * Runs `task` with every change on disk in the library files and no write
   * able to start until it finishes. `files` are their relative paths.
   */
  snapshot<T>(task: (files: readonly string[]) => Promise<T>): Promise<T>
  /** Counts shown in the restore dialog, read inside the snapshot. */
  counts(): { paperCount: number; noteCount: number }
}

export interface CreatedBackup {
  manifest: BackupManifest
  /** False when nothing changed since the latest backup (which is returned instead). */
  created: boolean
}

interface Staged {
  id: string
  folder: string
  identities: Record<string, string>
  counts: { paperCount: number; noteCount: number }
  /** Files that are still links to the library's own files. */
  linked: string[]
}

/**
 * Backs up the library unless nothing changed since the latest backup. Callers
 * must not run two at once (the Library serializes them).
 */
export async function createBackup(
  source: BackupSource,
  reason: BackupReason,
  now: Date,
): Promise<CreatedBackup> {
  try {
    const previous = (await listBackups(source.dir))[0]
    await removeUnfinished(source.dir)
    const staged = await source.snapshot(async (files) => {
      const identities: Record<string, string> = {}
      for (const file of files) identities[file] = await identityOf(join(source.dir, file))
      if (previous !== undefined && sameFiles(previous.files, identities)) return previous
      const id = await freeId(source.dir, now)
      const folder = backupFolder(source.dir, id) + PARTIAL_SUFFIX
      const linked: string[] = []
      for (const file of files) {
        const target = join(folder, file)
        await mkdir(dirname(target), { recursive: true })
        if (await tryLink(join(source.dir, file), target)) linked.push(file)
        else await copyDurably(join(source.dir, file), target)
      }
      return { id, folder, identities, counts: source.counts(), linked } satisfies Staged
    })
    if (!('folder' in staged)) return { manifest: staged, created: false }
    return { manifest: await finish(source, staged, previous, reason, now), created: true }
  } catch (error) {
    throw new StorageError(`The backup failed: ${messageOf(error)}`, { cause: error })
  }
}

/** Deletes all but the newest `keep` backups and those in `alsoKeep` (and any unfinished one). */
export async function pruneBackups(
  dir: string,
  keep: number,
  alsoKeep: readonly string[] = [],
): Promise<void> {
  await removeUnfinished(dir)
  const backups = await listBackups(dir)
  for (const old of backups.slice(Math.max(1, keep))) {
    if (alsoKeep.includes(old.id)) continue
    await rm(backupFolder(dir, old.id), { recursive: true, force: true })
  }
}

async function finish(
  source: BackupSource,
  staged: Staged,
  previous: BackupManifest | undefined,
  reason: BackupReason,
  now: Date,
): Promise<BackupManifest> {
  const previousFolder = previous === undefined ? undefined : backupFolder(source.dir, previous.id)
  const touched = new Set<string>([staged.folder])
  for (const file of staged.linked) {
    // A file never rewritten (an attachment's PDF) keeps its link: the backup costs nothing.
    if (isImmutableLibraryFile(file)) continue
    const target = join(staged.folder, file)
    const temp = `${target}.tmp`
    touched.add(dirname(target))
    const unchanged =
      previous !== undefined &&
      previousFolder !== undefined &&
      previous.files[file] === staged.identities[file] &&
      (await tryLink(join(previousFolder, file), temp).catch(() => false))
    // The staged link shares its bytes with the library's file; replace it by
    // the previous backup's identical copy, or by a copy of its own.
    if (!unchanged) await copyDurably(target, temp)
    await rename(temp, target)
  }
  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT,
    id: staged.id,
    createdAt: now.toISOString(),
    reason,
    schemaVersion: source.schemaVersion,
    paperCount: staged.counts.paperCount,
    noteCount: staged.counts.noteCount,
    files: staged.identities,
  }
  for (const folder of touched) await syncFolder(folder)
  await manifestFile(staged.folder).write(manifest)
  await rename(staged.folder, backupFolder(source.dir, staged.id))
  await syncFolder(backupsFolder(source.dir))
  return manifest
}

/** Inode, size and modification time: a file the store rewrote has a new inode. */
async function identityOf(path: string): Promise<string> {
  const info = await stat(path, { bigint: true })
  return `${info.ino}:${info.size}:${info.mtimeNs}`
}

function sameFiles(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key])
}

/**
 * The time, numbered after every backup of the same second still on disk
 * ("…Z", "…Z-2", …): never a number pruning freed, so numbers follow creation.
 */
async function freeId(dir: string, now: Date): Promise<string> {
  const base = fileTimestamp(now)
  const taken = await readdir(backupsFolder(dir)).catch(() => [] as string[])
  let last = 0
  for (const name of taken) {
    const id = name.endsWith(PARTIAL_SUFFIX) ? name.slice(0, -PARTIAL_SUFFIX.length) : name
    if (id === base) last = Math.max(last, 1)
    else if (id.startsWith(`${base}-`))
      last = Math.max(last, Number(id.slice(base.length + 1)) || 0)
  }
  await mkdir(backupsFolder(dir), { recursive: true })
  return last === 0 ? base : `${base}-${last + 1}`
}

async function tryLink(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to)
    return true
  } catch (error) {
    // No hard links here (FAT, some network shares) or too many: copy instead.
    if (
      ['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK', 'ENOSYS', 'EOPNOTSUPP'].includes(
        errnoCode(error) ?? '',
      )
    ) {
      return false
    }
    throw error
  }
}

async function copyDurably(from: string, to: string): Promise<void> {
  await copyFile(from, to)
  await syncFile(to)
}

/** A .partial folder is a backup a crash interrupted; nothing refers to it. */
async function removeUnfinished(dir: string): Promise<void> {
  const names = await readdir(backupsFolder(dir)).catch(() => [] as string[])
  for (const name of names) {
    if (name.endsWith(PARTIAL_SUFFIX)) {
      await rm(join(backupsFolder(dir), name), { recursive: true, force: true })
    }
  }
}
