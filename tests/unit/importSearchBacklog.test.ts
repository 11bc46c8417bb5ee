// A large import is acknowledged once it is on disk; the search index takes
// its papers in the background (a search waits for them). What a user sees:
// every imported paper is found by the first search after the import, a paper
// trashed meanwhile is not, and the index saved on closing holds them all.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../../src/main/core/library'
import { BACKLOG_FROM_PAPERS } from '../../src/main/core/search/librarySearch'
import { readSearchIndexFile, SEARCH_INDEX_FILE } from '../../src/main/core/search/searchIndexFile'

/** More entries than one commit indexes on its own path. */
const ENTRIES = BACKLOG_FROM_PAPERS + 50
const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
]

/** "three five one" for 351: a title word per digit, so each entry has a title of its own. */
function spelled(n: number): string {
  return [...String(n)].map((digit) => NUMBER_WORDS[Number(digit)]).join(' ')
}

function bibtex(count: number): string {
  return Array.from(
    { length: count },
    (_, i) =>
      `@article{entry${i},\n  title = {Backlog study number ${spelled(i)}},\n` +
      `  author = {Zweistein, Quinta},\n  year = {2024},\n  doi = {10.5555/backlog.${i}}\n}\n`,
  ).join('')
}

let dir: string
let library: Library
const options = { searchIndexFromPapers: 1 }

async function titlesFor(query: string): Promise<string[]> {
  const page = await library.api.listPapers({ offset: 0, limit: 1000, query })
  return page.items.map((item) => item.title)
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-backlog-'))
  library = await Library.open(dir, options)
})

afterEach(async () => {
  await library.close()
  await rm(dir, { recursive: true, force: true })
})

describe('searching right after a large import', () => {
  it('finds every imported paper by the first search after it, and no longer one trashed then', async () => {
    const report = await library.api.importText({ text: bibtex(ENTRIES), fileName: 'many.bib' })
    expect(report.added).toBe(250)
    expect((await titlesFor('zweistein')).length).toBe(250)
    expect(await titlesFor('"number two four nine"')).toEqual([
      'Backlog study number two four nine',
    ])

    const last = report.addedIds[ENTRIES - 1] ?? ''
    await library.api.moveToTrash({ paperIds: [last] })
    expect((await titlesFor('zweistein')).length).toBe(249)
    expect(await titlesFor('"number two four nine"')).toEqual([])
  })

  it('saves an index on closing that holds every imported paper', async () => {
    await library.api.importText({ text: bibtex(ENTRIES), fileName: 'many.bib' })
    await library.close()
    // The file names the library's revision, so the next opening loads it as is.
    const meta = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as {
      revision?: string
    }
    expect((await readSearchIndexFile(join(dir, SEARCH_INDEX_FILE)))?.revision).toBe(meta.revision)
    library = await Library.open(dir, options)
    expect((await titlesFor('zweistein')).length).toBe(250)
  })
})
