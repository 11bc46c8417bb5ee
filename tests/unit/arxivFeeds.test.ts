// arXiv's announcement feeds as a user saves them from rss.arxiv.org: the RSS
// 2.0 feed of every archive on 28 Nov 2024 (1,504 announcements) and the Atom
// feed of cs.AI on 20 Aug 2025 (cut off by whoever recorded it), both real.
// New and cross-listed papers are added; a replacement (a new version) updates
// the paper the library has instead of adding another.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Library } from '../../src/main/core/library'
import type { ParsedImport, ParsedRecord } from '../../src/main/core/imports/parsedRecord'
import { readImport } from '../../src/main/core/imports/readImport'
import { makeDir, openAt, removeDir } from './libraryFixture'

const FIXTURES = resolve(__dirname, '../fixtures/formats')
const RSS = 'arxiv-rss-2024-11-28.xml'
const ATOM = 'arxiv-atom-cs.AI-2025-08-20.xml'

function fixture(name: string): Promise<string> {
  return readFile(resolve(FIXTURES, name), 'utf8')
}

async function read(name: string): Promise<ParsedImport> {
  return readImport(await fixture(name), { fileName: name, today: '2026-02-10' })
}

function byId(records: ParsedRecord[], arxivId: string): ParsedRecord {
  const record = records.find((r) => r.arxivId === arxivId)
  if (record === undefined) throw new Error(`no record ${arxivId}`)
  return record
}

describe('the RSS feed of rss.arxiv.org', () => {
  it('reads all 1,504 announcements: 935 new or cross-listed papers and 569 replacements', async () => {
    const parsed = await read(RSS)
    expect(parsed.format).toBe('arxiv-feed')
    expect(parsed.skipped).toEqual([])
    expect(parsed.records).toHaveLength(1504)
    expect(new Set(parsed.records.map((r) => r.arxivId)).size).toBe(1504)
    expect(parsed.records.filter((r) => r.replaces === true)).toHaveLength(569)
    // A new paper appeared on the feed's day; a replacement's first day is not in the feed.
    expect(parsed.records.filter((r) => r.published === '2024-11-28')).toHaveLength(935)
    expect(parsed.records.filter((r) => r.published === undefined)).toHaveLength(569)
    expect(parsed.records.filter((r) => r.doi !== undefined)).toHaveLength(110)
    expect(parsed.records.filter((r) => r.venue !== undefined)).toHaveLength(97)
  })

  it('gives each paper its title, abstract without the announcement line, author, categories and links', async () => {
    const parsed = await read(RSS)
    const first = parsed.records[0]
    expect(first).toMatchObject({
      title:
        "Exploring the Impact of Generative AI on Cross-Border E-Commerce Brand Building in Chinese Tianjin's Manufacturing Sector",
      authors: ['Jun Cui'],
      tags: ['cs.CY'],
      arxivId: '2411.17700',
      published: '2024-11-28',
      type: 'preprint',
      line: 17,
      entry: 1,
    })
    expect(first?.abstract.startsWith('This study investigates the influence of generative')).toBe(
      true,
    )
    expect(first?.abstract.endsWith('regression and structural equations (PLS-SEM).')).toBe(true)
    expect(first?.links.map((link) => [link.kind, link.url])).toEqual([
      ['other', 'https://arxiv.org/abs/2411.17700'],
      ['pdf', 'https://arxiv.org/pdf/2411.17700'],
    ])
  })

  it('turns the LaTeX accents of author names into letters', async () => {
    const parsed = await read(RSS)
    expect(byId(parsed.records, '2411.17709').authors).toEqual([
      'Martyna Poziomska',
      'Marian Dovgialo',
      'Przemysław Olbratowski',
      'Paweł Niedbalski',
      'Paweł Ogniewski',
      'Joanna Zych',
      'Jacek Rogala',
      'Jarosław Żygierewicz',
    ])
    expect(byId(parsed.records, '2411.18567').authors.slice(1, 5)).toEqual([
      'Caleb I. Cañas',
      'Jessica E. Libby-Roberts',
      'Heather M. Cegla',
      'Guðmundur K. Stefánsson',
    ])
    const withLatex = parsed.records.filter((r) => r.authors.some((name) => /[\\{}]/.test(name)))
    expect(withLatex).toEqual([])
  })

  it('marks a replacement as a new version of a paper announced before', async () => {
    const parsed = await read(RSS)
    const replacement = byId(parsed.records, '1401.3665')
    expect(replacement).toMatchObject({
      title: 'The existence of designs',
      authors: ['Peter Keevash'],
      tags: ['math.CO'],
      replaces: true,
      line: 12185,
      entry: 936,
    })
    expect(replacement.published).toBeUndefined()
  })

  it('refuses an empty feed and an error answer, saying why', async () => {
    await expect(read('arxiv-rss-empty.xml')).rejects.toThrow(
      'No papers found in arxiv-rss-empty.xml: the feed "test updates on arXiv.org" lists no papers (arXiv announces none on Saturdays, Sundays and holidays)',
    )
    await expect(read('arxiv-rss-error.xml')).rejects.toThrow(
      "No papers found in arxiv-rss-error.xml: arXiv answered with an error: Bad archive 'astroph'. Valid archive names are:",
    )
  })
})

