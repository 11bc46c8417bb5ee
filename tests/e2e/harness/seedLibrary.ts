// Libraries written straight through the store, for tests whose content no
// importer can produce (a 1 MB title, an author named <script>…) or that
// need hundreds of papers in place before the window opens.
import type { Collection, Note, Paper, PaperRelation } from '../../../src/shared/model'
import { LibraryStore } from '../../../src/main/core/store/libraryStore'
import { writeSyntheticLibrary } from '../../bench/syntheticLibrary'

const STAMP = '2026-02-10T00:00:00.000Z'

/** A complete paper record: `fields` over plain defaults. */
export function paperRecord(id: string, fields: Partial<Paper> = {}): Paper {
  return {
    id,
    title: `Paper ${id}`,
    abstract: `The abstract of paper ${id}.`,
    authors: [],
    links: [],
    upvotes: 0,
    tags: [],
    status: 'unread',
    starred: false,
    addedAt: STAMP,
    updatedAt: STAMP,
    source: { format: 'hf-daily-papers', importedAt: STAMP },
    ...fields,
  }
}

/** A paper's note, or a standalone one when `paperId` is undefined. */
export function noteRecord(
  id: string,
  paperId: string | undefined,
  fields: Partial<Note> = {},
): Note {
  const note: Note = { id, title: '', body: '', createdAt: STAMP, updatedAt: STAMP, ...fields }
  if (paperId !== undefined) note.paperId = paperId
  return note
}

export function relationRecord(
  id: string,
  fromId: string,
  toId: string,
  label?: string,
): PaperRelation {
  return label === undefined
    ? { id, fromId, toId, createdAt: STAMP }
    : { id, fromId, toId, label, createdAt: STAMP }
}

export function collectionRecord(id: string, fields: Partial<Collection> = {}): Collection {
  return {
    id,
    name: `Collection ${id}`,
    position: 0,
    paperIds: [],
    createdAt: STAMP,
    updatedAt: STAMP,
    ...fields,
  }
}

/** Writes the records into the library folder `dir` (created if needed), fully checkpointed. */
export async function seedLibrary(
  dir: string,
  records: {
    papers: Paper[]
    notes?: Note[]
    collections?: Collection[]
    relations?: PaperRelation[]
  },
): Promise<void> {
  await writeSyntheticLibrary(dir, {
    papers: records.papers,
    notes: records.notes ?? [],
    collections: records.collections ?? [],
  })
  if (records.relations === undefined) return
  const store = await LibraryStore.open(dir)
  await store.commit({ relations: { put: records.relations } })
  await store.close()
}

/** ISO date `days` before 2026-01-31: papers listed newest first come out in index order. */
export function daysBefore(days: number): string {
  return new Date(Date.UTC(2026, 0, 31) - days * 86_400_000).toISOString().slice(0, 10)
}
