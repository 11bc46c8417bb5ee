// The search index file: a large library's index saved beside it and loaded
// on the next opening. Loading must find exactly what building finds, take
// edits afterwards, catch up on papers changed since the file was written,
// and ignore a damaged file (the index is then built from the library).
import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Paper } from '../../src/shared/model'
import { LibrarySearch, type SearchView } from '../../src/main/core/search/librarySearch'
import { parseQuery } from '../../src/main/core/search/queryParser'
import type { SearchDocument } from '../../src/main/core/search/searchDocument'
import { SearchIndex } from '../../src/main/core/search/searchIndex'
import {
  readSearchIndexFile,
  writeSearchIndexFile,
} from '../../src/main/core/search/searchIndexFile'
import { synthesize } from '../bench/syntheticLibrary'

const QUERIES = [
  'tool retrieval',
  '"tool learning"',
  '"large language models"',
  'retreival',
  'ret',
  'title:tool',
  'author:lovelace',
  'tag:robotics',
  'reasoning -survey',
  'is:starred tool',
  'has:note',
  'year:2023..2025 agent',
  'in:"Collection 3"',
  'müller',
]

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-search-file-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const library = synthesize(600, 3)
const noteOf = new Map(library.notes.map((note) => [note.paperId ?? '', note.body]))

function documentOf(paper: Paper): SearchDocument {
  return { ...paper, note: noteOf.get(paper.id) ?? '' }
}

/** Every query's ranked ids (or, for filters, the sorted ids). */
function answers(index: SearchIndex): string[][] {
  return QUERIES.map((query) => {
    const result = index.search(parseQuery(query), { collections: library.collections })
    return result.ranked ? result.hits.all() : [...result.ids].sort()
  })
}

describe('the search index file', () => {
  it('loads into an index that finds and ranks exactly what the built one does, edits included', async () => {
    const built = new SearchIndex()
    for (const paper of library.papers) built.upsert(documentOf(paper))
    built.finishBuild()
    // Edits and removals leave dead entries: the file must not bring them back.
    const edited = library.papers.slice(0, 50).map((paper) => ({
      ...documentOf(paper),
      title: `${paper.title} revisited tool learning`,
      starred: true,
    }))
    for (const document of edited) built.upsert(document)
    for (const paper of library.papers.slice(50, 80)) built.remove(paper.id)

    const path = join(dir, 'search-index.bin')
    await writeSearchIndexFile(path, { arrays: built.toArrays(), revision: 'revision-1' })
    const saved = await readSearchIndexFile(path)
    expect(saved?.revision).toBe('revision-1')
    const loaded = SearchIndex.fromArrays((saved as NonNullable<typeof saved>).arrays)

    // Stars (the edited papers') and reading status are in the file too.
    const starredTool = answers(loaded)[QUERIES.indexOf('is:starred tool')] ?? []
    expect(edited.every((document) => starredTool.includes(document.id))).toBe(true)
    expect(loaded.size).toBe(library.papers.length - 30)
    expect(answers(loaded)).toEqual(answers(built))
    expect(answers(loaded).every((ids) => ids.length > 0)).toBe(true)

    // And it takes edits like the built one.
    const paper = library.papers[100] as Paper
    const renamed = { ...documentOf(paper), title: 'Zygomorphic quokka census' }
    for (const index of [built, loaded]) index.upsert(renamed)
    const find = (index: SearchIndex, query: string): string[] => {
      const result = index.search(parseQuery(query), { collections: [] })
      return result.ranked ? result.hits.all() : result.ids
    }
    expect(find(loaded, 'quokka')).toEqual([paper.id])
    expect(find(loaded, `title:"${paper.title}"`)).not.toContain(paper.id)
    expect(answers(loaded)).toEqual(answers(built))
  })

  it('is ignored when cut short, of another format or damaged inside', async () => {
    const built = new SearchIndex()
    for (const paper of library.papers.slice(0, 100)) built.upsert(documentOf(paper))
    const path = join(dir, 'search-index.bin')
    await writeSearchIndexFile(path, { arrays: built.toArrays(), revision: null })
    const bytes = await readFile(path)

    await truncate(path, bytes.length - 7)
    expect(await readSearchIndexFile(path)).toBeUndefined()

    await writeFile(path, Buffer.concat([Buffer.from('not an index'), bytes.subarray(12)]))
    expect(await readSearchIndexFile(path)).toBeUndefined()

    expect(await readSearchIndexFile(join(dir, 'missing.bin'))).toBeUndefined()

    // A word number past the vocabulary, as the last word of the last field
    // (notes): the loader refuses it. That field's file sections end with its
    // words (two bytes each, padded to four), two empty escape tables, and
    // two numbers (four bytes) per document.
    const damaged = Buffer.from(bytes)
    const notes = built.toArrays().fields.at(-1)
    const words = notes?.forward.words.length ?? 0
    expect(words).toBeGreaterThan(0)
    expect(notes?.forward.escapedAt.length).toBe(0)
    const tail = 4 * ((notes?.forwardStart.length ?? 0) + (notes?.docLengths.length ?? 0))
    const wordsStart = damaged.length - tail - 4 * Math.ceil((2 * words) / 4)
    damaged.writeUInt16LE(0xfffe, wordsStart + 2 * (words - 1))
    await writeFile(path, damaged)
    const read = await readSearchIndexFile(path)
    expect(read).toBeDefined()
    expect(() => SearchIndex.fromArrays((read as NonNullable<typeof read>).arrays)).toThrow(
      /damaged/,
    )
  })
})

