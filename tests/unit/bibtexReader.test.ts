// What a user sees of the BibTeX reader's fixes, on the real entries that
// showed the problems (issues 15, 21 and 22): from the corpus, from
// tests/fixtures/formats/, and entries quoted in public bug reports (each with
// its address).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { lastConversion, parseBibtex } from '../../src/main/core/imports/bibtex/parseBibtex'
import { latexToText } from '../../src/main/core/imports/bibtex/latex'
import type { ParsedRecord } from '../../src/main/core/imports/parsedRecord'
import type { ImportEntriesRead } from '../../src/shared/model'

const FIXTURES = join(__dirname, '..', 'fixtures')

function corpusFile(name: string): string {
  const zip = unzipSync(readFileSync(join(FIXTURES, 'bibtex-corpus', 'corpus.zip')), {
    filter: (file) => file.name === name,
  })
  const bytes = zip[name]
  if (bytes === undefined) throw new Error(`${name} is not in the corpus`)
  return strFromU8(bytes)
}

async function recordAt(text: string, line: number): Promise<ParsedRecord | undefined> {
  return (await parseBibtex(text)).records.find((record) => record.line === line)
}

describe('accents on \\i and \\j', () => {
  it('reads Mart{\\\'\\i}n Abadi (d2l-en) as "Martín Abadi", the name a search for Martín finds', async () => {
    const record = await recordAt(corpusFile('d2l-en.bib'), 1)
    expect(record?.title).toBe('TensorFlow: A system for large-scale machine learning')
    expect(record?.authors.slice(0, 2)).toEqual(['Martín Abadi', 'Paul Barham'])
    expect(record?.authors[0]?.normalize('NFC')).toBe(record?.authors[0])
  })
})

describe('< and > and math', () => {
  it('keeps "ϰ >> 1" in an abstract (the full parser wrote "ϰ » 1")', async () => {
    const record = await recordAt(
      corpusFile('bibliotex/references/superconductivity/superheating-field.bib'),
      2,
    )
    expect(record?.abstract).toContain('in the limit ϰ >> 1.')
  })

  it('keeps a formula as $…$ with its < for KaTeX (ISOLDE), and $<$ alone as "<"', async () => {
    const isolde = await recordAt(corpusFile('bibliotex/references/cern/ISOLDE.bib'), 182)
    expect(isolde?.abstract).toContain(
      'increases in the series ${}^{8}\\mathrm{BF}_{3} < {}^{8}\\mathrm{BF} < {}^{8}\\mathrm{B} < {}^{8}\\mathrm{BF}_{2}$',
    )
    const text = '@article{k, title = {Is accuracy < 50\\%? When $a<b$ and (0$<$x)}}'
    expect((await recordAt(text, 1))?.title).toBe('Is accuracy < 50%? When $a<b$ and (0<x)')
  })

  it('reads math that stands for a character (as exporters write Unicode) as that character', async () => {
    const text = '@article{k, title = {H$_2$O and $\\alpha$-helix in Al$_{1-}$x}}'
    expect((await recordAt(text, 1))?.title).toBe('H₂O and α-helix in Al₁₋x')
  })
})

describe('@string', () => {
  it('reads several definitions in one @string, as biber and JabRef do (issue 15)', async () => {
    const text = [
      '@string{ jan = "January", feb = "February", pami = {IEEE Trans. Pattern Anal. Mach. Intell.} }',
      '@article{a, title = {One}, journal = pami, year = 2020, month = feb}',
      '@article{b, title = {Two}, journal = pami # " (Special Issue)", year = 2021, month = jan}',
    ].join('\n')
    const parsed = await parseBibtex(text)
    expect(parsed.skipped).toEqual([])
    expect(parsed.records.map((r) => [r.title, r.venue, r.published])).toEqual([
      ['One', 'IEEE Trans. Pattern Anal. Mach. Intell.', '2020-02'],
      ['Two', 'IEEE Trans. Pattern Anal. Mach. Intell. (Special Issue)', '2021-01'],
    ])
  })
})

