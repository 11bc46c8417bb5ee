// The journal writes a change set's line in chunks as it serializes it (an
// import's change set is never one string in memory). The line is the same
// JSON as before, to the byte, and a write that fails after some chunks are on
// disk leaves the journal as it was: the next acknowledged change reads back.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  JOURNAL_CHUNK_BYTES,
  Journal,
  journalLine,
  parseJournal,
} from '../../src/main/core/store/journal'
import type { JournalEntry } from '../../src/main/core/store/journal'
import { LibraryStore, journalFileOf } from '../../src/main/core/store/libraryStore'
import { jsonPieces } from '../../src/main/core/store/jsonPieces'
import { paperRecord } from '../e2e/harness/seedLibrary'
import { runCoreScript } from './support/runCoreScript'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-journal-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

type Writev = (buffers: readonly Buffer[]) => Promise<{ bytesWritten: number }>

/** The journal's disk made to answer through `disk`, which gets the real gathered write to pass on to. */
function withDisk(
  journal: Journal,
  disk: (writev: Writev, buffers: readonly Buffer[]) => ReturnType<Writev>,
): void {
  const handle = (journal as unknown as { handle: FileHandle }).handle
  const writev = handle.writev.bind(handle) as unknown as Writev
  const fake = (buffers: readonly NodeJS.ArrayBufferView[]) =>
    disk(writev, buffers as readonly Buffer[])
  handle.writev = fake as FileHandle['writev']
}

/** The text of pieces of UTF-8 bytes, joined. */
const textOf = (pieces: Iterable<Buffer>): string => Buffer.concat([...pieces]).toString('utf8')

describe('jsonPieces', () => {
  it('joins to exactly the bytes of what JSON.stringify writes, long lists included', () => {
    const record = (i: number) => ({
      id: `p${i}`,
      title: `Ünïcode "quoted" \\ back\nslash ${i}`,
      skipped: undefined,
      method: () => i,
      when: new Date(Date.UTC(2026, 1, i % 28)),
      tags: i % 2 === 0 ? [] : ['a', undefined, 'b'],
      nested: { list: Array.from({ length: 70 }, (_, j) => (j % 7 === 0 ? undefined : j)) },
    })
    const values: unknown[] = [
      { papers: { put: Array.from({ length: 150 }, (_, i) => record(i)), remove: ['x', 'y'] } },
      { papers: { put: [record(1)] }, settings: { theme: 'dark', nothing: null } },
      { notes: undefined, collections: { remove: [] } },
      Array.from({ length: 100 }, (_, i) => [i, { deep: [[[i]]] }]),
      'plain',
      42,
      null,
    ]
    for (const value of values) expect(textOf(jsonPieces(value))).toBe(JSON.stringify(value))
  })

  it('gives a list of 100,000 records in pieces of 64 records, never as one string', () => {
    const put = Array.from({ length: 100_000 }, (_, i) => ({ id: `p${i}` }))
    let pieces = 0
    let longest = 0
    for (const piece of jsonPieces({ papers: { put } })) {
      pieces++
      longest = Math.max(longest, piece.length)
    }
    // '{', '"papers":', '{', '"put":', '[', then 1,563 batches of records with a
    // comma between each two (a piece of its own), ']', '}', '}'.
    expect(pieces).toBe(5 + 1563 + 1562 + 3)
    // A batch of 64 five-digit records, commas between them.
    expect(longest).toBe(64 * ',{"id":"p99999"}'.length - 1)
  })

  it('gives revisions by id in pieces too, keys in their order, numeric keys first', () => {
    const revs: Record<string, { at: string }> = {}
    for (let i = 0; i < 200; i++) revs[i % 3 === 0 ? `${i}` : `id-${i}`] = { at: `s${i}` }
    const pieces = [...jsonPieces({ revs: { papers: revs } })]
    expect(textOf(pieces)).toBe(JSON.stringify({ revs: { papers: revs } }))
    // '{', '"revs":', '{', '"papers":', '{', four batches (64, 64, 64, 8) and the
    // three commas between them, '}', '}', '}'.
    expect(pieces).toHaveLength(5 + 4 + 3 + 3)
  })
})

