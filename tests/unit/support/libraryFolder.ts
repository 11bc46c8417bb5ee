// Looking at a library folder the way a crash or a second process would.
import { cp, mkdtemp, readFile, readdir, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

/** Relative path → bytes (base64) and mtime of every file under `folder`. */
export async function folderSnapshot(
  folder: string,
): Promise<Record<string, { bytes: string; mtimeMs: number }>> {
  const result: Record<string, { bytes: string; mtimeMs: number }> = {}
  for (const path of await listFiles(folder)) {
    const info = await stat(path)
    result[relative(folder, path)] = {
      bytes: (await readFile(path)).toString('base64'),
      mtimeMs: info.mtimeMs,
    }
  }
  return result
}

/**
 * Relative path → inode, size and modification time (ns) of every file: cheap,
 * and changed by any write (ours always replace, append to or create a file).
 */
export async function folderFingerprint(folder: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {}
  for (const path of await listFiles(folder)) {
    const info = await stat(path, { bigint: true })
    result[relative(folder, path)] = `${info.ino}:${info.size}:${info.mtimeNs}`
  }
  return result
}

/** Every file under `folder`, recursively, sorted. */
export async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

/**
 * A copy of the folder as it is on disk right now: what a process killed at
 * this instant would leave behind. Open a Library on it to see what survived.
 */
export async function copyAsIfCrashed(folder: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'offprint-crashed-'))
  await cp(folder, copy, { recursive: true })
  return copy
}
