// A file we cannot read is never overwritten: it is renamed out of the way,
// kept for the user, and reported.
import { access, rename } from 'node:fs/promises'
import { StorageError, messageOf } from '../kernel/errors'

/** "2026-11-26T03-10-00Z": sortable, and legal in file names on every system. */
export function fileTimestamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')
}

/**
 * Renames `path` to `<path>.<label>-<UTC time>`, never replacing an earlier one.
 * If the rename fails we cannot continue: starting empty would overwrite the
 * file on the next save.
 */
export async function moveAside(path: string, at: Date, label = 'unreadable'): Promise<string> {
  const base = `${path}.${label}-${fileTimestamp(at)}`
  for (let attempt = 1; ; attempt++) {
    const target = attempt === 1 ? base : `${base}-${attempt}`
    if (await exists(target)) continue
    try {
      await rename(path, target)
      return target
    } catch (error) {
      throw new StorageError(
        `${path} could not be read and could not be moved aside: ${messageOf(error)}`,
        { cause: error },
      )
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}