describe('a journal line written in chunks', () => {
  it('reads back, after a crash, as the change set that was committed', async () => {
    const store = await LibraryStore.open(dir, {
      checkpointDelayMs: 24 * 60 * 60 * 1000,
      device: 'laptop',
    })
    // Over a chunk of characters, and over two of bytes (é is two in UTF-8).
    const put = Array.from({ length: 2500 }, (_, i) =>
      paperRecord(`p${i}`, { abstract: 'é'.repeat(JOURNAL_CHUNK_BYTES / 2000) }),
    )
    await store.commit({ papers: { put } })
    const line = await readFile(join(dir, journalFileOf('laptop')), 'utf8')
    // One line, exactly what JSON.stringify writes for it, holding the change set.
    const written = JSON.parse(line) as { v: number; d: string; changes: unknown }
    expect(line).toBe(`${JSON.stringify(written)}\n`)
    expect([written.v, written.d]).toEqual([2, 'laptop'])
    expect(written.changes).toEqual({ papers: { put } })
    expect(line.length).toBeGreaterThan(JOURNAL_CHUNK_BYTES + JOURNAL_CHUNK_BYTES / 4)
    // Opened again without closing (as after a crash): the journal is replayed.
    const reopened = await LibraryStore.open(dir, { device: 'laptop' })
    expect(reopened.papers.size).toBe(2500)
    expect(reopened.papers.get('p2499')?.abstract).toBe('é'.repeat(JOURNAL_CHUNK_BYTES / 2000))
    await reopened.close()
    await store.close()
  })

  it('is, to the byte, the line JSON.stringify makes for an import with its revisions', async () => {
    // 3,000 papers over two chunks, ids that sort as numbers beside ones that do not,
    // text that is not ASCII (é is two bytes, 📄 a surrogate pair), quotes and newlines.
    const ids = Array.from({ length: 3000 }, (_, i) => (i % 5 === 0 ? `${i}` : `p-${i}`))
    const put = ids.map((id, i) =>
      paperRecord(id, {
        title: `📄 "Paper" ${i}\nline`,
        abstract: 'é'.repeat(JOURNAL_CHUNK_BYTES / 1400),
      }),
    )
    const entry: JournalEntry = {
      changes: { papers: { put, remove: ids.map((id) => `gone-${id}`).slice(0, 100) } },
      device: 'laptop',
      revs: {
        papers: Object.fromEntries(
          ids.map((id, i) => [
            id,
            i % 2 === 0 ? { at: `s${i}` } : { at: `s${i}`, fields: { title: `t${i}` } },
          ]),
        ),
      },
      tombs: {
        papers: Object.fromEntries(ids.slice(0, 100).map((id, i) => [`gone-${id}`, `s${i}`])),
      },
      settingsStamps: { theme: 's1' },
    }
    const path = join(dir, 'laptop.ndjson')
    const journal = await Journal.open(path, 0)
    await journal.append(entry)
    await journal.close()
    const bytes = await readFile(path)
    expect(bytes.length).toBeGreaterThan(2 * JOURNAL_CHUNK_BYTES)
    expect(bytes.toString('utf8')).toBe(journalLine(entry))
    expect(bytes.length).toBe(Buffer.byteLength(journalLine(entry)))
    expect(parseJournal(bytes).entries).toEqual([entry])
  })

  it('is written whole when one chunk holds more pieces than one system call takes', async () => {
    // 60,000 small records: 938 batches and the commas between them, all in one
    // chunk, over the 1,024 buffers a gathered write takes on Linux.
    const put = Array.from({ length: 60_000 }, (_, i) => ({ id: `p${i}` }))
    const entry: JournalEntry = { changes: { papers: { put: put as never[] } }, device: 'laptop' }
    const path = join(dir, 'laptop.ndjson')
    const journal = await Journal.open(path, 0)
    await journal.append(entry)
    await journal.append({ changes: { papers: { remove: ['p1'] } }, device: 'laptop' })
    await journal.close()
    const bytes = await readFile(path)
    expect(bytes.length).toBeLessThan(JOURNAL_CHUNK_BYTES)
    expect(bytes.toString('utf8')).toBe(
      journalLine(entry) +
        journalLine({ changes: { papers: { remove: ['p1'] } }, device: 'laptop' }),
    )
    expect(parseJournal(bytes).entries).toHaveLength(2)
  })

  it('is written a chunk at a time while the next chunk is made, one write after another, in order', async () => {
    // Records that say when JSON.stringify reaches them; a disk that says when a write starts and ends.
    const events: string[] = []
    // Batches of 64 records of about 300 kB: a chunk of a megabyte is four of them.
    const put = Array.from({ length: 700 }, (_, i) => ({
      id: `p${i}`,
      abstract: 'x'.repeat(4700),
      toJSON() {
        if (i % 256 === 0) events.push(`record ${i}`)
        return { id: this.id, abstract: this.abstract }
      },
    }))
    const entry: JournalEntry = { changes: { papers: { put: put as never[] } }, device: 'laptop' }
    const path = join(dir, 'laptop.ndjson')
    const journal = await Journal.open(path, 0)
    let writes = 0
    let inFlight = 0
    withDisk(journal, async (writev, buffers) => {
      const write = ++writes
      inFlight++
      expect(inFlight).toBe(1)
      events.push(`write ${write} starts`)
      // The disk answers later (after a turn of the event loop): the next chunk is made meanwhile.
      await new Promise((resolve) => setImmediate(resolve))
      const result = await writev(buffers)
      events.push(`write ${write} ends`)
      inFlight--
      return result
    })
    await journal.append(entry)
    await journal.close()
    // Records 0–255, 256–511 and the rest: each chunk is written while the next is made.
    expect(events).toEqual([
      'record 0',
      'write 1 starts',
      'record 256',
      'write 1 ends',
      'write 2 starts',
      'record 512',
      'write 2 ends',
      'write 3 starts',
      'write 3 ends',
    ])
    expect(await readFile(path, 'utf8')).toBe(journalLine(entry))
  })

  it('is written whole when the disk takes a little of it at a time', async () => {
    // A short write (a network disk, a file size limit near): the system takes
    // fewer bytes than it was given, and the rest must follow, in order.
    const put = Array.from({ length: 300 }, (_, i) =>
      paperRecord(`p${i}`, { title: `📄 Paper ${i}`, abstract: 'é'.repeat(500) }),
    )
    const entry: JournalEntry = { changes: { papers: { put } }, device: 'laptop' }
    const path = join(dir, 'laptop.ndjson')
    const journal = await Journal.open(path, 0)
    let calls = 0
    // At most 7,777 bytes a call, cut anywhere (inside a piece, inside a character).
    withDisk(journal, (writev, buffers) => {
      calls++
      const taken: Buffer[] = []
      let room = 7777
      for (const buffer of buffers) {
        if (room === 0) break
        taken.push(buffer.subarray(0, room))
        room -= Math.min(room, buffer.length)
      }
      return writev(taken)
    })
    await journal.append(entry)
    await journal.close()
    const bytes = await readFile(path)
    expect(calls).toBeGreaterThan(bytes.length / 7777)
    expect(bytes.toString('utf8')).toBe(journalLine(entry))
  })

  it('is cut back when the disk refuses it midway, so the next change is read back', async () => {
    await (await LibraryStore.open(dir, { device: 'laptop' })).close()
    // Writes past two chunks fail (as on a full disk): the first chunks fit, the line does not.
    const run = await runCoreScript('./journalChunkWorker.ts', [dir], {
      maxFileBytes: 2 * JOURNAL_CHUNK_BYTES + 1000,
    })
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual({
      largeCommit: 'StorageError: Could not save to ' + join(dir, journalFileOf('laptop')),
      smallCommit: 'ok',
      inMemory: 1,
    })
    const reopened = await LibraryStore.open(dir, { device: 'laptop' })
    expect(reopened.problems).toEqual([])
    expect([...reopened.papers.values()].map((paper) => paper.abstract)).toEqual([
      'after the refusal',
    ])
    await reopened.close()
  })
})
