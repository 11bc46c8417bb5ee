// The sharded, journaled store: routing, journal replay, torn and damaged
// journals, migration from the 0.1 layout.
import { appendFile, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Note, Paper } from '../../src/shared/model'
import { Library } from '../../src/main/core/library'
import { LibraryStore, journalFileOf } from '../../src/main/core/store/libraryStore'
import { SCHEMA_VERSION } from '../../src/main/core/store/libraryMeta'
import { SHARD_COUNTS } from '../../src/main/core/store/recordKinds'
import { fnv1a, shardFileName, shardOf } from '../../src/main/core/store/shardRouting'
import { copyAsIfCrashed, listFiles } from './support/libraryFolder'
import { allPapers } from './support/libraryPapers'

const V1_FIXTURE = fileURLToPath(new URL('../fixtures/library-v1', import.meta.url))
const NEVER = 24 * 60 * 60 * 1000 // a checkpoint delay no test waits for
/** The journal of the device these tests write as. */
const JOURNAL = journalFileOf('laptop')

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-store-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function paper(id: string, title = `Paper ${id}`): Paper {
  return {
    id,
    title,
    abstract: `About ${title}.`,
    authors: [],
    links: [],
    upvotes: 0,
    tags: [],
    status: 'unread',
    starred: false,
    addedAt: '2026-02-10T00:00:00.000Z',
    updatedAt: '2026-02-10T00:00:00.000Z',
    source: { format: 'hf-daily-papers', importedAt: '2026-02-10T00:00:00.000Z' },
  }
}

describe('shard routing', () => {
  it('uses FNV-1a, whose values must never change (they are the layout)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5)
    expect(fnv1a('a')).toBe(0xe40c292c)
    expect(fnv1a('foobar')).toBe(0xbf9cf968)
  })

  it('spreads ids over every shard and names files with two hex digits', () => {
    const used = new Set<number>()
    for (let i = 0; i < 10_000; i++) used.add(shardOf(`id-${i}`, SHARD_COUNTS.papers))
    expect(used.size).toBe(SHARD_COUNTS.papers)
    expect(shardFileName('papers', 10)).toBe('papers/0a.json')
    expect(shardFileName('notes', 255)).toBe('notes/ff.json')
  })
})

