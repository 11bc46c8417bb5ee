// What a synced library folder holds besides this device's own files: the
// other devices' journals and the conflict copies sync tools left, and which
// files changed since this device last read or wrote them (a file's size,
// modification time and inode: a sync tool replaces a file by renaming a new
// one over it, so its inode changes even when size and time do not).
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { conflictCopyOf } from './conflictCopies'
import type { ConflictCopy } from './conflictCopies'
import { JOURNALS_FOLDER } from './journal'
import { RECORD_KINDS } from './recordKinds'

async function signatureOf(path: string): Promise<string> {
  try {
    const info = await stat(path)
    return `${info.size}:${info.mtimeMs}:${info.ino}`
  } catch {
    return 'missing'
  }
}

export class FileSignatures {
  private readonly known = new Map<string, string>()

  constructor(private readonly dir: string) {}

  /** True when the file is not as this device last saw it. */
  async changed(relativePath: string): Promise<boolean> {
    const now = await signatureOf(join(this.dir, relativePath))
    return now !== (this.known.get(relativePath) ?? 'missing')
  }

  /** Notes the file as it is now (after reading or writing it). */
  async remember(relativePath: string): Promise<void> {
    this.known.set(relativePath, await signatureOf(join(this.dir, relativePath)))
  }
}

async function namesIn(folder: string): Promise<string[]> {
  try {
    return await readdir(folder)
  } catch {
    return []
  }
}

/** The device journals in the folder (relative paths), conflict copies excluded. */
export async function listJournals(dir: string): Promise<string[]> {
  const names = await namesIn(join(dir, JOURNALS_FOLDER))
  return names
    .filter((name) => name.endsWith('.ndjson') && !name.startsWith('.'))
    .map((name) => `${JOURNALS_FOLDER}/${name}`)
    .filter((path) => conflictCopyOf(path) === undefined)
    .sort()
}

/** The conflict copies of library files and journals in the folder. */
export async function listConflictCopies(dir: string): Promise<ConflictCopy[]> {
  const copies: ConflictCopy[] = []
  for (const folder of ['', ...RECORD_KINDS.map((kind) => `${kind}/`), `${JOURNALS_FOLDER}/`]) {
    for (const name of await namesIn(join(dir, folder))) {
      if (name.startsWith('.')) continue
      const copy = conflictCopyOf(`${folder}${name}`)
      if (copy !== undefined) copies.push(copy)
    }
  }
  return copies.sort((a, b) => (a.path < b.path ? -1 : 1))
}
