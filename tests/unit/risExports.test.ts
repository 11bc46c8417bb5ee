// RIS files as other programs really write them (kept unchanged in
// tests/fixtures/formats, sources in the README there), imported the way the
// window does it: preview, then confirm. Numbered records ("1." before
// "TY  -", as rispy writes them), an Embase-style export with empty tags and a
// DOI given as a URL, a byte-order mark with Cyrillic text and no TI, and a
// ScienceDirect export whose link has no scheme.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Paper } from '../../src/shared/model'
import { importVia, makeDir, openAt, removeDir } from './libraryFixture'
import { allPapers } from './support/libraryPapers'

const FIXTURES = resolve(__dirname, '../fixtures/formats')

const dirs: string[] = []
afterEach(async () => {
  for (const dir of dirs.splice(0)) await removeDir(dir)
})

/** Imports the fixture into a fresh library: the report, the papers in file order, the text. */
async function importFixture(name: string) {
  const dir = await makeDir()
  dirs.push(dir)
  const library = await openAt(dir)
  const text = await readFile(resolve(FIXTURES, name), 'utf8')
  const { report } = await importVia(library, text, name)
  const papers = await allPapers(library, 'added')
  const again = await importVia(library, text, name)
  await library.close()
  return { report, papers, again: again.report, text }
}

/** What a user sees of a paper, without the ids and dates the library gives it. */
function shown(paper: Paper) {
  return {
    title: paper.title,
    authors: paper.authors,
    published: paper.published,
    venue: paper.venue,
    volume: paper.volume,
    issue: paper.issue,
    pages: paper.pages,
    publisher: paper.publisher,
    doi: paper.doi,
    type: paper.type,
    citationKey: paper.citationKey,
    tags: paper.tags,
    links: paper.links.map((link) => link.url),
  }
}