describe('a library search with an index file', () => {
  /** Notes read, a paper each: how many papers a search read (all of them, to fingerprint). */
  let notesRead = 0
  function searchOver(papers: Map<string, Paper>, path: string, revision: string): LibrarySearch {
    return new LibrarySearch(
      {
        papers: () => papers.values(),
        paper: (id) => papers.get(id),
        noteText: (id) => {
          notesRead++
          return noteOf.get(id) ?? ''
        },
        collections: () => library.collections,
        revision: () => revision,
      },
      { path, fromPapers: 1 },
    )
  }
  const view = (papers: Map<string, Paper>): SearchView => ({
    key: 'all',
    ordered: () => [...papers.values()],
  })
  /** Every query answers as a search that built its index from `papers` does. */
  async function expectAnswersOfAFreshBuild(
    search: LibrarySearch,
    papers: Map<string, Paper>,
  ): Promise<void> {
    const fresh = searchOver(papers, join(dir, 'no-file-yet.bin'), 'fresh')
    for (const query of QUERIES) {
      expect(await search.all(view(papers), query)).toEqual(await fresh.all(view(papers), query))
    }
    fresh.stop()
  }

  it('saves its index, and on the next opening catches up on what changed meanwhile', async () => {
    const path = join(dir, 'search-index.bin')
    const papers = new Map(library.papers.map((paper) => [paper.id, paper]))
    const first = searchOver(papers, path, 'before')
    await first.save()
    first.stop()
    expect((await stat(path)).size).toBeGreaterThan(0)

    // While the app was closed: a paper renamed, one trashed, one deleted, one added, one starred.
    const [renamed, trashed, deleted, starred] = library.papers as [Paper, Paper, Paper, Paper]
    papers.set(renamed.id, { ...renamed, title: 'Zygomorphic quokka census' })
    papers.set(trashed.id, { ...trashed, trashedAt: '2026-03-01T00:00:00.000Z' })
    papers.delete(deleted.id)
    const added = { ...(library.papers[9] as Paper), id: 'new-paper', title: 'Quokka tool use' }
    papers.set(added.id, added)
    papers.set(starred.id, { ...starred, starred: true })

    // The library's revision moved on with those changes.
    notesRead = 0
    const second = searchOver(papers, path, 'after')
    const ids = async (query: string): Promise<string[]> => second.all(view(papers), query)
    expect((await ids('quokka')).sort()).toEqual([renamed.id, added.id].sort())
    expect(await ids(`title:"${renamed.title}"`)).not.toContain(renamed.id)
    expect(await ids(`title:"${(library.papers[5] as Paper).title}"`)).toContain(
      (library.papers[5] as Paper).id,
    )
    const everything = await ids('is:unread')
    expect(everything).not.toContain(trashed.id)
    expect(everything).not.toContain(deleted.id)
    expect(await ids('is:starred')).toContain(starred.id)
    expect(notesRead).toBeGreaterThanOrEqual(papers.size) // every paper fingerprinted

    await expectAnswersOfAFreshBuild(second, papers)
    second.stop()
  })

  it('at the revision it was saved at, loads as is and reads only papers changed since opening', async () => {
    const path = join(dir, 'search-index.bin')
    const papers = new Map(library.papers.map((paper) => [paper.id, paper]))
    const first = searchOver(papers, path, 'r1')
    await first.save()
    first.stop()

    notesRead = 0
    const second = searchOver(papers, path, 'r1')
    const loading = second.start()
    // Edited and starred while the file loads (after the library opened).
    const [renamed, starred] = library.papers as [Paper, Paper]
    const edits = [
      { ...renamed, title: 'Zygomorphic quokka census' },
      { ...starred, starred: true, status: 'read' as const },
    ]
    for (const paper of edits) {
      papers.set(paper.id, paper)
      second.paperChanged(paper)
    }
    await loading
    // Two papers read on loading (and once each by their edit), not 600.
    expect(notesRead).toBeLessThanOrEqual(2 * edits.length)
    const ids = (query: string): Promise<string[]> => second.all(view(papers), query)
    expect(await ids('quokka')).toEqual([renamed.id])
    expect(await ids('is:starred is:read')).toContain(starred.id)
    await expectAnswersOfAFreshBuild(second, papers)
    second.stop()
  })

  it('is saved on closing only when ready and changed, naming the revision it matches', async () => {
    const path = join(dir, 'search-index.bin')
    const papers = new Map(library.papers.map((paper) => [paper.id, paper]))
    // Closed before its index is ready: nothing written.
    await searchOver(papers, path, 'r1').close()
    await expect(stat(path)).rejects.toThrow()

    const built = searchOver(papers, path, 'r1')
    await built.start()
    await built.close()
    expect((await readSearchIndexFile(path))?.revision).toBe('r1')

    // Loaded at that revision and closed unchanged: the file is not written again.
    const unchanged = searchOver(papers, path, 'r1')
    await unchanged.start()
    await rm(path)
    await unchanged.close()
    await expect(stat(path)).rejects.toThrow()

    // Built again, a paper edited, the library's write done at revision r2.
    const edited = searchOver(papers, path, 'r1')
    await edited.start()
    const paper = { ...(library.papers[7] as Paper), title: 'Quokka tool use' }
    papers.set(paper.id, paper)
    edited.paperChanged(paper)
    edited.levelWith('r2')
    await edited.close()
    expect((await readSearchIndexFile(path))?.revision).toBe('r2')

    // A write that failed midway: the index vouches for no revision any more.
    const doubtful = searchOver(papers, path, 'r2')
    await doubtful.start()
    doubtful.levelWith(undefined)
    doubtful.levelWith('r3')
    await doubtful.save()
    expect((await readSearchIndexFile(path))?.revision).toBeNull()
    notesRead = 0
    const next = searchOver(papers, path, 'r3')
    await next.start()
    expect(notesRead).toBeGreaterThanOrEqual(papers.size) // checked paper by paper
    expect(await next.all(view(papers), 'quokka')).toEqual([paper.id])
    next.stop()
  })
})

