// The search engine on the fixture page (53 real papers): ranking for queries
// chosen by reading it, every kind of clause, incremental updates, highlights.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Collection } from '../../src/shared/model'
import { parseHfListing } from '../../src/main/core/imports/hfListing'
import { withinEditDistance } from '../../src/main/core/search/editDistance'
import { highlightRanges } from '../../src/main/core/search/highlightRanges'
import { parseQuery } from '../../src/main/core/search/queryParser'
import type { SearchDocument } from '../../src/main/core/search/searchDocument'
import { SearchIndex, type SearchContext } from '../../src/main/core/search/searchIndex'
import { wordsOf } from '../../src/main/core/search/textTokens'

const FIXTURE = resolve(__dirname, '../fixtures/hf-daily-papers.txt')
const TOOL_RETRIEVAL_TITLES = [
  'ToolGen: Unified Tool Retrieval and Calling via Generation',
  'Towards Completeness-Oriented Tool Retrieval for Large Language Models',
  'Data-Efficient Massive Tool Retrieval: A Reinforcement Learning Approach for Query-Tool Alignment with Language Models',
]
const SURVEY = 'Tool Learning with Large Language Models: A Survey'
const GROKKING =
  'Where to find Grokking in LLM Pretraining? Monitor Memorization-to-Generalization without Test'

function fixtureDocuments(): SearchDocument[] {
  const listing = parseHfListing(readFileSync(FIXTURE, 'utf8'), { today: '2026-02-10' })
  return listing.papers.map((paper, i) => ({
    id: `p${i}`,
    title: paper.title,
    abstract: paper.abstract,
    authors: [],
    organization: paper.organization,
    tags: [],
    note: '',
    status: 'unread',
    starred: false,
    published: paper.published,
  }))
}

let documents: SearchDocument[]
let index: SearchIndex
/** Paper id -> its title as last indexed. */
const titleOf = new Map<string, string>()

function upsert(doc: SearchDocument): void {
  index.upsert(doc)
  titleOf.set(doc.id, doc.title)
}
const noCollections: SearchContext = { collections: [] }

function titles(query: string, context: SearchContext = noCollections): string[] {
  const result = index.search(parseQuery(query), context)
  const ids = result.ranked ? result.hits.all() : result.ids
  return ids.map((id) => titleOf.get(id) ?? `?${id}`)
}

function documentTitled(title: string): SearchDocument {
  const found = documents.find((doc) => doc.title === title)
  if (found === undefined) throw new Error(`no paper titled ${title}`)
  return found
}

beforeEach(() => {
  documents = fixtureDocuments()
  index = new SearchIndex()
  for (const doc of documents) upsert(doc)
  index.finishBuild()
})

