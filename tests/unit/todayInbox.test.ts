// Today: feeds of three kinds checked against a stub server on 127.0.0.1
// serving recorded answers (tests/unit/feedStubServer.ts), the inbox they
// fill, ranked against the papers you keep, triaged, undone, and still so
// after a restart. The clock is a variable the tests move.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../../src/main/core/library'
import type { FeedStatus, InboxItem } from '../../src/shared/model'
import { startFeedStub, type FeedStub } from './feedStubServer'
import { makeDir, removeDir } from './libraryFixture'

const FORMATS = resolve(__dirname, '../fixtures/formats')
/** A Friday: Hugging Face lists 30 papers that day in the recorded answer. */
const FRIDAY = Date.parse('2026-06-12T14:00:00Z')

let stub: FeedStub
let dir: string
let now: number
let library: Library | undefined

async function open(): Promise<Library> {
  library = await Library.open(dir, { now: () => new Date(now), lookup: stub.options })
  return library
}

async function reopen(): Promise<Library> {
  await library?.close()
  return open()
}

async function importFixture(lib: Library, name: string): Promise<void> {
  await lib.api.importText({ text: await readFile(resolve(FORMATS, name), 'utf8'), fileName: name })
}

async function follow(lib: Library, ...specs: string[]): Promise<FeedStatus[]> {
  for (const spec of specs) {
    await lib.api.addFeed({ spec })
    now += 1000
  }
  return lib.api.listFeeds({})
}

async function inbox(
  lib: Library,
  state: 'new' | 'kept' | 'skipped' | 'all' = 'new',
): Promise<InboxItem[]> {
  return (await lib.api.listInbox({ state })).items
}

function titled(items: InboxItem[], start: string): InboxItem {
  const item = items.find((i) => i.title.startsWith(start))
  if (item === undefined) throw new Error(`no item titled ${start}…`)
  return item
}

beforeEach(async () => {
  stub = await startFeedStub()
  dir = await makeDir()
  now = FRIDAY
})
afterEach(async () => {
  await library?.close()
  library = undefined
  await stub.close()
  await removeDir(dir)
})

describe('from a fresh library, following the three kinds of feed', () => {
  it('fills Today with one item per paper, each with its sources, ranked with reasons', async () => {
    const lib = await open()
    await importFixture(lib, 'hf-api-daily-papers-2026-07.json')
    const feeds = await follow(
      lib,
      'hf-daily',
      'arxiv:cs.AI+cs.LG+math',
      'arxiv-query:au:"A. Del Maestro"',
    )
    expect(feeds.map((f) => [f.name, f.kind, f.everyHours])).toEqual([
      ['HF Daily Papers', 'hf-daily', 6],
      ['arXiv cs.AI+cs.LG+math', 'arxiv', 6],
      ['arXiv: au:"A. Del Maestro"', 'arxiv-query', 6],
    ])

    const report = await lib.api.refreshFeeds({})
    expect(report.checks.map((c) => [c.name, c.outcome, c.added, c.updated])).toEqual([
      ['HF Daily Papers', 'ok', 30, 0],
      // 926 new and 9 cross-listed; the 569 new versions of older papers are not new papers.
      ['arXiv cs.AI+cs.LG+math', 'ok', 935, 0],
      ['arXiv: au:"A. Del Maestro"', 'ok', 10, 0],
    ])
    expect(stub.requests).toEqual([
      '/api/daily_papers?date=2026-06-12&limit=100',
      '/rss/cs.AI+cs.LG+math',
      '/api/query?search_query=au%3A%22A.+Del+Maestro%22&sortBy=submittedDate&sortOrder=descending&max_results=100',
    ])
    const page = await lib.api.listInbox({})
    expect(page.counts).toEqual({ new: 975, kept: 0, skipped: 0 })
    // The author query brings that author's papers, their LaTeX as arXiv wrote it.
    const byAuthor = page.items.filter((i) => i.sources[0] === 'arXiv: au:"A. Del Maestro"')
    expect(byAuthor.filter((i) => i.authors.includes('A. Del Maestro'))).toHaveLength(10)
    expect(byAuthor.find((i) => i.arxivId === '1412.6529')?.abstract).toMatch(
      /^We consider the R\\'\{e\}nyi entanglement entropy of bosonic Luttinger liquids/,
    )
    const sidebar = await lib.api.listFeeds({})
    expect(sidebar.map((f) => [f.name, f.newItems, f.lastSuccessAt, f.lastError])).toEqual([
      ['HF Daily Papers', 30, '2026-06-12T14:00:03.000Z', undefined],
      ['arXiv cs.AI+cs.LG+math', 935, '2026-06-12T14:00:03.000Z', undefined],
      ['arXiv: au:"A. Del Maestro"', 10, '2026-06-12T14:00:03.000Z', undefined],
    ])

    // Starring a paper about token compression for multimodal models teaches the ranking.
    const [omniScope] = (await lib.api.listPapers({ offset: 0, limit: 10, query: 'OmniScope' }))
      .items
    await lib.api.setStarred({ paperIds: [omniScope?.id ?? ''], starred: true })
    const ranked = await inbox(lib)
    expect(ranked.slice(0, 3).map((i) => [i.title, i.score, i.reason])).toEqual(TOP_THREE)
    expect(ranked.at(-1)?.reason).toBe('new; like nothing you keep yet')
    const byUpvotes = (await lib.api.listInbox({ sort: 'upvotes', limit: 2 })).items
    expect(byUpvotes.map((i) => [i.title, i.upvotes])).toEqual(TOP_UPVOTES)
  })
})