describe('a vocabulary past 65,535 words', () => {
  // Words are stored in two bytes; later, rarer words are kept aside by
  // position. Eight papers of 10,000 words each, every word new.
  const wordOf = (paper: number, k: number): string => `zq${paper}x${k.toString(36)}`
  const documentAt = (paper: number, extra = ''): SearchDocument => ({
    id: `big-${paper}`,
    title: `Paper ${paper}`,
    abstract: `${Array.from({ length: 10_000 }, (_, k) => wordOf(paper, k)).join(' ')} ${extra}`,
    authors: [],
    tags: [],
    note: '',
    status: 'unread',
    starred: false,
  })
  // Quoted, so a word is found exactly (unquoted, zq7x1 is one typo from zq6x1).
  const exactly = (word: string): string => `"${word}"`
  const ids = (index: SearchIndex, query: string): string[] => {
    const result = index.search(parseQuery(query), { collections: [] })
    return result.ranked ? result.hits.all() : result.ids
  }

  it('finds phrases of rare words, forgets removed papers and survives the file', async () => {
    const index = new SearchIndex()
    for (let paper = 0; paper < 8; paper++) index.upsert(documentAt(paper))
    const rare = `"${wordOf(7, 500)} ${wordOf(7, 501)} ${wordOf(7, 502)}"`
    const mixed = `"paper ${wordOf(6, 9999)}"`
    expect(ids(index, rare)).toEqual(['big-7'])
    expect(ids(index, `"${wordOf(7, 501)} ${wordOf(7, 500)}"`)).toEqual([])
    expect(ids(index, exactly(wordOf(7, 9999)))).toEqual(['big-7'])

    // Edited: the rare phrase moves, an old one goes.
    index.upsert({ ...documentAt(7), abstract: `intro ${wordOf(7, 501)} ${wordOf(7, 502)}` })
    expect(ids(index, `"intro ${wordOf(7, 501)}"`)).toEqual(['big-7'])
    expect(ids(index, rare)).toEqual([])
    index.remove('big-5')
    expect(ids(index, exactly(wordOf(5, 3)))).toEqual([])
    index.upsert(documentAt(6, `paper ${wordOf(6, 9999)}`))
    expect(ids(index, mixed)).toEqual(['big-6'])

    const path = join(dir, 'search-index.bin')
    await writeSearchIndexFile(path, { arrays: index.toArrays(), revision: null })
    const saved = await readSearchIndexFile(path)
    const loaded = SearchIndex.fromArrays((saved as NonNullable<typeof saved>).arrays)
    for (const query of [
      rare,
      mixed,
      `"intro ${wordOf(7, 501)}"`,
      exactly(wordOf(5, 3)),
      exactly(wordOf(4, 12)),
    ]) {
      expect(ids(loaded, query)).toEqual(ids(index, query))
    }
    expect(ids(loaded, exactly(wordOf(4, 12)))).toEqual(['big-4'])
  })
})