describe('the Atom feed of rss.arxiv.org', () => {
  it('reads the 86 whole entries of a feed cut off in its 87th, and says where it broke', async () => {
    const parsed = await read(ATOM)
    expect(parsed.format).toBe('arxiv-feed')
    expect(parsed.records).toHaveLength(86)
    expect(parsed.records.every((r) => r.published === '2025-08-20' && r.replaces !== true)).toBe(
      true,
    )
    expect(parsed.skipped).toEqual([
      {
        line: 1229,
        entry: 87,
        reason: 'the feed is cut off in the middle of this entry; the entries before it were read',
      },
    ])
    expect(parsed.records.at(-1)?.title).toBe(
      'EventTSF: Event-Aware Non-Stationary Time Series Forecasting',
    )
  })

  it('reads authors from dc:creator and categories from the category terms', async () => {
    const parsed = await read(ATOM)
    expect(byId(parsed.records, '2508.13177')).toMatchObject({
      title:
        'A Hardware-oriented Approach for Efficient Active Inference Computation and Deployment',
      authors: [
        'Nikola Pižurica',
        'Nikola Milović',
        'Igor Jovančević',
        'Conor Heins',
        'Miguel de Prado',
      ],
      tags: ['cs.AI'],
    })
    const first = parsed.records[0]
    expect(first?.title).toBe(
      'Chain-of-Agents: End-to-End Agent Foundation Models via Multi-Agent Distillation and Agentic RL',
    )
    expect(first?.authors).toHaveLength(30)
    expect(first?.tags).toEqual(['cs.AI', 'cs.CL'])
    expect(first?.abstract.startsWith('Recent advances in large language models (LLMs)')).toBe(true)
  })

  it('keeps comparison signs of an abstract as text', async () => {
    const parsed = await read(ATOM)
    expect(byId(parsed.records, '2508.13171').abstract).toContain(
      "p < 0.001 and Cohen's d > 23 across multiple task types",
    )
  })
})

describe('importing a feed into the library', () => {
  let dir: string
  let library: Library
  beforeEach(async () => {
    dir = await makeDir()
    library = await openAt(dir)
  })
  afterEach(async () => {
    await library.close()
    await removeDir(dir)
  })

  it('adds each paper once: importing the same feed again adds nothing', async () => {
    const text = await fixture(ATOM)
    const first = await library.api.importText({ text, fileName: ATOM })
    expect(first).toMatchObject({ format: 'arxiv-feed', added: 86, alreadyPresent: 0 })
    const again = await library.api.importText({ text, fileName: ATOM })
    expect(again).toMatchObject({ added: 0, alreadyPresent: 86, updated: 0 })
    expect((await library.api.getLibraryInfo({})).paperCount).toBe(86)
  })

  it('updates the paper a replacement is a new version of, instead of adding one', async () => {
    const before = await library.api.importText({
      text: [
        'TY  - JOUR',
        'TI  - The existence of designs (first version)',
        'AU  - Keevash, Peter',
        'AB  - An abstract the first version had.',
        'UR  - https://arxiv.org/abs/1401.3665v1',
        'PY  - 2014',
        'ER  - ',
        '',
      ].join('\n'),
      fileName: 'old.ris',
    })
    const oldId = before.addedIds[0] ?? ''
    expect((await library.api.getPaper({ id: oldId })).title).toBe(
      'The existence of designs (first version)',
    )

    const report = await library.api.importText({ text: await fixture(RSS), fileName: RSS })
    expect(report).toMatchObject({ added: 1503, alreadyPresent: 1, updated: 1, skipped: [] })
    const paper = await library.api.getPaper({ id: oldId })
    expect(paper.title).toBe('The existence of designs')
    expect(
      paper.abstract.startsWith('We prove the existence conjecture for combinatorial designs'),
    ).toBe(true)
    expect(paper.authors).toEqual(['Peter Keevash'])
    expect((await library.api.getLibraryInfo({})).paperCount).toBe(1504)
  })
})