describe('one paper seen in several feeds', () => {
  it('is one item listing every feed it came from', async () => {
    const lib = await open()
    await follow(lib, 'arxiv:cs.AI+cs.LG+math')
    await lib.api.refreshFeeds({})
    const [math] = (await follow(lib, 'arxiv:math')).filter((f) => f.name === 'arXiv math')
    const report = await lib.api.refreshFeeds({ ids: [math?.id ?? ''] })
    expect(report.checks.map((c) => [c.name, c.outcome, c.added, c.updated])).toEqual([
      ['arXiv math', 'ok', 0, 935],
    ])
    const items = await inbox(lib)
    expect(items).toHaveLength(935)
    expect(titled(items, 'Exploring the Impact of Generative AI on Cross-Border').sources).toEqual([
      'arXiv cs.AI+cs.LG+math',
      'arXiv math',
    ])
  })

  it('is marked as in the library when the library has it, and keeping it adds no second paper', async () => {
    const lib = await open()
    await importFixture(lib, 'hf-api-daily-papers-2026-06-12.json')
    await follow(lib, 'hf-daily')
    await lib.api.refreshFeeds({})
    const items = await inbox(lib)
    expect(items).toHaveLength(30)
    expect(items.filter((i) => i.paperId !== undefined)).toHaveLength(30)
    const item = titled(items, 'MiniMax Sparse Attention')
    await lib.api.triageInbox({ action: 'keep', ids: [item.id] })
    expect((await lib.api.listPapers({ offset: 0, limit: 1 })).total).toBe(30)
    expect((await inbox(lib, 'kept')).map((i) => [i.title, i.paperId])).toEqual([
      ['MiniMax Sparse Attention', item.paperId],
    ])
  })
})

describe('triage', () => {
  it('keeps, skips, stars and thumbs, each one undo step, and all of it survives a restart', async () => {
    let lib = await open()
    const [thesis] = [await lib.api.createCollection({ name: 'Thesis' })]
    await follow(lib, 'hf-daily')
    await lib.api.refreshFeeds({})
    const items = await inbox(lib)
    const keep = titled(items, 'MiniMax Sparse Attention')
    const skip = titled(items, 'EvoArena')
    const star = titled(items, 'HYDRA-X')
    const into = titled(items, 'TreeSeeker')
    const thumb = titled(items, 'Robust-U1')
    await lib.api.triageInbox({ action: 'keep', ids: [keep.id] })
    await lib.api.triageInbox({ action: 'skip', ids: [skip.id] })
    await lib.api.triageInbox({ action: 'star', ids: [star.id] })
    await lib.api.triageInbox({ action: 'keep', ids: [into.id], collectionId: thesis?.id ?? '' })
    await lib.api.triageInbox({ action: 'thumbs-up', ids: [thumb.id] })
    expect((await lib.api.getUndoState({})).undo).toBe(
      'Thumbs up for “Robust-U1: Can MLLMs Self-Recover Corrupted Visual Content for Robust Understanding?”',
    )
    expect(await lib.api.undo({})).toEqual({
      label:
        'Thumbs up for “Robust-U1: Can MLLMs Self-Recover Corrupted Visual Content for Robust Understanding?”',
      changed: 1,
    })

    lib = await reopen()
    const page = await lib.api.listInbox({})
    expect(page.counts).toEqual({ new: 26, kept: 3, skipped: 1 })
    expect(page.items.find((i) => i.id === thumb.id)?.thumbs).toBeUndefined()
    const kept = await lib.api.listPapers({ offset: 0, limit: 10, sort: 'title' })
    expect(kept.items.map((p) => [p.title, p.starred])).toEqual([
      ['HYDRA-X: Native Unified Multimodal Models with Holistic Visual Tokenizers', true],
      ['MiniMax Sparse Attention', false],
      [expect.stringMatching(/^TreeSeeker/), false],
    ])
    const minimax = await lib.api.getPaper({ id: kept.items[1]?.id ?? '' })
    expect(minimax).toMatchObject({
      arxivId: '2606.13392',
      upvotes: 103,
      source: { format: 'hf-api-json', fileName: 'HF Daily Papers' },
    })
    const [thesisPapers] = [
      await lib.api.listPaperIds({
        filter: { scope: { kind: 'collection', id: thesis?.id ?? '' } },
      }),
    ]
    expect(thesisPapers).toEqual([kept.items[2]?.id])
    expect((await inbox(lib, 'skipped')).map((i) => i.title)).toEqual([skip.title])
  })

  it('keeps into the collection the feed names, and undoing a keep takes the paper away again', async () => {
    const lib = await open()
    const reading = await lib.api.createCollection({ name: 'Reading' })
    await lib.api.addFeed({ spec: 'hf-daily', collectionId: reading.id })
    await lib.api.refreshFeeds({})
    const items = await inbox(lib)
    const ids = items.slice(0, 3).map((i) => i.id)
    expect(await lib.api.triageInbox({ action: 'keep', ids })).toEqual({
      label: 'Keep 3 papers',
      changed: 3,
    })
    expect(
      await lib.api.listPaperIds({ filter: { scope: { kind: 'collection', id: reading.id } } }),
    ).toHaveLength(3)
    await lib.api.undo({})
    expect((await lib.api.listPapers({ offset: 0, limit: 1 })).total).toBe(0)
    expect((await lib.api.listInbox({})).counts).toEqual({ new: 30, kept: 0, skipped: 0 })
  })
})

