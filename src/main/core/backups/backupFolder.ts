// The backups of a library, as they lie on disk:
//
//   <library>/backups/2026-11-26T03-10-00Z/
//     backup.json          the manifest, written last: a folder without one is
//                          an unfinished backup and is ignored (then removed)
//     library.json, papers/0a.json, …   copies of the library's files
//
// Copies are real files, independent of the library's own (a damaged library
// file cannot damage its backup). A file unchanged since the previous backup
// is hard-linked to that backup's copy, so a backup costs the size of what
// changed, not the size of the library.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { isBackupId } from '../../../shared/model'
import type { BackupReason, BackupSummary } from '../../../shared/model'
import { DurableJsonFile } from '../store/durableJsonFile'
import type { JsonDocumentParser } from '../store/durableJsonFile'
import { summarizeIssues } from '../kernel/issueSummary'

export const BACKUPS_FOLDER = 'backups'
export const MANIFEST_FILE = 'backup.json'
/** Suffix of a backup being written; renamed to its id once complete. */
export const PARTIAL_SUFFIX = '.partial'
export const MANIFEST_FORMAT = 1

export interface BackupManifest extends BackupSummary {
  format: number
  schemaVersion: number
  /**
   * Relative path → identity of the library file copied (inode, size, mtime):
   * how the next backup knows a file has not changed since.
   */
  files: Record<string, string>
}

const REASONS: Record<BackupReason, true> = {
  start: true,
  scheduled: true,
  manual: true,
  'before-restore': true,
}

const manifestSchema = z.looseObject({
  format: z.literal(MANIFEST_FORMAT),
  id: z.string(),
  createdAt: z.string(),
  reason: z.enum(Object.keys(REASONS) as [BackupReason, ...BackupReason[]]),
  schemaVersion: z.number().int().min(1),
  paperCount: z.number().int().min(0),
  noteCount: z.number().int().min(0),
  files: z.record(z.string(), z.string()),
})

const parseManifest: JsonDocumentParser<BackupManifest> = (value) => {
  const result = manifestSchema.safeParse(value)
  if (!result.success) throw new Error(summarizeIssues(result.error.issues))
  return result.data
}

export function backupsFolder(libraryDir: string): string {
  return join(libraryDir, BACKUPS_FOLDER)
}

export function backupFolder(libraryDir: string, id: string): string {
  return join(backupsFolder(libraryDir), id)
}

export function manifestFile(folder: string): DurableJsonFile<BackupManifest> {
  return new DurableJsonFile(join(folder, MANIFEST_FILE), parseManifest)
}

/** Every complete backup whose manifest can be read, newest first. */
export async function listBackups(libraryDir: string): Promise<BackupManifest[]> {
  let names: string[]
  try {
    names = await readdir(backupsFolder(libraryDir))
  } catch {
    return []
  }
  const manifests = await Promise.all(
    names.filter(isBackupId).map(async (id) => {
      try {
        const manifest = await manifestFile(backupFolder(libraryDir, id)).read()
        // A manifest copied into another folder by hand describes that other backup.
        return manifest !== null && manifest.id === id ? manifest : undefined
      } catch {
        return undefined // an unreadable backup is simply not offered
      }
    }),
  )
  return manifests.filter((manifest) => manifest !== undefined).sort(newestFirst)
}

/** By creation time; two in one millisecond by their number ("…Z-2" after "…Z"). */
function newestFirst(a: BackupManifest, b: BackupManifest): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1
  return sequenceOf(b.id) - sequenceOf(a.id)
}

function sequenceOf(id: string): number {
  return Number(/-(\d+)$/.exec(id)?.[1] ?? 1)
}

export function summaryOf(manifest: BackupManifest): BackupSummary {
  const { id, createdAt, reason, paperCount, noteCount } = manifest
  return { id, createdAt, reason, paperCount, noteCount }
}

/**
 * The newest backup holding a readable copy of library file `relativePath`,
 * read with the same parser as the library's own file. Used when that file is
 * damaged: the latest good copy is what we bring back.
 */
export async function findGoodCopy<T>(
  libraryDir: string,
  relativePath: string,
  parse: JsonDocumentParser<T>,
): Promise<{ data: T; backup: BackupManifest } | undefined> {
  for (const backup of await listBackups(libraryDir)) {
    if (!Object.hasOwn(backup.files, relativePath)) continue
    const copy = new DurableJsonFile(join(backupFolder(libraryDir, backup.id), relativePath), parse)
    try {
      const data = await copy.read()
      if (data !== null) return { data, backup }
    } catch {
      // This copy is damaged too (or from another version): try an older one.
    }
  }
  return undefined
}
