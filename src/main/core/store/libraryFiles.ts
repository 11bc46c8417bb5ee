// Which files make up a library's content: library.json, the shard files and
// the attachments' PDFs (attachments/<sha256>.pdf, beside that kind's shards).
// Everything else in the folder (the journal, files moved aside, quarantined
// records, backups, the 0.1 archive) is not part of it. Backups copy exactly
// these files and a restore replaces exactly these files.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { LIBRARY_FILE } from './libraryMeta'
import { RECORD_KINDS } from './recordKinds'

const SHARD_NAME = /^[0-9a-f]{2}\.json$/
/** Attachment files (attachments/<sha256>.pdf): written once, never changed, only deleted. */
const ATTACHMENT_FILE = /^attachments\/[0-9a-f]{64}\.pdf$/

/** True for a library file that is never rewritten (a backup may keep a hard link to it). */
export function isImmutableLibraryFile(relativePath: string): boolean {
  return ATTACHMENT_FILE.test(relativePath)
}

/** True for "library.json" and "papers/0a.json"-like relative paths (always with "/"). */
export function isLibraryFile(relativePath: string): boolean {
  if (relativePath === LIBRARY_FILE || isImmutableLibraryFile(relativePath)) return true
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
    for (const name of names) {
      if (SHARD_NAME.test(name) || isImmutableLibraryFile(`${kind}/${name}`)) {
        files.push(`${kind}/${name}`)
      }
    }
  }
  return files.sort()
}
