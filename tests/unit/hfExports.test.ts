// A Hugging Face paper exported: the fields HF gives it (organization, the
// Daily Papers day, upvotes, comments, code and its stars, the AI summary and
// keywords) have no field in BibTeX, RIS or CSL-JSON, so each export writes
// them where that format keeps extras, under the same names; an import reads
// them back (the round trips are in roundTrip.test.ts).
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExportFormat } from '../../src/shared/model'
import { makeDir, openAt, removeDir } from './libraryFixture'
import { allPapers } from './support/libraryPapers'

const FIXTURES = resolve(__dirname, '../fixtures/formats')

const DAILY = resolve(FIXTURES, 'hf-api-daily-papers-2026-06-12.json')

/** The AI summary and keywords the API gave the paper, as the file has them. */
async function aiFields(): Promise<{ summary: string; keywords: string[] }> {
  const items = JSON.parse(await readFile(DAILY, 'utf8')) as {
    paper: { id: string; ai_summary: string; ai_keywords: string[] }
  }[]
  const paper = items.find((item) => item.paper.id === '2606.13392')?.paper
  return { summary: paper?.ai_summary ?? '', keywords: paper?.ai_keywords ?? [] }
}

let dir: string
beforeEach(async () => {
  dir = await makeDir()
})
afterEach(async () => {
  await removeDir(dir)
})

/** MiniMax Sparse Attention, of the real API answer of 2026-06-12, exported alone. */
async function exportMsa(format: ExportFormat): Promise<string[]> {
  const library = await openAt(dir)
  const text = await readFile(DAILY, 'utf8')
  await library.api.importText({ text, fileName: 'daily.json' })
  const msa = (await allPapers(library)).find((p) => p.arxivId === '2606.13392')
  const exported = await library.api.exportPapers({
    format,
    scope: { kind: 'selection', paperIds: [msa?.id ?? ''] },
  })
  await library.close()
  return exported.files.flatMap((file) => file.text.split('\n'))
}

describe("a Hugging Face paper's own fields in exports", () => {
  it('are BibTeX fields of their own', async () => {
    const { summary: SUMMARY, keywords: KEYWORDS } = await aiFields()
    expect(KEYWORDS).toHaveLength(9)
    const lines = (await exportMsa('bibtex')).map((line) => line.replace(/ +=/, ' ='))
    expect(lines.filter((line) => /^ {2}(organization|hf|github|projectpage)/.test(line))).toEqual([
      '  organization = {MiniMax},',
      '  hfdaily = {2026-06-12},',
      '  hfupvotes = {103},',
      '  hfcomments = {4},',
      '  github = {https://github.com/MiniMax-AI/MSA},',
      '  githubstars = {251},',
      `  hfsummary = {${SUMMARY}},`,
      `  hfkeywords = {${KEYWORDS.join('; ')}},`,
    ])
  })

  it("are CSL-JSON's custom data, with numbers and lists as JSON has them", async () => {
    const { summary: SUMMARY, keywords: KEYWORDS } = await aiFields()
    const [item] = JSON.parse((await exportMsa('csl-json')).join('\n')) as Record<string, unknown>[]
    expect(item?.['custom']).toEqual({
      organization: 'MiniMax',
      hfdaily: '2026-06-12',
      hfupvotes: 103,
      hfcomments: 4,
      github: 'https://github.com/MiniMax-AI/MSA',
      githubstars: 251,
      hfsummary: SUMMARY,
      hfkeywords: KEYWORDS,
    })
  })

  it('are RIS notes of "name: value", as Zotero writes its extra fields', async () => {
    const { summary: SUMMARY, keywords: KEYWORDS } = await aiFields()
    const lines = await exportMsa('ris')
    expect(lines.filter((line) => line.startsWith('N1  - '))).toEqual([
      'N1  - organization: MiniMax',
      'N1  - hfdaily: 2026-06-12',
      'N1  - hfupvotes: 103',
      'N1  - hfcomments: 4',
      'N1  - github: https://github.com/MiniMax-AI/MSA',
      'N1  - githubstars: 251',
      `N1  - hfsummary: ${SUMMARY}`,
      `N1  - hfkeywords: ${KEYWORDS.join('; ')}`,
    ])
  })

  it("are in the vault note's front matter", async () => {
    const { summary: SUMMARY, keywords: KEYWORDS } = await aiFields()
    const lines = await exportMsa('markdown')
    expect(lines.filter((line) => /^(organization|hf|github|projectpage)/.test(line))).toEqual([
      'organization: "MiniMax"',
      'hfdaily: "2026-06-12"',
      'hfupvotes: 103',
      'hfcomments: 4',
      'github: "https://github.com/MiniMax-AI/MSA"',
      'githubstars: 251',
      `hfsummary: ${JSON.stringify(SUMMARY)}`,
      `hfkeywords: [${KEYWORDS.map((k) => JSON.stringify(k)).join(', ')}]`,
    ])
  })
})

describe('extra fields a file gives by hand', () => {
  it('are read from a Zotero CSL-JSON note, and a value of the wrong kind is left out', async () => {
    const library = await openAt(dir)
    const item = {
      id: 'msa',
      type: 'article',
      title: 'MiniMax Sparse Attention',
      note: 'hfupvotes: 103\nhfdaily: 2026-06-12\ngithubstars: many\ngithub: not a url',
    }
    await library.api.importText({ text: JSON.stringify([item]), fileName: 'zotero.json' })
    const [paper] = await allPapers(library)
    await library.close()
    expect(paper).toMatchObject({ upvotes: 103, dailyDate: '2026-06-12' })
    expect([paper?.githubStars, paper?.githubRepo]).toEqual([undefined, undefined])
  })
})

describe('an organization with "and" in its name', () => {
  it('is braced whole in BibTeX, so it comes back as one organization, not two', async () => {
    const library = await openAt(dir)
    const item = {
      id: 'mmhu',
      title: 'A paper of one group',
      custom: { organization: 'Multimedia and Human Understanding Group' },
    }
    await library.api.importText({ text: JSON.stringify([item]), fileName: 'x.json' })
    const exported = await library.api.exportPapers({
      format: 'bibtex',
      scope: { kind: 'library' },
    })
    await library.close()
    const bib = exported.files[0]?.text ?? ''
    expect(bib).toContain('organization = {{Multimedia and Human Understanding Group}},')
    const other = await makeDir()
    try {
      const again = await openAt(other)
      await again.api.importText({ text: bib, fileName: 'x.bib' })
      const [paper] = await allPapers(again)
      await again.close()
      expect(paper?.organization).toBe('Multimedia and Human Understanding Group')
    } finally {
      await removeDir(other)
    }
  })
})