describe("crossref, with biber's rules, in either order", () => {
  it("gives an @inbook its @book's title as venue, year and publisher (BBT fixture, parent after child)", async () => {
    const parsed = await parseBibtex(
      readFileSync(join(FIXTURES, 'formats', 'bbt-crossref-inbook.bib'), 'utf8'),
    )
    expect(parsed.records).toHaveLength(1)
    expect(parsed.records[0]).toMatchObject({
      title: 'Lebanon',
      venue: 'Global Civil Society: Dimensions of the Nonprofit Sector',
      publisher: 'Kumarian Press',
      published: '2004',
      volume: '2',
      authors: ['Hashem El-Husseini', 'Stefan Toepler', 'Lester M. Salamon'],
    })
  })

  it("gives BibDesk's @incollection chapters their books' dates and titles (books listed after)", async () => {
    const parsed = await parseBibtex(
      readFileSync(join(FIXTURES, 'formats', 'bibdesk-crossref-children-first.bib'), 'utf8'),
    )
    expect(parsed.records.map((r) => [r.citationKey, r.published, r.publisher, r.venue])).toEqual([
      [
        'Hauck_2011',
        '2011',
        'Território das Artes',
        'Fronteiras da integração: dimensões culturais do Mercosul — Fronteras de la integración: las dimensiones culturales del Mercosur',
      ],
      [
        'Hauck_2007',
        '2007',
        'Brasilienkunde Verlag',
        'Mercosul/Mercosur: Dynamik der Grenzen und kulturelle Integration',
      ],
      ['Hauck_2023j', '2023', 'Letraria', 'Cosmopolítica e linguagem'],
    ])
  })

  it('gives an @article its title through crossref to another @article (issue 15)', async () => {
    const text = [
      '@article{reprint, crossref = {original}, note = {Reprint}}',
      '@article{original, title = {On Computable Numbers}, author = {Turing, Alan}, journal = {Proc. LMS}, year = 1936}',
    ].join('\n')
    const parsed = await parseBibtex(text)
    expect(parsed.records.map((r) => [r.citationKey, r.title, r.venue])).toEqual([
      ['reprint', 'On Computable Numbers', 'Proc. LMS'],
      ['original', 'On Computable Numbers', 'Proc. LMS'],
    ])
  })
})

// The full parser skipped the entries below as an "unexpected N-part name" or an
// unterminated quote (issue 22), but for the first, which it read too.
describe('names and quotes reference managers read', () => {
  it("reads biblatex's extended name form that Better BibTeX writes (zotero-better-bibtex#1149)", async () => {
    // https://github.com/retorquere/zotero-better-bibtex/issues/1149
    const text = `@incollection{lokhorstResponsibilityMilitaryRobots2014,
  title = {Responsibility for {{Military Robots}}},
  isbn = {978-0-262-52600-5},
  booktitle = {Robot {{Ethics}}: {{The Ethical}} and {{Social Implications}} of {{Robotics}}},
  publisher = {{The MIT Press}},
  date = {2014},
  pages = {145-156},
  author = {Lokhorst, Gert-Jan and family=Hoven, given=Jeroen, prefix=van den, useprefix=true}
}`
    const parsed = await parseBibtex(text)
    expect(parsed.skipped).toEqual([])
    expect(parsed.records[0]?.authors).toEqual(['Gert-Jan Lokhorst', 'Jeroen van den Hoven'])
  })

  it('reads an entry whose editors are listed with commas only (plk/biber#261)', async () => {
    // https://github.com/plk/biber/issues/261
    const text = `@book{Tegmark1998,
  title   = {Measuring the Galaxy Power Spectrum with Future Redshift Surveys},
  author  = {Emma Sigfridsson},
  editor  = {Tegmark M., Hamilton A.J.S., Strauss M.S., Szalay A.S.},
  journal = {ApJ},
  pages   = {499-555},
  year    = {1998}
}`
    const parsed = await parseBibtex(text)
    expect(parsed.skipped).toEqual([])
    expect(parsed.records[0]).toMatchObject({
      title: 'Measuring the Galaxy Power Spectrum with Future Redshift Surveys',
      authors: ['Emma Sigfridsson'],
      published: '1998',
    })
  })

  it('reads authors that lost their "and"s as the people they name (a hand-kept bibliography)', async () => {
    const record = await recordAt(
      corpusFile('bibliotex/references/ion-implantation/H-in-Si.bib'),
      14,
    )
    expect(record?.title).toBe('Random stopping power for protons in silicon')
    expect(record?.authors).toEqual([
      'C. Foster',
      'W. H. Kool',
      'W. F. van der Weg',
      'H. E. Roosendaal',
    ])
  })

  it('reads a ScienceDirect abstract with quotes inside its quoted value (renanbr/bibtex-parser#48)', async () => {
    // https://github.com/renanbr/bibtex-parser/issues/48 (the abstract as quoted there)
    const text = `@article{XU20171077,
title = "Cost Extension Control Model in Digital Context: From Continuous Cost Reduction to Value Co-creation",
journal = "Procedia Computer Science",
volume = "122",
pages = "1077 - 1083",
year = "2017",
author = "Ling Xu and Chengxiao Zhang and Jing Guo and Xingsen Li",
abstract = "Digital technology has brought about great changes in organizational structure, the way of value creation and profit-making methods, which brings new challenges to cost control based on **"chain"**. In this paper, cost control in digital context is promoted to the pattern design level."
}`
    const parsed = await parseBibtex(text)
    expect(parsed.skipped).toEqual([])
    expect(parsed.records[0]?.abstract).toBe(
      'Digital technology has brought about great changes in organizational structure, the way of value creation and profit-making methods, which brings new challenges to cost control based on **"chain"**. In this paper, cost control in digital context is promoted to the pattern design level.',
    )
    expect(parsed.records[0]?.authors).toEqual([
      'Ling Xu',
      'Chengxiao Zhang',
      'Jing Guo',
      'Xingsen Li',
    ])
  })
})

