// Which files make up a library's content: library.json and the shard files.
// Everything else in the folder (the journal, files moved aside, quarantined
// records, backups, the 0.1 archive) is not part of it. Backups copy exactly
// these files and a restore replaces exactly these files.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { LIBRARY_FILE } from './libraryMeta'
import { RECORD_KINDS } from './recordKinds'

const SHARD_NAME = /^[0-9a-f]{2}\.json$/

/** True for "library.json" and "papers/0a.json"-like relative paths (always with "/"). */
export function isLibraryFile(relativePath: string): boolean {
  if (relativePath === LIBRARY_FILE) return true
  const [kind, name, ...rest] = relativePath.split('/')
  return (
    rest.length === 0 &&
    name !== undefined &&
    SHARD_NAME.test(name) &&
    (RECORD_KINDS as readonly string[]).includes(kind ?? '')
  )
}

/** The library files present in `dir`, as relative paths with "/", sorted. */
export async function listLibraryFiles(dir: string): Promise<string[]> {
  const files: string[] = []
  const top = await readdir(dir)
  if (top.includes(LIBRARY_FILE)) files.push(LIBRARY_FILE)
  for (const kind of RECORD_KINDS) {
    let names: string[]
    try {
      names = await readdir(join(dir, kind))
    } catch {
      continue
    }
    for (const name of names) if (SHARD_NAME.test(name)) files.push(`${kind}/${name}`)
  }
  return files.sort()
}