describe('ranking on the fixture page', () => {
  it('puts the three tool-retrieval papers first for "tool retrieval"', () => {
    const found = titles('tool retrieval')
    expect(new Set(found.slice(0, 3))).toEqual(new Set(TOOL_RETRIEVAL_TITLES))
    // Papers that only mention both words in the abstract follow.
    expect(found.length).toBeGreaterThan(3)
  })

  it('ranks a title match above papers that mention the word only in the abstract', () => {
    expect(titles('grokking')[0]).toBe(GROKKING)
    const survey = titles('survey')
    expect(survey[0]).toBe(SURVEY)
    const titleMatches = titles('title:manipulation')
    const all = titles('manipulation')
    expect(all.slice(0, titleMatches.length).sort()).toEqual([...titleMatches].sort())
  })

  it('matches prefixes while typing and tolerates typos in longer words', () => {
    expect(new Set(titles('tool retriev').slice(0, 3))).toEqual(new Set(TOOL_RETRIEVAL_TITLES))
    // A fragment anywhere is a prefix; a complete word before the last is just that word.
    expect(new Set(titles('retriev tool').slice(0, 3))).toEqual(new Set(TOOL_RETRIEVAL_TITLES))
    expect(titles('toolgen retrieval')).toEqual([
      'ToolGen: Unified Tool Retrieval and Calling via Generation',
    ])
    expect(new Set(titles('tool retreival').slice(0, 3))).toEqual(new Set(TOOL_RETRIEVAL_TITLES))
    expect(titles('grokkign')[0]).toBe(GROKKING)
    // Short words must be exact: "tol" is a prefix of nothing and too short for a typo.
    expect(titles('tol')).toEqual([])
  })

  it('forgives a typo from five letters on, never in a shorter word', () => {
    // Five letters: one slip (a swap, a wrong letter) still finds the word.
    for (const [typo, word] of [
      ['agnet', 'agent'],
      ['grpah', 'graph'],
      ['robto', 'robot'],
    ] as const) {
      const found = titles(typo)
      expect(found.length, typo).toBeGreaterThan(0)
      for (const title of found) {
        expect(`${title} ${documentTitled(title).abstract}`.toLowerCase(), typo).toContain(word)
      }
    }
    // Four letters must be exact: "data" and "tool" are everywhere, "dtaa" and "tolo" nowhere.
    expect(titles('data').length).toBeGreaterThan(10)
    expect(titles('dtaa')).toEqual([])
    expect(titles('tool').length).toBeGreaterThan(10)
    expect(titles('tolo')).toEqual([])
    // Two slips need nine letters: "retirevla" is found, the eight-letter "reteival" is not.
    expect(new Set(titles('tool retirevla').slice(0, 3))).toEqual(new Set(TOOL_RETRIEVAL_TITLES))
    expect(titles('reteival')).toEqual([])
  })

  it('finds quoted phrases only where the words are adjacent', () => {
    const found = titles('"tool retrieval"')
    expect(found.length).toBeGreaterThanOrEqual(3)
    for (const title of found) {
      const doc = documentTitled(title)
      expect(`${doc.title} ${doc.abstract}`.toLowerCase()).toMatch(/tool\W+retrieval/)
    }
    expect(titles('"retrieval tool"')).not.toEqual(found)
  })

  it('excludes words and phrases', () => {
    expect(titles('tool learning')).toContain(SURVEY)
    expect(titles('tool learning -survey')).not.toContain(SURVEY)
    expect(titles('tool -"tool retrieval"')).not.toContain(TOOL_RETRIEVAL_TITLES[0])
    expect(titles('-tool').length).toBeGreaterThan(0)
    expect(titles('-tool')).not.toContain(SURVEY)
  })

  it('restricts words to the title with title:', () => {
    expect(new Set(titles('title:retrieval'))).toEqual(new Set(TOOL_RETRIEVAL_TITLES))
    expect(titles('title:"tool retrieval"')).toHaveLength(3)
  })

  it('searches authors, organization, tags and note text', () => {
    const doc = documents[5] as SearchDocument
    index.upsert({
      ...doc,
      authors: ['Ada Lovelace', 'Charles Babbage'],
      tags: ['analytical-engine'],
      note: 'Compare with the difference engine before the reading group.',
    })
    expect(titles('lovelace')).toEqual([doc.title])
    expect(titles('author:babbage')).toEqual([doc.title])
    expect(titles('tag:analytical')).toEqual([doc.title])
    expect(titles('author:analytical')).toEqual([])
    expect(titles('"reading group"')).toEqual([doc.title])
    const organization = documents.find((candidate) => candidate.organization !== undefined)
    expect(organization).toBeDefined()
    expect(titles(organization?.organization ?? '')).toContain(organization?.title)
  })
})

describe('filters', () => {
  it('is:, has:note and year: filter without ranking, combined with words', () => {
    const [a, b, c] = documents as [SearchDocument, SearchDocument, SearchDocument]
    index.upsert({ ...a, starred: true, status: 'read' })
    index.setState(b.id, { starred: true, status: 'reading' })
    index.upsert({ ...c, note: 'my thoughts' })
    const result = index.search(parseQuery('is:starred'), noCollections)
    expect(result.ranked).toBe(false)
    expect(new Set(titles('is:starred'))).toEqual(new Set([a.title, b.title]))
    expect(titles('is:read')).toEqual([a.title])
    expect(titles('is:reading')).toEqual([b.title])
    expect(titles('is:unread')).toHaveLength(documents.length - 2)
    expect(titles('is:starred -is:read')).toEqual([b.title])
    expect(titles('has:note')).toEqual([c.title])
    const in2024 = documents.filter((doc) => doc.published?.startsWith('2024'))
    expect(titles('year:2024')).toHaveLength(in2024.length)
    const in2023to2025 = documents.filter((doc) => /^202[345]/.test(doc.published ?? ''))
    expect(titles('year:2023..2025')).toHaveLength(in2023to2025.length)
    // The undated paper matches no year.
    expect(titles('year:..9999')).toHaveLength(documents.filter((doc) => doc.published).length)
    expect(
      titles('tool year:2025').every((title) =>
        /tool/i.test(`${title} ${documentTitled(title).abstract}`),
      ),
    ).toBe(true)
  })

  it('in:"Name" finds the papers of every collection of that name and its subcollections', () => {
    const collection = (
      id: string,
      name: string,
      paperIds: string[],
      parentId?: string,
    ): Collection => ({
      id,
      name,
      position: 0,
      paperIds,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      ...(parentId === undefined ? {} : { parentId }),
    })
    const collections = [
      collection('c1', 'Reading list', ['p0', 'p1']),
      collection('c2', 'Later', ['p2'], 'c1'),
      collection('c3', 'Other', ['p3']),
      { ...collection('c4', 'reading LIST', ['p4']), trashedAt: '2026-01-02T00:00:00Z' },
    ]
    const context: SearchContext = { collections }
    const ids = (query: string, ctx: SearchContext = context): string[] => {
      const result = index.search(parseQuery(query), ctx)
      return (result.ranked ? result.hits.all() : result.ids).sort()
    }
    expect(ids('in:"reading list"')).toEqual(['p0', 'p1', 'p2'])
    expect(ids('in:Later')).toEqual(['p2'])
    expect(ids('in:Nowhere')).toEqual([])
    expect(ids('in:"Reading list"', noCollections)).toEqual([])
    expect(ids('-in:Other')).toHaveLength(documents.length - 1)
    // A view limited to a collection stays limited, unless the query names one.
    const scoped: SearchContext = { collections, scope: new Set(['p3', 'p4']) }
    expect(ids('is:unread', scoped)).toEqual(['p3', 'p4'])
    expect(ids('in:Later', scoped)).toEqual(['p2'])
  })
})