describe('checks that fail', () => {
  it('say why in the sidebar, back off, and are retried when due', async () => {
    const lib = await open()
    await follow(lib, 'hf-daily')
    stub.failures.set('/api/daily_papers', { status: 503, retryAfter: '120', times: 1 })
    const failed = await lib.api.refreshFeeds({})
    expect(failed.checks.map((c) => [c.outcome, c.error])).toEqual([
      [
        'failed',
        `${stub.host} is busy or down (HTTP 503, asks to wait 2 minutes); it will be retried`,
      ],
    ])
    const [feed] = await lib.api.listFeeds({})
    expect([feed?.lastError, feed?.lastSuccessAt, feed?.failures, feed?.nextCheckAt]).toEqual([
      `${stub.host} is busy or down (HTTP 503, asks to wait 2 minutes); it will be retried`,
      undefined,
      1,
      '2026-06-12T14:05:01.000Z',
    ])
    now += 4 * 60_000
    expect((await lib.api.refreshFeeds({ due: true })).checks[0]?.outcome).toBe('not-due')
    now += 60_000
    const retried = await lib.api.refreshFeeds({ due: true })
    expect(retried.checks.map((c) => [c.outcome, c.added])).toEqual([['ok', 30]])
    const [after] = await lib.api.listFeeds({})
    expect([after?.lastError, after?.failures, after?.newItems]).toEqual([undefined, 0, 30])
  })

  it('wait out a 429 whose Retry-After is short, and ask again once', async () => {
    const lib = await open()
    await follow(lib, 'arxiv-query:all:science')
    stub.failures.set('/api/query', { status: 429, retryAfter: '0', times: 1 })
    const report = await lib.api.refreshFeeds({})
    expect(report.checks.map((c) => [c.outcome, c.added])).toEqual([['ok', 10]])
    expect(stub.requests).toHaveLength(2)
  })

  it('offline: the reason is kept and nothing else changes', async () => {
    const lib = await open()
    await follow(lib, 'arxiv:cs.AI+cs.LG+math')
    const host = stub.host
    await stub.close()
    const report = await lib.api.refreshFeeds({})
    expect(report.checks[0]?.error).toBe(
      `offline: could not reach ${host}; it will be retried when you are online`,
    )
    expect((await lib.api.listInbox({})).counts).toEqual({ new: 0, kept: 0, skipped: 0 })
  })

  it("arXiv's error answer fails with arXiv's words; an empty feed and a feed cut off mid-entry do not fail", async () => {
    const lib = await open()
    await follow(lib, 'arxiv:astroph', 'arxiv:test', 'arxiv:cs.AI')
    const report = await lib.api.refreshFeeds({})
    expect(report.checks.map((c) => [c.name, c.outcome, c.added, c.error])).toEqual([
      ['arXiv astroph', 'failed', 0, expect.stringMatching(/^arXiv answered with an error: /)],
      ['arXiv test', 'ok', 0, undefined],
      // Cut off by its recorder in the middle of entry 87: the 86 entries before it.
      ['arXiv cs.AI', 'ok', 86, undefined],
    ])
  })
})

