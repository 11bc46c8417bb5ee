// Search, star and status through the library and its validating dispatcher,
// on real files in a temporary folder.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Paper } from '../../src/shared/model'
import { callApi } from '../../src/main/core/kernel/dispatch'
import { Library } from '../../src/main/core/library'
import { SEARCH_INDEX_FILE, readSearchIndexFile } from '../../src/main/core/search/searchIndexFile'
import { copyAsIfCrashed } from './support/libraryFolder'
import { allPapers } from './support/libraryPapers'
import { steppingClock } from './support/steppingClock'

const FIXTURE = resolve(__dirname, '../fixtures/hf-daily-papers.txt')
const TOOL_RETRIEVAL_TITLES = [
  'ToolGen: Unified Tool Retrieval and Calling via Generation',
  'Towards Completeness-Oriented Tool Retrieval for Large Language Models',
  'Data-Efficient Massive Tool Retrieval: A Reinforcement Learning Approach for Query-Tool Alignment with Language Models',
]
const TOOLRL = 'ToolRL: Reward is All Tool Learning Needs'

let dir: string
let library: Library

async function paperTitled(title: string): Promise<Paper> {
  const paper = (await allPapers(library)).find((candidate) => candidate.title === title)
  if (paper === undefined) throw new Error(`no paper titled ${title}`)
  return paper
}

async function titlesFor(query: string): Promise<string[]> {
  const page = await library.api.listPapers({ offset: 0, limit: 1000, query })
  return page.items.map((item) => item.title)
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-search-'))
  library = await Library.open(dir, { now: steppingClock() })
  await library.api.importText({ text: await readFile(FIXTURE, 'utf8'), fileName: 'page.txt' })
})

afterEach(async () => {
  await library.close()
  await rm(dir, { recursive: true, force: true })
})

describe('listPapers with a query', () => {
  it('ranks the tool-retrieval papers first and sends where the titles matched', async () => {
    const page = await library.api.listPapers({ offset: 0, limit: 3, query: 'tool retrieval' })
    expect(page.ranked).toBe(true)
    expect(page.total).toBeGreaterThan(3)
    expect(new Set(page.items.map((item) => item.title))).toEqual(new Set(TOOL_RETRIEVAL_TITLES))
    for (const item of page.items) {
      const marked = (item.titleMatches ?? []).map(({ start, end }) => item.title.slice(start, end))
      expect(marked.join(' ').toLowerCase()).toContain('retrieval')
    }
  })

  it('pages through the ranked results without repeating or losing one', async () => {
    const all = await titlesFor('model')
    const pages: string[] = []
    for (let offset = 0; offset < all.length; offset += 7) {
      const page = await library.api.listPapers({ offset, limit: 7, query: 'model' })
      expect(page.total).toBe(all.length)
      pages.push(...page.items.map((item) => item.title))
    }
    expect(pages).toEqual(all)
  })

  it('says where a paper is among a search’s results (to scroll the list to it)', async () => {
    const page = await library.api.listPapers({ offset: 0, limit: 1000, query: 'tool' })
    const third = page.items[2]
    expect(third).toBeDefined()
    expect(await library.api.indexOfPaper({ id: third?.id ?? '', query: 'tool' })).toBe(2)
    const unrelated = (await paperTitled('Symbolic Discovery of Optimization Algorithms')).id
    expect(await library.api.indexOfPaper({ id: unrelated, query: 'tool' })).toBe(-1)
    expect(await library.api.indexOfPaper({ id: unrelated })).toBeGreaterThanOrEqual(0)
  })

  it('keeps the list order for a filter-only query, and treats a blank query as none', async () => {
    const everything = await library.api.listPapers({ offset: 0, limit: 1000 })
    const unread = await library.api.listPapers({ offset: 0, limit: 1000, query: 'is:unread' })
    expect(unread.ranked).toBe(false)
    expect(unread.items.map((item) => item.id)).toEqual(everything.items.map((item) => item.id))
    const blank = await library.api.listPapers({ offset: 0, limit: 1000, query: '   ' })
    expect(blank.total).toBe(53)
    expect(blank.items[0]?.titleMatches).toBeUndefined()
  })

  it('finds a paper by the text of its note, at once after the save', async () => {
    const paper = await paperTitled(TOOLRL)
    expect(await titlesFor('gazpacho')).toEqual([])
    await library.api.saveNote({
      paperId: paper.id,
      body: 'Discussed over gazpacho with the group.',
    })
    expect(await titlesFor('gazpacho')).toEqual([TOOLRL])
    expect(await titlesFor('has:note')).toEqual([TOOLRL])
    await library.api.saveNote({ paperId: paper.id, body: '' })
    expect(await titlesFor('gazpacho')).toEqual([])
    expect(await titlesFor('has:note')).toEqual([])
  })

  it('answers in:"Name" from the library’s collections (none yet: nothing matches)', async () => {
    expect((await library.api.getSidebar({})).collections).toEqual([])
    expect(await titlesFor('in:"Reading list"')).toEqual([])
    expect(await titlesFor('-in:"Reading list"')).toHaveLength(53)
  })

  it('never fails on malformed queries', async () => {
    for (const query of ['"', '-', 'is:', 'year:..', 'in:"', '\u0000', 'a'.repeat(1000)]) {
      const response = await callApi(library.api, 'listPapers', { offset: 0, limit: 10, query })
      expect(response.ok, query).toBe(true)
    }
    const tooLong = await callApi(library.api, 'listPapers', {
      offset: 0,
      limit: 10,
      query: 'a'.repeat(1001),
    })
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
  })
})