describe('incremental updates', () => {
  it('re-indexes an edited paper at once, and forgets a removed one', () => {
    const doc = documents[10] as SearchDocument
    expect(titles('zanzibar')).toEqual([])
    index.upsert({ ...doc, note: 'Read on the ferry to Zanzibar.' })
    expect(titles('zanzibar')).toEqual([doc.title])
    index.upsert({ ...doc, note: 'Read at home.' })
    expect(titles('zanzibar')).toEqual([])
    upsert({ ...doc, title: 'A Completely Renamed Paper' })
    expect(titles('renamed')).toEqual(['A Completely Renamed Paper'])
    expect(index.size).toBe(documents.length)
    index.remove(doc.id)
    expect(titles('renamed')).toEqual([])
    expect(index.size).toBe(documents.length - 1)
  })

  it('ranks the same after many edits and a compaction as after a fresh build', () => {
    const before = titles('tool retrieval')
    for (let round = 0; round < 40; round++) {
      for (const doc of documents) index.upsert(doc)
    }
    expect(titles('tool retrieval')).toEqual(before)
    expect(index.compactIfWasteful()).toBe(true)
    expect(titles('tool retrieval')).toEqual(before)
    expect(titles('"tool retrieval"').length).toBeGreaterThanOrEqual(3)
  })

  it('pages through a ranked result in the same order as a full sort', () => {
    const result = index.search(parseQuery('model'), noCollections)
    if (!result.ranked) throw new Error('expected a ranked result')
    const all = result.hits.all()
    const paged = [
      ...result.hits.slice(0, 5),
      ...result.hits.slice(5, 12),
      ...result.hits.slice(12, 100),
    ]
    expect(paged).toEqual(all)
  })
})

describe('highlights', () => {
  it('marks the matched words, prefixes and phrases as offsets into the text', () => {
    const title = 'ToolGen: Unified Tool Retrieval and Calling via Generation'
    const terms = index.highlightTerms(parseQuery('retriev tool'))
    const ranges = highlightRanges(title, 'title', terms)
    expect(ranges.map(({ start, end }) => title.slice(start, end))).toEqual([
      'ToolGen',
      'Tool',
      'Retrieval',
    ])
    const phrase = highlightRanges(
      title,
      'title',
      index.highlightTerms(parseQuery('"tool retrieval"')),
    )
    expect(phrase.map(({ start, end }) => title.slice(start, end))).toEqual(['Tool Retrieval'])
    // A word restricted to the title is not marked in the abstract.
    expect(
      highlightRanges('tool use', 'abstract', index.highlightTerms(parseQuery('title:tool'))),
    ).toEqual([])
  })

  it('keeps offsets right around accents and markup-like text', () => {
    const text = '<b>Schölkopf</b> & café'
    const terms = [{ words: new Set(['scholkopf', 'cafe']) }]
    const ranges = highlightRanges(text, 'title', terms)
    expect(ranges.map(({ start, end }) => text.slice(start, end))).toEqual(['Schölkopf', 'café'])
  })
})

describe('words and typos', () => {
  it('splits text into folded words of letters and digits', () => {
    expect(wordsOf('Tool-Integrated RL (GPT-4o), naïve Ångström 東京')).toEqual([
      'tool',
      'integrated',
      'rl',
      'gpt',
      '4o',
      'naive',
      'angstrom',
      '東京',
    ])
  })

  it('counts insertions, deletions, substitutions and swaps as one edit', () => {
    expect(withinEditDistance('retrieval', 'retreival', 1)).toBe(true)
    expect(withinEditDistance('retrieval', 'retrival', 1)).toBe(true)
    expect(withinEditDistance('retrieval', 'retrieveal', 1)).toBe(true)
    expect(withinEditDistance('retrieval', 'retrieval', 0)).toBe(true)
    expect(withinEditDistance('retrieval', 'retrovals', 1)).toBe(false)
    expect(withinEditDistance('retrieval', 'retrovals', 3)).toBe(true)
    expect(withinEditDistance('agent', 'angel', 1)).toBe(false)
  })
})
