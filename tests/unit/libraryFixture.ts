// Shared set-up for tests of the library's import, merge and export: a temp
// library folder, a stepping clock, and records written straight into the
// store (collections have no API of their own yet; duplicates that an import
// would have merged can only get in this way).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Collection, Note, Paper } from '../../src/shared/model'
import { Library } from '../../src/main/core/library'
import type { LookupOptions } from '../../src/main/core/lookup/identifierLookup'
import { LibraryStore } from '../../src/main/core/store/libraryStore'
import { steppingClock } from './support/steppingClock'

export async function makeDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'offprint-formats-'))
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
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

export interface StoredRecords {
  papers: Paper[]
  notes: Note[]
  collections: Collection[]
}

/** Puts records into the store of a library folder that no Library has open. */
export async function seedRecords(dir: string, records: Partial<StoredRecords>): Promise<void> {
  const store = await LibraryStore.open(dir)
  await store.commit({
    ...(records.papers === undefined ? {} : { papers: { put: records.papers } }),
    ...(records.notes === undefined ? {} : { notes: { put: records.notes } }),
    ...(records.collections === undefined ? {} : { collections: { put: records.collections } }),
  })
  await store.close()
}

export function writeCollections(dir: string, collections: Collection[]): Promise<void> {
  return seedRecords(dir, { collections })
}

/** Every record of a closed library folder, each kind sorted by id. */
export async function readRecords(dir: string): Promise<StoredRecords> {
  const store = await LibraryStore.open(dir)
  const byId = <T extends { id: string }>(records: Iterable<T>): T[] =>
    [...records].sort((a, b) => (a.id < b.id ? -1 : 1))
  const records = {
    papers: byId(store.papers.values()),
    notes: byId(store.notes.values()),
    collections: byId(store.collections.values()),
  }
  await store.close()
  return records
}

let counter = 0
/** Imports `text` through preview + confirm, the way the UI does. */
export async function importVia(library: Library, text: string, fileName = 'x.bib') {
  const previewId = `preview-${++counter}`
  const preview = await library.api.previewImport({ previewId, text, fileName })
  const report = await library.api.confirmImport({ previewId })
  return { preview, report }
}