describe('LibraryStore', () => {
  it('acknowledges a commit once it is in the journal, and checkpoints it into one shard', async () => {
    const store = await LibraryStore.open(dir, { checkpointDelayMs: NEVER, device: 'laptop' })
    await store.commit({ papers: { put: [paper('p1')] } })
    expect(store.papers.get('p1')?.title).toBe('Paper p1')
    // Durable before any shard was written: only the journal has it.
    expect((await readFile(join(dir, JOURNAL), 'utf8')).trim().split('\n')).toHaveLength(1)
    const shard = join(dir, shardFileName('papers', shardOf('p1', SHARD_COUNTS.papers)))
    await expect(readFile(shard)).rejects.toThrow()

    await store.flush()
    // The journal keeps recent changes (merged again, to no effect, on open).
    expect((await readFile(join(dir, JOURNAL), 'utf8')).trim().split('\n')).toHaveLength(1)
    expect(JSON.parse(await readFile(shard, 'utf8'))).toEqual({
      records: [paper('p1')],
      revisions: { p1: { at: store.revisionOf('papers', 'p1')?.at } },
    })
    expect(store.revisionOf('papers', 'p1')?.at).toMatch(/\.laptop$/)
    // Only the touched shard exists: an edit costs one small file, not the library.
    expect((await readdir(join(dir, 'papers'))).filter((n) => n.endsWith('.json'))).toEqual([
      shardFileName('papers', shardOf('p1', SHARD_COUNTS.papers)).slice('papers/'.length),
    ])
    await store.close()
  })

  it('replays the journal after a crash before any checkpoint', async () => {
    const store = await LibraryStore.open(dir, { checkpointDelayMs: NEVER, device: 'laptop' })
    await store.commit({ papers: { put: [paper('p1'), paper('p2')] } })
    await store.commit({ papers: { put: [paper('p1', 'Renamed')], remove: ['p2'] } })
    await store.commit({ settings: { theme: 'dark' } })
    const crashed = await copyAsIfCrashed(dir)
    await store.close()

    const reopened = await LibraryStore.open(crashed, { device: 'laptop' })
    expect(reopened.papers.get('p1')?.title).toBe('Renamed')
    expect(reopened.papers.has('p2')).toBe(false)
    expect(reopened.papers.size).toBe(1)
    expect(reopened.settings).toEqual({ theme: 'dark' })
    // Replayed entries are checkpointed at once.
    const shard = join(crashed, shardFileName('papers', shardOf('p1', SHARD_COUNTS.papers)))
    expect((JSON.parse(await readFile(shard, 'utf8')) as { records: Paper[] }).records).toEqual([
      paper('p1', 'Renamed'),
    ])
    await reopened.close()
    await rm(crashed, { recursive: true, force: true })
  })

  it('drops a torn last entry (never acknowledged) and keeps the rest', async () => {
    const store = await LibraryStore.open(dir, { checkpointDelayMs: NEVER, device: 'laptop' })
    await store.commit({ papers: { put: [paper('p1')] } })
    const crashed = await copyAsIfCrashed(dir)
    await store.close()
    await appendFile(join(crashed, JOURNAL), '{"v":1,"changes":{"papers":{"put":[{"id":"p2"')

    const reopened = await LibraryStore.open(crashed, { device: 'laptop' })
    expect([...reopened.papers.values()].map((p) => p.id)).toEqual(['p1'])
    expect(reopened.problems).toEqual([])
    await reopened.commit({ papers: { put: [paper('p3')] } })
    await reopened.close()
    const again = await LibraryStore.open(crashed, { device: 'laptop' })
    expect(again.papers.size).toBe(2)
    await again.close()
    await rm(crashed, { recursive: true, force: true })
  })

  it('keeps the entries before a damaged line, sets the journal aside and reports it', async () => {
    const store = await LibraryStore.open(dir, { checkpointDelayMs: NEVER, device: 'laptop' })
    await store.commit({ papers: { put: [paper('p1')] } })
    const crashed = await copyAsIfCrashed(dir)
    await store.close()
    const journal = join(crashed, JOURNAL)
    await appendFile(journal, 'not json\n{"v":1,"changes":{"papers":{"put":[]}}}\n')
    const damaged = await readFile(journal)

    const reopened = await LibraryStore.open(crashed, {
      device: 'laptop',
      now: () => new Date('2026-11-26T03:10:00Z'),
    })
    expect(reopened.papers.has('p1')).toBe(true)
    expect(reopened.problems).toEqual([
      {
        kind: 'damaged-journal',
        file: journal,
        movedTo: `${journal}.damaged-2026-11-26T03-10-00Z`,
        reason: expect.stringMatching(/^line 2: /),
      },
    ])
    expect((await readFile(`${journal}.damaged-2026-11-26T03-10-00Z`)).equals(damaged)).toBe(true)
    await reopened.close()
    await rm(crashed, { recursive: true, force: true })
  })

  it('names its content with a revision: kept by a clean reopen, new after a commit or a crash', async () => {
    const store = await LibraryStore.open(dir, { checkpointDelayMs: NEVER, device: 'laptop' })
    const first = store.revision
    await store.commit({ papers: { put: [paper('p1')] } })
    const second = store.revision
    await store.commit({ settings: { theme: 'dark' } })
    const third = store.revision
    expect(new Set([first, second, third]).size).toBe(3)
    await store.close()

    // Closing checkpointed: library.json names the revision, and opening keeps it.
    const meta = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as object
    expect(meta).toMatchObject({ revision: third })
    const reopened = await LibraryStore.open(dir, { checkpointDelayMs: NEVER, device: 'laptop' })
    expect(reopened.revision).toBe(third)

    // A crash with a change in the journal: library.json names the old
    // content, so the opening that replays the journal starts a new revision.
    await reopened.commit({ papers: { put: [paper('p2')] } })
    const crashed = await copyAsIfCrashed(dir)
    await reopened.close()
    const recovered = await LibraryStore.open(crashed, { device: 'laptop' })
    expect(recovered.papers.has('p2')).toBe(true)
    expect([third, reopened.revision]).not.toContain(recovered.revision)
    const replayed = recovered.revision
    await recovered.close()
    const again = await LibraryStore.open(crashed, { device: 'laptop' })
    expect(again.revision).toBe(replayed)
    await again.close()

    // A shard that cannot be read is moved aside: that content is new too.
    await writeFile(join(crashed, shardFileName('papers', shardOf('p1', SHARD_COUNTS.papers))), '{')
    const repaired = await LibraryStore.open(crashed, { device: 'laptop' })
    expect(repaired.problems).toHaveLength(1)
    expect(repaired.revision).not.toBe(replayed)
    await repaired.close()
    await rm(crashed, { recursive: true, force: true })
  })

  it('leaves no temporary files behind and keeps records it does not know fields of', async () => {
    const store = await LibraryStore.open(dir, { checkpointDelayMs: 0, device: 'laptop' })
    const future = { ...paper('p1'), citedBy: 12 } as Paper
    await store.commit({ papers: { put: [future] } })
    await store.close()
    expect((await listFiles(dir)).filter((path) => path.endsWith('.tmp'))).toEqual([])
    const reopened = await LibraryStore.open(dir, { device: 'laptop' })
    expect(reopened.papers.get('p1')).toEqual(future)
    await reopened.close()
  })
})

