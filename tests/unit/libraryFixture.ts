// Shared set-up for tests of the library's import, merge and export: a temp
// library folder, a stepping clock, and collection records written straight
// into the folder (collections have no API of their own yet).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Collection } from '../../src/shared/model'
import { Library } from '../../src/main/library/library'
import type { LookupOptions } from '../../src/main/library/lookup/identifierLookup'
import { COLLECTIONS_FILE } from '../../src/main/library/libraryFiles'

export async function makeDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'offprint-formats-'))
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

/** A clock that ticks one second per call from 2026-02-10. */
export function steppingClock(): () => Date {
  let t = new Date('2026-02-10T12:00:00Z').getTime()
  return () => new Date((t += 1000))
}

export function openAt(dir: string, lookup?: LookupOptions): Promise<Library> {
  return Library.open(dir, { now: steppingClock(), ...(lookup === undefined ? {} : { lookup }) })
}

export function collection(
  id: string,
  name: string,
  paperIds: string[],
  parentId?: string,
): Collection {
  return {
    id,
    name,
    position: 0,
    paperIds,
    createdAt: '2026-02-10T00:00:00.000Z',
    updatedAt: '2026-02-10T00:00:00.000Z',
    ...(parentId === undefined ? {} : { parentId }),
  }
}

/** Writes collections.json into a closed library folder. */
export async function writeCollections(dir: string, collections: Collection[]): Promise<void> {
  await writeFile(join(dir, COLLECTIONS_FILE), JSON.stringify({ collections }, null, 2))
}

let counter = 0
/** Imports `text` through preview + confirm, the way the UI does. */
export async function importVia(library: Library, text: string, fileName = 'x.bib') {
  const previewId = `preview-${++counter}`
  const preview = await library.previewImport({ previewId, text, fileName })
  const report = await library.confirmImport({ previewId })
  return { preview, report }
}