describe('a paper edited while the index file loads', () => {
  it('is read again, though its text matched the file when the loading began', async () => {
    const path = join(dir, 'search-index.bin')
    const papers = new Map(library.papers.map((paper) => [paper.id, paper]))
    const edited = library.papers[2] as Paper
    // The search that saves the file, then the one that loads it.
    const searches: LibrarySearch[] = []
    let notesRead = 0
    // The library changed between the two openings (this paper, and more).
    let revision = 'saved'
    const source = {
      papers: () => papers.values(),
      paper: (id: string) => papers.get(id),
      noteText: (id: string): string => {
        // Loading fingerprints every paper (reading its note) after reading
        // the file; an edit lands as the last paper is fingerprinted, after
        // the edited one was, and before the loaded index replaces the old.
        const loading = searches[1]
        if (++notesRead === papers.size && loading !== undefined) {
          const renamed = { ...edited, title: 'Zygomorphic quokka census' }
          papers.set(edited.id, renamed)
          loading.paperChanged(renamed)
        }
        return noteOf.get(id) ?? ''
      },
      collections: () => library.collections,
      revision: () => revision,
    }
    const first = new LibrarySearch(source, { path, fromPapers: 1 })
    searches.push(first)
    await first.save()
    first.stop()

    notesRead = 0
    revision = 'reopened'
    const search = new LibrarySearch(source, { path, fromPapers: 1 })
    searches.push(search)
    const view: SearchView = { key: 'all', ordered: () => [...papers.values()] }
    expect(await search.all(view, 'quokka')).toEqual([edited.id])
    expect(await search.all(view, `title:"${edited.title}"`)).not.toContain(edited.id)
    search.stop()
  })
})