describe('new since your last visit', () => {
  it('counts the items that arrived after Today was last opened, and still does after a restart', async () => {
    let lib = await open()
    await follow(lib, 'arxiv-query:au:"A. Del Maestro"')
    await lib.api.refreshFeeds({})
    // Never opened: everything new is new since.
    expect(await lib.api.getTodayStatus({})).toEqual({
      counts: { new: 10, kept: 0, skipped: 0 },
      sinceVisit: 10,
      lastVisitAt: null,
    })

    now = Date.parse('2026-06-12T15:00:00Z')
    expect(await lib.api.visitToday({})).toEqual({ lastVisitAt: null })
    expect((await lib.api.getTodayStatus({})).sinceVisit).toBe(0)

    // An hour later arXiv's announcements arrive, then Offprint restarts.
    now = Date.parse('2026-06-12T16:00:00Z')
    await follow(lib, 'arxiv:cs.AI')
    await lib.api.refreshFeeds({})
    lib = await reopen()
    expect(await lib.api.getTodayStatus({})).toEqual({
      counts: { new: 96, kept: 0, skipped: 0 },
      sinceVisit: 86,
      lastVisitAt: '2026-06-12T15:00:00.000Z',
    })
    const page = await lib.api.listInbox({})
    expect(page.lastVisitAt).toBe('2026-06-12T15:00:00.000Z')
    const arrived = page.items.filter((i) => i.firstSeenAt > '2026-06-12T15:00:00.000Z')
    expect(new Set(arrived.map((i) => i.sources[0]))).toEqual(new Set(['arXiv cs.AI']))
    await lib.api.triageInbox({ action: 'skip', ids: [arrived[0]?.id ?? ''] })
    expect((await lib.api.getTodayStatus({})).sinceVisit).toBe(85)

    // Opening Today again: the visit before is answered, and nothing is new since this one.
    now = Date.parse('2026-06-13T09:00:00Z')
    expect(await lib.api.visitToday({})).toEqual({ lastVisitAt: '2026-06-12T15:00:00.000Z' })
    lib = await reopen()
    expect(await lib.api.getTodayStatus({})).toEqual({
      counts: { new: 95, kept: 0, skipped: 1 },
      sinceVisit: 0,
      lastVisitAt: '2026-06-13T09:00:00.000Z',
    })
  })
})

describe('the schedule', () => {
  it('asks arXiv nothing on a weekend and checks it again on Monday; Hugging Face is checked', async () => {
    now = Date.parse('2026-06-13T15:00:00Z') // a Saturday
    const lib = await open()
    await follow(lib, 'hf-daily', 'arxiv:cs.AI+cs.LG+math')
    const report = await lib.api.refreshFeeds({ due: true })
    expect(report.checks.map((c) => [c.name, c.outcome])).toEqual([
      ['HF Daily Papers', 'ok'],
      ['arXiv cs.AI+cs.LG+math', 'weekend'],
    ])
    expect(stub.requests).toEqual(['/api/daily_papers?date=2026-06-13&limit=100'])
    const arxiv = (await lib.api.listFeeds({}))[1]
    expect(arxiv?.nextCheckAt).toBe('2026-06-15T04:00:02.000Z')
  })

  it('removes skipped items after 30 days, not before', async () => {
    const lib = await open()
    await follow(lib, 'arxiv-query:au:"A. Del Maestro"')
    await lib.api.refreshFeeds({})
    const [first] = await inbox(lib)
    await lib.api.triageInbox({ action: 'skip', ids: [first?.id ?? ''] })
    now += 29 * 86_400_000
    expect((await lib.api.refreshFeeds({})).expired).toBe(0)
    now += 2 * 86_400_000
    expect((await lib.api.refreshFeeds({})).expired).toBe(1)
    expect((await lib.api.listInbox({})).counts).toEqual({ new: 9, kept: 0, skipped: 0 })
  })
})

/** With OmniScope starred: the multimodal-tokenizer paper first, said to be like it; then the most upvoted. */
const TOP_THREE = [
  [
    'HYDRA-X: Native Unified Multimodal Models with Holistic Visual Tokenizers',
    0.25,
    'like “OmniScope: Modality-Decoupled Token Compression for Omnimodal Large Language Models” · 25 upvotes',
  ],
  ['MiniMax Sparse Attention', 0.246, '103 upvotes'],
  [
    'EvoArena: Tracking Memory Evolution for Robust LLM Agents in Dynamic Environments',
    0.236,
    '118 upvotes',
  ],
]
const TOP_UPVOTES = [
  ['EvoArena: Tracking Memory Evolution for Robust LLM Agents in Dynamic Environments', 118],
  ['MiniMax Sparse Attention', 103],
]
