// A paper from a page without ids (a copied Daily Papers listing gives titles
// and author counts only) matched to its arXiv record by title: it gains its
// arXiv id, author names and links; through the lookup path, so offline the
// titles wait in the lookup queue. arXiv is the stub server on 127.0.0.1.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { callApi } from '../../src/main/core/kernel/dispatch'
import type { Library } from '../../src/main/core/library'
import { makeDir, openAt, removeDir } from './libraryFixture'
import { offlineOptions, startStubServer, type StubServer } from './lookupStubServer'

const LISTING = resolve(__dirname, '../fixtures/hf-daily-papers.txt')

// What a page without ids gives: a title and a date, no id, no author names.
const NO_IDS = ['TY  - JOUR', 'TI  - Attention is all you need', 'PY  - 2017', 'ER  - ', ''].join(
  '\n',
)

describe('matching papers to arXiv by title', () => {
  let stub: StubServer
  let dir: string
  let library: Library
  beforeEach(async () => {
    stub = await startStubServer()
    dir = await makeDir()
    library = await openAt(dir, stub.options)
  })
  afterEach(async () => {
    await library.close()
    await stub.close()
    await removeDir(dir)
  })

  it('gives the paper its arXiv id, author names and links, and adds nothing', async () => {
    const { addedIds } = await library.api.importText({ text: NO_IDS, fileName: 'page.ris' })
    const id = addedIds[0] ?? ''
    const preview = await library.api.matchTitlesOnArxiv({ previewId: 'm1', paperIds: [id] })
    expect(preview).toMatchObject({
      newTitles: [],
      queued: [],
      skipped: [],
      duplicates: [
        {
          title: 'Attention Is All You Need',
          existingId: id,
          matchedBy: 'title-year',
          wouldMerge: ['abstract', 'authors', 'published', 'arxivId', 'links', 'tags'],
        },
      ],
    })
    expect(stub.requests.map((r) => r.path)).toEqual([
      '/api/query?search_query=ti%3A%22Attention+is+all+you+need%22&max_results=5',
    ])
    expect(await library.api.confirmImport({ previewId: 'm1' })).toMatchObject({
      added: 0,
      updated: 1,
    })
    const paper = await library.api.getPaper({ id })
    expect(paper).toMatchObject({
      title: 'Attention is all you need',
      arxivId: '1706.03762',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
    })
    expect(paper.links.map((link) => link.url)).toContain('http://arxiv.org/pdf/1706.03762v7')
    expect((await library.api.getLibraryInfo({})).paperCount).toBe(1)
  })

  it("takes, of a real arXiv answer's two papers, the one with the same title", async () => {
    // A page without ids gave the title (with arXiv's own line break gone) and the year.
    const ris = [
      'TY  - JOUR',
      'TI  - RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks',
      'PY  - 2025',
      'ER  - ',
      '',
    ].join('\n')
    const { addedIds } = await library.api.importText({ text: ris, fileName: 'page.ris' })
    const id = addedIds[0] ?? ''
    const preview = await library.api.matchTitlesOnArxiv({ previewId: 'r1', paperIds: [id] })
    expect(preview.duplicates.map((d) => [d.existingId, d.matchedBy])).toEqual([[id, 'title-year']])
    expect(stub.requests.map((r) => r.path)).toEqual([
      '/api/query?search_query=ti%3A%22RDD+Retrieval-Based+Demonstration+Decomposer+for+Planner+Alignment+in+Long-Horizon+Tasks%22&max_results=5',
    ])
    expect(await library.api.confirmImport({ previewId: 'r1' })).toMatchObject({
      added: 0,
      updated: 1,
    })
    const paper = await library.api.getPaper({ id })
    expect(paper).toMatchObject({
      arxivId: '2510.14968',
      published: '2025-10-16',
      authors: ['Mingxuan Yan', 'Yuping Wang', 'Zechun Liu', 'Jiachen Li'],
    })
    expect(paper.abstract.startsWith('To tackle long-horizon tasks,')).toBe(true)
    // The answer's other paper (Neural Implicit Flow Fields) is not added.
    expect((await library.api.getLibraryInfo({})).paperCount).toBe(1)
  })

  it('says which titles arXiv does not have, and looks up only papers without ids', async () => {
    const listing = await readFile(LISTING, 'utf8')
    const { addedIds } = await library.api.importText({ text: listing, fileName: 'page.txt' })
    expect(addedIds).toHaveLength(53)
    const preview = await library.api.matchTitlesOnArxiv({
      previewId: 'm2',
      paperIds: addedIds.slice(0, 2),
    })
    expect(preview.skipped.map((entry) => entry.reason)).toEqual([
      expect.stringMatching(/^title:.+: arXiv has no paper with this title$/),
      expect.stringMatching(/^title:.+: arXiv has no paper with this title$/),
    ])
    expect(stub.requests).toHaveLength(2)

    const { addedIds: withId } = await library.api.importText({
      text: 'arXiv:1706.03762',
      fileName: 'ids.txt',
    })
    expect(
      await callApi(library.api, 'matchTitlesOnArxiv', { previewId: 'm3', paperIds: withId }),
    ).toEqual({
      ok: false,
      error: { code: 'bad-input', message: 'These papers have an arXiv id or a DOI already' },
    })
  })
})

describe('matching by title while offline', () => {
  it('keeps the titles in the lookup queue until the network is back', async () => {
    const dir = await makeDir()
    const library = await openAt(dir, await offlineOptions())
    try {
      const { addedIds } = await library.api.importText({ text: NO_IDS, fileName: 'page.ris' })
      const preview = await library.api.matchTitlesOnArxiv({ previewId: 'o1', paperIds: addedIds })
      expect(preview.queued).toEqual(['title:Attention is all you need'])
      expect(preview.lookupProblem).toMatch(/^offline: could not reach 127\.0\.0\.1:\d+/)
      await library.api.confirmImport({ previewId: 'o1' })
      expect((await library.api.getLookupQueue({})).items.map((item) => item.identifier)).toEqual([
        'title:Attention is all you need',
      ])
    } finally {
      await library.close()
      await removeDir(dir)
    }
  })
})