describe('migration from the 0.1 layout', () => {
  it('moves papers and notes into the sharded layout and archives the old files', async () => {
    await cp(V1_FIXTURE, dir, { recursive: true })
    const v1Papers = JSON.parse(await readFile(join(dir, 'papers.json'), 'utf8')) as {
      papers: Paper[]
    }
    const v1Notes = JSON.parse(await readFile(join(dir, 'notes.json'), 'utf8')) as {
      notes: Note[]
    }
    expect(JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'))).toMatchObject({
      schemaVersion: 1,
    })

    const library = await Library.open(dir)
    const info = await library.api.getLibraryInfo({})
    expect(info).toMatchObject({ schemaVersion: SCHEMA_VERSION, paperCount: 53, noteCount: 2 })
    expect(info.problems).toEqual([])
    for (const original of v1Papers.papers) {
      expect(await library.api.getPaper({ id: original.id })).toEqual(original)
    }
    for (const note of v1Notes.notes) {
      expect(await library.api.getNote({ paperId: note.paperId ?? '' })).toEqual(note)
    }
    await library.close()

    expect(JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'))).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
    })
    const names = await readdir(dir)
    expect(names).not.toContain('papers.json')
    expect(names).not.toContain('notes.json')
    expect(await readFile(join(dir, 'migrated-from-v1', 'papers.json'))).toEqual(
      await readFile(join(V1_FIXTURE, 'papers.json')),
    )

    // Opening again does not migrate again.
    const again = await Library.open(dir)
    expect((await again.api.getLibraryInfo({})).paperCount).toBe(53)
    await again.close()
  })

  it('finishes a migration interrupted before library.json was rewritten', async () => {
    await cp(V1_FIXTURE, dir, { recursive: true })
    // As if a first attempt had written shards, then died: library.json still says 1.
    await mkdir(join(dir, 'papers'))
    for (let shard = 0; shard < SHARD_COUNTS.papers; shard++) {
      const bogus = paper(`bogus-${shard}`)
      await writeFile(
        join(dir, shardFileName('papers', shard)),
        JSON.stringify({ records: [bogus] }),
      )
    }
    const library = await Library.open(dir)
    expect((await library.api.getLibraryInfo({})).paperCount).toBe(53)
    expect((await allPapers(library)).some((p) => p.id.startsWith('bogus'))).toBe(false)
    await library.close()
  })
})