describe('the index follows organizing changes', () => {
  it('finds starred, read, tagged and trashed papers as they change, and after a reopen', async () => {
    const toolrl = await paperTitled(TOOLRL)
    await library.api.setStarred({ paperIds: [toolrl.id], starred: true })
    await library.api.setStatus({ paperIds: [toolrl.id], status: 'reading' })
    await library.api.tagPapers({ paperIds: [toolrl.id], add: ['reward-design'] })
    expect(await titlesFor('is:starred')).toEqual([TOOLRL])
    expect(await titlesFor('is:reading')).toEqual([TOOLRL])
    expect(await titlesFor('is:starred is:unread')).toEqual([])
    expect(await titlesFor('tag:reward')).toEqual([TOOLRL])
    const summary = (await library.api.listPapers({ offset: 0, limit: 100 })).items.find(
      (item) => item.id === toolrl.id,
    )
    expect(summary).toMatchObject({ starred: true, status: 'reading' })

    await library.close()
    library = await Library.open(dir)
    expect(await titlesFor('is:starred')).toEqual([TOOLRL])
    await library.api.moveToTrash({ paperIds: [toolrl.id] })
    expect(await titlesFor('is:starred')).toEqual([])
    await library.api.undo({})
    expect(await titlesFor('is:starred')).toEqual([TOOLRL])
  })

  it('searches within the list’s view (a collection), unless the query names another', async () => {
    const toolrl = await paperTitled(TOOLRL)
    const survey = await paperTitled('Tool Learning with Large Language Models: A Survey')
    await library.api.createCollection({ name: 'Reading list', paperIds: [toolrl.id] })
    await library.api.createCollection({ name: 'Surveys', paperIds: [survey.id] })
    const collection = (await library.api.getSidebar({})).collections.find(
      (node) => node.name === 'Reading list',
    )
    const filter = { scope: { kind: 'collection' as const, id: collection?.id ?? '' } }
    const inView = await library.api.listPapers({ offset: 0, limit: 100, filter, query: 'tool' })
    expect(inView.items.map((item) => item.title)).toEqual([TOOLRL])
    const named = await library.api.listPapers({
      offset: 0,
      limit: 100,
      filter,
      query: 'in:Surveys',
    })
    expect(named.items.map((item) => item.title)).toEqual([survey.title])
    expect(await titlesFor('in:"reading list" tool')).toEqual([TOOLRL])
  })

  it('rejects bad arguments to the search methods clearly and changes nothing', async () => {
    const toolrl = await paperTitled(TOOLRL)
    const bad = [
      ['getPaperMatches', { id: toolrl.id }],
      ['getPaperMatches', { id: toolrl.id, query: 7 }],
      ['findByTitle', { query: 'tool', limit: 0 }],
      ['findByTitle', { query: 'tool', limit: 101 }],
      ['listPapers', { offset: 0, limit: 10, query: ['tool'] }],
      ['indexOfPaper', { id: toolrl.id, query: null }],
    ] as const
    for (const [method, args] of bad) {
      const response = await callApi(library.api, method, args as never)
      expect(response, JSON.stringify(args)).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments' },
      })
    }
    const missing = await callApi(library.api, 'getPaperMatches', { id: 'nope', query: 'tool' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await library.api.getPaper({ id: toolrl.id })).toEqual(toolrl)
  })
})

