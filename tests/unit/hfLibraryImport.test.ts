// Hugging Face forms through the whole import: the CLI says what it read, the
// library keeps every field, a second import of the same file adds nothing,
// and an export read back gives the same papers.
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/run'
import type { CliIo } from '../../src/main/cli/run'
import type { Paper } from '../../src/shared/model'
import { makeDir, openAt, removeDir } from './libraryFixture'
import { allPapers } from './support/libraryPapers'

const FIXTURES = resolve(__dirname, '../fixtures/formats')

let dir: string
beforeEach(async () => {
  dir = await makeDir()
})
afterEach(async () => {
  await removeDir(dir)
})

function io(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = []
  const stderr: string[] = []
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s), env: {} }
}

const FORMS: [string, string, number][] = [
  ['hf-api-daily-papers-2026-06-12.json', 'Hugging Face API JSON', 30],
  ['hf-api-daily-papers-pretty.json', 'Hugging Face API JSON', 3],
  ['hf-search-lynx-dump.txt', 'a Hugging Face papers page (markdown or text-browser capture)', 34],
  ['hf-trending-markdown.md', 'a Hugging Face papers page (markdown or text-browser capture)', 50],
]

describe.each(FORMS)('importing %s with the CLI', (name, formatName, count) => {
  it(`says it read ${formatName}, adds ${count} papers, and adds nothing the second time`, async () => {
    const library = join(dir, 'library')
    const file = resolve(FIXTURES, name)
    const first = io()
    expect(await runCli(['import', file, '--library', library], first)).toBe(0)
    expect(first.stdout[0]).toMatch(
      new RegExp(`^Imported ${name}: ${count} added, 0 already present, \\d+ skipped$`),
    )
    expect(first.stdout.at(-1)).toBe(`  read as ${formatName}`)
    const again = io()
    expect(await runCli(['import', file, '--library', library], again)).toBe(0)
    expect(again.stdout[0]).toMatch(
      new RegExp(`^Imported ${name}: 0 added, ${count} already present, \\d+ skipped$`),
    )
  })
})

describe('a capture cut off in the middle of a paper, imported with the CLI', () => {
  it('adds that paper with what is there and says what is missing', async () => {
    const library = join(dir, 'library')
    const file = resolve(FIXTURES, 'hf-search-lynx-dump.txt')
    const out = io()
    expect(await runCli(['import', file, '--library', library], out)).toBe(0)
    expect(out.stdout.slice(0, 2)).toEqual([
      'Imported hf-search-lynx-dump.txt: 34 added, 0 already present, 0 skipped',
      '  line 939: imported incomplete: "Reducing Distraction in Long-Context Language Models by Focused Learning": the capture ends inside its abstract; imported with the first 123 characters of it, and no authors, date or comments',
    ])
    const opened = await openAt(library)
    const paper = (await allPapers(opened)).find((p) => p.title.startsWith('Reducing Distraction'))
    await opened.close()
    expect(paper?.abstract).toBe(
      'Recent advancements in Large Language Models (LLMs) have significantly enhanced their capacity to process long contexts. Ho',
    )
  })
})

describe('a copied Daily Papers page that stops inside its last paper', () => {
  it('is imported whole but for what the copy lost, and the report says which paper', async () => {
    const lines = (
      await readFile(resolve(__dirname, '../fixtures/hf-daily-papers.txt'), 'utf8')
    ).split('\n')
    // Up to the last title (line 425) and 100 characters of its abstract.
    const text = [...lines.slice(0, 425), '', (lines[426] ?? '').slice(0, 100)].join('\n')
    const library = await openAt(dir)
    const report = await library.api.importText({ text, fileName: 'copied.txt' })
    await library.close()
    expect(report).toMatchObject({ format: 'hf-daily-papers', added: 53, skipped: [] })
    expect(report.partial?.map((entry) => entry.line)).toEqual([425])
  })
})

describe('a Hugging Face paper in the library', () => {
  async function imported(): Promise<Paper> {
    const library = await openAt(dir)
    const text = await readFile(resolve(FIXTURES, 'hf-api-daily-papers-2026-06-12.json'), 'utf8')
    await library.api.importText({ text, fileName: 'daily.json' })
    const papers = await allPapers(library)
    await library.close()
    const msa = papers.find((p) => p.arxivId === '2606.13392')
    if (msa === undefined) throw new Error('MiniMax Sparse Attention was not imported')
    return msa
  }

  it('keeps the Daily Papers day, counts, code, project page and the AI fields after reopening', async () => {
    await imported()
    const reopened = await openAt(dir)
    const msa = (await allPapers(reopened)).find((p) => p.arxivId === '2606.13392')
    await reopened.close()
    expect(msa).toMatchObject({
      title: 'MiniMax Sparse Attention',
      dailyDate: '2026-06-12',
      published: '2026-06-11',
      comments: 4,
      upvotes: 103,
      githubRepo: 'https://github.com/MiniMax-AI/MSA',
      githubStars: 251,
      organization: 'MiniMax',
      source: { format: 'hf-api-json', fileName: 'daily.json' },
    })
    expect(msa?.authors).toHaveLength(11)
    expect(msa?.aiKeywords).toHaveLength(9)
    expect(
      msa?.aiSummary?.startsWith('MiniMax Sparse Attention enables efficient processing'),
    ).toBe(true)
  })

  it('is found by a word only its AI summary has, and by an AI keyword', async () => {
    await imported()
    const library = await openAt(dir)
    // No title or abstract of the day says "security" or "gFID"; one AI summary and one keyword do.
    const bySummary = await library.api.listPapers({ query: 'security', offset: 0, limit: 5 })
    const byKeyword = await library.api.listPapers({ query: 'gFID', offset: 0, limit: 5 })
    await library.close()
    expect(bySummary.items.map((p) => p.title)).toEqual(['The Cold-Start Safety Gap in LLM Agents'])
    expect(byKeyword.items.map((p) => p.title)).toEqual([
      'IDEAL: In-DEpth ALignment Makes A Discrete Representation AutoEncoder',
    ])
  })

  it('exported as CSL-JSON and read back, is the same paper: title, abstract, names, id, date', async () => {
    const first = await openAt(dir)
    const text = await readFile(resolve(FIXTURES, 'hf-api-daily-papers-2026-06-12.json'), 'utf8')
    await first.api.importText({ text, fileName: 'daily.json' })
    const exported = await first.api.exportPapers({
      format: 'csl-json',
      scope: { kind: 'library' },
    })
    const before = await allPapers(first, 'title')
    await first.close()
    const otherDir = await makeDir()
    try {
      const second = await openAt(otherDir)
      const report = await second.api.importText({
        text: exported.files[0]?.text ?? '',
        fileName: 'x.json',
      })
      const after = await allPapers(second, 'title')
      await second.close()
      expect(report).toMatchObject({ format: 'csl-json', added: 30, skipped: [] })
      const carried = (p: Paper) => [p.title, p.abstract, p.authors, p.arxivId, p.published]
      expect(after.map(carried)).toEqual(before.map(carried))
    } finally {
      await removeDir(otherDir)
    }
  })
})
