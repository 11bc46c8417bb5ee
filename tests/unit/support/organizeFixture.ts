// A library with the Daily Papers fixture imported, for the organizing tests,
// and a way to read exactly what its records contain on disk.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import type { PaperFilter, PaperSummary } from '../../../src/shared/model'
import { Library } from '../../../src/main/core/library'
import { RECORD_KINDS } from '../../../src/main/core/store/recordKinds'
import type { RecordKind } from '../../../src/main/core/store/recordKinds'
import { FIXTURE_TODAY, steppingClock } from './steppingClock'

export const FIXTURE = resolve(__dirname, '../../fixtures/hf-daily-papers.txt')
/** "Today" for the fixture: the page is dated Feb 9, 2026. */
export const TODAY = FIXTURE_TODAY

export interface FixtureLibrary {
  dir: string
  library: Library
  /** The 53 paper ids in file order. */
  ids: string[]
  /** Opens the folder again (after closing the library); assign the result to `library`. */
  reopen(): Promise<Library>
  cleanup(): Promise<void>
}

export async function openFixtureLibrary(
  options: { now?: () => Date } = {},
): Promise<FixtureLibrary> {
  const dir = await mkdtemp(join(tmpdir(), 'offprint-organize-'))
  const now = options.now ?? steppingClock()
  const library = await Library.open(dir, { now })
  const report = await library.api.importText({ text: await readFile(FIXTURE, 'utf8') })
  const fixture: FixtureLibrary = {
    dir,
    library,
    ids: report.addedIds,
    reopen: () => Library.open(dir, { now }),
    async cleanup() {
      // The test may have swapped in a reopened library: close that one.
      await fixture.library.close().catch(() => undefined)
      await rm(dir, { recursive: true, force: true })
    },
  }
  return fixture
}

/**
 * Every record of every kind as the bytes it is stored as, per kind, sorted:
 * what "the store's content" is. Flushes first so the shard files are current.
 */
export async function storedRecords(library: Library): Promise<Record<RecordKind, string[]>> {
  await library.flush()
  const result = {} as Record<RecordKind, string[]>
  for (const kind of RECORD_KINDS) {
    const folder = join(library.dir, kind)
    const records: string[] = []
    for (const file of (await readdir(folder)).filter((name) => name.endsWith('.json')).sort()) {
      const shard = JSON.parse(await readFile(join(folder, file), 'utf8')) as { records: unknown[] }
      for (const record of shard.records) records.push(JSON.stringify(record))
    }
    result[kind] = records.sort()
  }
  return result
}

/** The shard files' bytes, by path: equal only when every record is stored identically. */
export async function shardBytes(library: Library): Promise<Record<string, string>> {
  await library.flush()
  const bytes: Record<string, string> = {}
  for (const kind of RECORD_KINDS) {
    const folder = join(library.dir, kind)
    for (const file of (await readdir(folder)).filter((name) => name.endsWith('.json')).sort()) {
      // The records as written, byte for byte. The revisions beside them
      // (store/recordRevisions.ts) record each write, an undo too, so they differ.
      const text = (await readFile(join(folder, file))).toString('utf8')
      const records = (JSON.parse(text) as { records: unknown[] }).records
      bytes[`${kind}/${file}`] = Buffer.from(JSON.stringify(records)).toString('base64')
    }
  }
  return bytes
}

export async function listed(library: Library, filter?: PaperFilter): Promise<PaperSummary[]> {
  const page = await library.api.listPapers({
    offset: 0,
    limit: 1000,
    ...(filter ? { filter } : {}),
  })
  expectTotal(page.total, page.items.length)
  return page.items
}

function expectTotal(total: number, items: number): void {
  if (total !== items) throw new Error(`listPapers: total ${total} but ${items} items`)
}

export async function listedIds(library: Library, filter?: PaperFilter): Promise<string[]> {
  return (await listed(library, filter)).map((paper) => paper.id)
}

/** The fixture library of the running test, and the fixture's paper ids by file order. */
export interface FixturePerTest {
  (): FixtureLibrary
  id(index: number): string
}

/**
 * Gives each test of the file a fresh fixture library (opened before it,
 * removed after it). `clock`, when given, is asked for the library's clock.
 */
export function fixturePerTest(clock?: () => () => Date): FixturePerTest {
  let current: FixtureLibrary | undefined
  beforeEach(async () => {
    current = await openFixtureLibrary(clock === undefined ? {} : { now: clock() })
  })
  afterEach(async () => {
    await current?.cleanup()
    current = undefined
  })
  const get = (): FixtureLibrary => {
    if (current === undefined) throw new Error('no fixture library outside a test')
    return current
  }
  return Object.assign(get, { id: (index: number) => get().ids[index] ?? '' })
}