describe('getPaperMatches', () => {
  it('returns the ranges of the title and abstract that the query matched', async () => {
    const toolrl = await paperTitled(TOOLRL)
    const matches = await library.api.getPaperMatches({ id: toolrl.id, query: 'reward -survey' })
    const marked = (text: string, ranges: { start: number; end: number }[]) =>
      ranges.map(({ start, end }) => text.slice(start, end).toLowerCase())
    expect(marked(toolrl.title, matches.title)).toEqual(['reward'])
    expect(matches.abstract.length).toBeGreaterThan(0)
    expect(new Set(marked(toolrl.abstract, matches.abstract))).toEqual(
      new Set(
        marked(toolrl.abstract, matches.abstract).filter((word) => word.startsWith('reward')),
      ),
    )
  })
})

describe('findByTitle (the command palette)', () => {
  it('finds a paper by a few letters of its title, best match first', async () => {
    const found = await library.api.findByTitle({ query: 'mige', limit: 5 })
    expect(found[0]).toMatchObject({
      kind: 'paper',
      title:
        'MIGE: A Unified Framework for Multimodal Instruction-Based Image Generation and Editing',
    })
    expect(found[0]?.matches).toEqual([{ start: 0, end: 4 }])
    expect(await library.api.findByTitle({ query: 'zzzzqx', limit: 5 })).toEqual([])
    expect(await library.api.findByTitle({ query: '   ', limit: 5 })).toEqual([])
  })

  it('lists a paper’s note right after the paper', async () => {
    const toolrl = await paperTitled(TOOLRL)
    await library.api.saveNote({ paperId: toolrl.id, body: 'Reward shaping notes' })
    const found = await library.api.findByTitle({ query: 'toolrl', limit: 5 })
    expect(found.slice(0, 2)).toMatchObject([
      { kind: 'paper', paperId: toolrl.id },
      { kind: 'note', paperId: toolrl.id },
    ])
  })
})

describe('the search index file across restarts', () => {
  // Every library keeps its index in a file here, however small.
  const options = { searchIndexFromPapers: 1 }
  const indexPath = (folder: string): string => join(folder, SEARCH_INDEX_FILE)
  const revisionOf = async (folder: string): Promise<unknown> =>
    (JSON.parse(await readFile(join(folder, 'library.json'), 'utf8')) as { revision?: unknown })
      .revision

  it('is loaded as saved after a clean close, and caught up after another program’s change or a crash', async () => {
    const toolrl = await paperTitled(TOOLRL)
    await library.close()
    library = await Library.open(dir, options)
    expect((await titlesFor('tool retrieval')).slice(0, 3).sort()).toEqual(
      [...TOOL_RETRIEVAL_TITLES].sort(),
    )
    await library.close()
    // Closing saved the index, naming the revision library.json names.
    expect((await readSearchIndexFile(indexPath(dir)))?.revision).toBe(await revisionOf(dir))
    const saved = await stat(indexPath(dir))

    // Opened and closed with nothing changed: loaded, and not written again.
    library = await Library.open(dir, options)
    expect(await titlesFor('tag:reward')).toEqual([])
    await library.close()
    expect((await stat(indexPath(dir))).ino).toBe(saved.ino)

    // Another program (the CLI: its library is too small to save an index)
    // tags a paper: the file now names an older revision than the library.
    const cli = await Library.open(dir)
    await cli.api.tagPapers({ paperIds: [toolrl.id], add: ['reward-design'] })
    await cli.close()
    expect((await readSearchIndexFile(indexPath(dir)))?.revision).not.toBe(await revisionOf(dir))
    library = await Library.open(dir, options)
    expect(await titlesFor('tag:reward')).toEqual([TOOLRL])
    await library.close()
    expect((await readSearchIndexFile(indexPath(dir)))?.revision).toBe(await revisionOf(dir))

    // A crash after a star: library.json still names the saved revision, but
    // the journal holds the star, so the opening starts a new revision.
    library = await Library.open(dir, { ...options, checkpointDelayMs: 24 * 60 * 60 * 1000 })
    await library.api.setStarred({ paperIds: [toolrl.id], starred: true })
    const crashed = await copyAsIfCrashed(dir)
    expect((await readSearchIndexFile(indexPath(crashed)))?.revision).toBe(
      await revisionOf(crashed),
    )
    const reopened = await Library.open(crashed, options)
    try {
      const page = await reopened.api.listPapers({ offset: 0, limit: 10, query: 'is:starred' })
      expect(page.items.map((item) => item.title)).toEqual([TOOLRL])
    } finally {
      await reopened.close()
      await rm(crashed, { recursive: true, force: true })
    }
  })
})