describe('progress', () => {
  it('knows how many entries there are as soon as the scan is done, before converting any', async () => {
    const text = corpusFile('d2l-en.bib')
    const reports: [number, number][] = []
    await parseBibtex(text, { onProgress: (done, total) => reports.push([done, total]) })
    expect(reports[0]).toEqual([0, 488])
    expect(reports.at(-1)).toEqual([488, 488])
  })
})

describe('the entries a preview lists while the file is read', () => {
  it('names the first 200 entries with their titles as the records will have them, before converting the rest', async () => {
    const text = corpusFile('d2l-en.bib')
    const events: string[] = []
    let listed: ImportEntriesRead | undefined
    const { records } = await parseBibtex(text, {
      onEntries: (entries) => {
        listed = entries
        events.push('entries')
      },
      onProgress: (done) => events.push(`progress ${done}`),
    })
    expect(listed?.count).toBe(488)
    expect(listed?.first.length).toBe(200)
    expect(listed?.first[0]).toEqual({
      key: 'Abadi.Barham.Chen.ea.2016',
      title: 'TensorFlow: A system for large-scale machine learning',
    })
    // Every title listed is the title its paper gets (accents converted: "Martín").
    expect(listed?.first.map((entry) => entry.title)).toEqual(
      records.slice(0, 200).map((record) => record.title),
    )
    // Listed right after the scan, before any entry was converted.
    expect(events.slice(0, 2)).toEqual(['progress 0', 'entries'])
    expect(events.at(-1)).toBe('progress 488')
  })
})

describe('underscores and carets outside math', () => {
  it('converts the library ids of a Mendeley export ("ID: TN_sage_s10_1177…") by table, as the full parser writes them', async () => {
    expect(latexToText('ID: TN_sage_s10_1177_1464884919845458')).toBe(
      'ID: TN_sage_s10_1177_1464884919845458',
    )
    expect(latexToText('C^13 NMR of H_2O')).toBe('C^13 NMR of H_2O')
    // A subscript group or command is still the full parser's to read.
    expect(latexToText('H_{2}O')).toBeUndefined()
    expect(latexToText('x_\\alpha')).toBeUndefined()
    await parseBibtex(corpusFile('bbt-mendeley.bib'))
    // 17 of its 3,496 values go to the full parser (226 before).
    expect(lastConversion).toEqual({ fast: 3479, fallback: 17 })
  })
})