/** The text of the file's lines tagged `tag`, in order, read straight off the file. */
function tagged(text: string, tag: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${tag}  - `))
    .map((line) => line.slice(6).trim())
}

describe('real RIS exports', () => {
  it('reads numbered records (rispy writes "1." before "TY  -")', async () => {
    const { report, papers, again, text } = await importFixture('rispy-example_full.ris')
    expect(report).toMatchObject({ format: 'ris', added: 2, skipped: [] })
    expect(papers.map(shown)).toEqual([
      {
        title: 'Title of reference',
        authors: ['Karl Marx', 'Astrid Lindgren'],
        published: '2014',
        venue: 'Lorem',
        volume: '9',
        issue: '3',
        pages: 'e0815',
        publisher: 'Fun Factory',
        doi: undefined,
        type: 'article-journal',
        citationKey: '12345',
        tags: ['Pippi', 'Nordwind', 'Piraten'],
        // "http://example_url.com" is no address (a host name has no "_").
        links: ['http://example.com'],
      },
      {
        title: 'The title of the reference',
        authors: ['Karlus Marxus', 'Astrid Lindgren'],
        published: '2006',
        venue: 'Lorem',
        volume: '6',
        issue: '3',
        pages: 'e0815341',
        publisher: 'Dark Factory',
        doi: undefined,
        type: 'article-journal',
        citationKey: '12345',
        tags: ['Pippi Langstrumpf', 'Nordwind', 'Piraten'],
        links: ['http://example2.com'],
      },
    ])
    // The abstracts are the N2 lines, whole; the record numbers are in no field.
    expect(papers.map((paper) => paper.abstract)).toEqual(tagged(text, 'N2'))
    expect(papers.map((paper) => paper.source.line)).toEqual([2, 27])
    expect(again).toMatchObject({ added: 0, alreadyPresent: 2 })
  })

  it('reads an Embase-style export: empty tags, a DOI as a URL, an abstract on two lines', async () => {
    const { report, papers, again } = await importFixture('rispy-example_empty_tag.ris')
    expect(report).toMatchObject({ format: 'ris', added: 1, skipped: [] })
    expect(papers.map(shown)).toEqual([
      {
        title:
          'Outcome Measures After Shoulder Stabilization in the Athletic Population: A Systematic Review of Clinical and Patient-Reported Metrics',
        authors: ['Fanning E.'],
        published: '2020',
        venue: 'Orthopaedic Journal of Sports Medicine',
        volume: '8',
        issue: '9',
        pages: undefined,
        publisher: 'SAGE Publications Ltd (E-mail: info@sagepub.co.uk)',
        doi: '10.1177/2325967120950040',
        type: 'article-journal',
        citationKey: '2006713348',
        tags: ['*athlete', 'biomechanics', 'bone remodeling'],
        links: [],
      },
    ])
    expect(papers[0]?.abstract).toBe(
      'Background: Athletic endeavor can require the "athletic shoulder" to tolerate significant ' +
        'load through supraphysiological range and often under considerable repetition. Outcome ' +
        "measures are valuable when determining an athlete's safe return to sport...",
    )
    expect(again).toMatchObject({ added: 0, alreadyPresent: 1 })
  })

  it('reads a file with a byte-order mark whose only title is the short title (ST)', async () => {
    const { report, papers, again, text } = await importFixture('rispy-example_utf_chars.ris')
    expect(report).toMatchObject({ format: 'ris', added: 1, skipped: [] })
    const [shortTitle] = tagged(text, 'ST')
    expect(papers.map(shown)).toEqual([
      {
        title: shortTitle,
        authors: [
          'Yu E. Dobrokhotova',
          'R. O. Yusupova',
          'R. I. Ozerova',
          'L. Z. Fayzullin',
          'V. N. Karnaukhov',
        ],
        published: '2009',
        venue: 'Gynecology, Obstetrics and Perinatology',
        // "VO" is not an RIS tag (volume is VL); "Journal Article" is not an RIS type.
        volume: undefined,
        issue: '3',
        pages: '52–57',
        publisher: undefined,
        doi: undefined,
        type: undefined,
        citationKey: undefined,
        tags: [],
        links: [],
      },
    ])
    expect(shortTitle).toMatch(/^Состояние рецепторного аппарата эндометрия/)
    // The abstract's second line continues it.
    expect(papers[0]?.abstract).toBe(
      `${shortTitle} The state of the receptor apparatus of the endometrium and estrogen ` +
        'metabolism in endometrial hyperplasia in the late reproductive period',
    )
    expect(again).toMatchObject({ added: 0, alreadyPresent: 1 })
  })

  it('reads a ScienceDirect export, its scheme-less link made https', async () => {
    const { report, papers, again } = await importFixture('jabref-RisImporterTestScience.ris')
    expect(report).toMatchObject({ format: 'ris', added: 1, skipped: [] })
    expect(papers.map(shown)).toEqual([
      {
        title: 'Phase separation and ω transformation in binary V-Ti and ternary V-Ti-Cr alloys',
        authors: ['Chanchal Ghosh', 'Joysurya Basu', 'Divakar Ramachandran', 'E. Mohandas'],
        published: '2016-12',
        venue: 'Acta Materialia',
        volume: '121',
        issue: undefined,
        pages: '310–324',
        publisher: undefined,
        doi: '10.1016/j.actamat.2016.09.028',
        type: 'article-journal',
        citationKey: undefined,
        tags: [
          'V-Ti-Cr alloys',
          'Spinodal decomposition',
          'ω phase transformation',
          'High-resolution electron microscopy',
          'Energy-filtered transmission microscopy',
        ],
        links: ['https://www.sciencedirect.com/science/article/pii/S1359645416307273'],
      },
    ])
    // ScienceDirect writes the word "Abstract" where the abstract would be.
    expect(papers[0]?.abstract).toBe('Abstract')
    expect(again).toMatchObject({ added: 0, alreadyPresent: 1 })
  })
})
