// Property: whatever page a user feeds in, no importer makes a paper whose
// title is markup, page furniture, a date or a paragraph. Random pages are
// assembled from the lines of real captures (a text browser's dump, a
// scraper's markdown, the copied text of a Daily Papers page), runs of those
// lines in order (so that real structure appears), and the boilerplate such
// pages carry; each page goes through format detection and through every
// importer directly. An importer may refuse a page; what it accepts must look
// like papers.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseArxivAtom } from '../../src/main/core/imports/arxivAtom'
import { parseBibtex } from '../../src/main/core/imports/bibtex'
import { parseCslJson } from '../../src/main/core/imports/cslJson'
import { parseHfApiJson } from '../../src/main/core/imports/hf/apiJson'
import { parseHfPageCapture } from '../../src/main/core/imports/hf/pageCapture'
import { parseHfSavedHtml } from '../../src/main/core/imports/hf/savedHtml'
import { parseListingRecords } from '../../src/main/core/imports/listingRecords'
import type { ParsedImport } from '../../src/main/core/imports/parsedRecord'
import { readImport } from '../../src/main/core/imports/readImport'
import { parseRis } from '../../src/main/core/imports/ris'

const FIXTURES = resolve(__dirname, '../fixtures')
const RUNS = Number(process.env['OFFPRINT_FUZZ_RUNS'] ?? 150)

function linesOf(path: string): string[] {
  return readFileSync(resolve(FIXTURES, path), 'utf8').split('\n')
}

const SOURCES = [
  linesOf('formats/hf-search-lynx-dump.txt'),
  linesOf('formats/hf-trending-markdown.md'),
  linesOf('hf-daily-papers.txt'),
]

/** Lines of one real firecrawl capture of a search page (its own shape: links around everything). */
const FIRECRAWL = [
  '[101](https://huggingface.co/login?next=%2Fpapers%2F2606.00683)',
  '### [OCC-RAG: Optimal Cognitive Core for Faithful Question Answering](https://huggingface.co/papers/2606.00683)',
  '[Recent progress in the development of language models has been defined by scale.](https://huggingface.co/papers/2606.00683)',
  '[![occ-ai](https://cdn-avatars.huggingface.co/v1/production/uploads/661e44cf1d8ffc49b57ba07e/jibWvvUHa3KlYL-tXkek0.png)OCC](https://huggingface.co/occ-ai)',
  'May 29[6](https://huggingface.co/papers/2606.00683#community)',
  '[- 10 authors](https://huggingface.co/papers/2609.00319)',
  '[- ![](https://huggingface.co/avatars/c40b0b0784345b1cdf0679cd50088958.svg)\\\\',
  '### [The Noisy Path from Source to Citation: Measuring How Scholars Engage\\  with Past Research](https://huggingface.co/papers/2502.20581)',
]

const BOILERPLATE = [
  '',
  '',
  '# Web source',
  '- URL: https://huggingface.co/papers?q=Long-context+ASR',
  '```text',
  '```',
  '[Content truncated]',
  'Get trending papers in your email inbox!',
  'Get trending papers in your email inbox once a day!',
  '[Subscribe][29]',
  '[Subscribe](https://huggingface.co/login?next=%2Fpapers)',
  '# Daily Papers',
  '## by[AK][30] and the research community',
  '## Trending Papers',
  '* Daily',
  '- Weekly',
  'Monthly',
  'Jun 29',
  'Oct 13, 2025',
  '·',
  '* 3 authors',
  '- 8 authors',
  '[',
  '][33]',
  '-',
  '65',
  '[LINK: GitHub 11.3k](https://github.com/microsoft/agent-lightning)',
  '* [ Models ][2]',
  '* [Log In][27]',
  '### [',
  '###',
  '### Jun 29',
  '### [Subscribe][29]',
  '### - 8 authors',
  'new',
  'Subscribe',
  '--------------------',
]

/** What a title must never be. */
function problemOf(title: string): string | undefined {
  if (/\]\[|\]\(|^\[|^#|^```|^[*·•]\s|^- /.test(title)) return 'markup'
  if (
    /content truncated|get trending papers|^subscribe$|^daily papers$|^web source$/i.test(title)
  ) {
    return 'boilerplate'
  }
  if (/^[A-Z][a-z]{2} \d{1,2}(, \d{4})?( \d+)?$/.test(title)) return 'a date'
  if (/^\d+$|^-$|^\d+ authors?$/.test(title)) return 'a count'
  if (title.length > 300 || (title.match(/\. [A-Z]/g)?.length ?? 0) >= 2) return 'a paragraph'
  return undefined
}

const line = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...BOILERPLATE) },
  { weight: 3, arbitrary: fc.constantFrom(...SOURCES.flat()) },
  { weight: 1, arbitrary: fc.constantFrom(...FIRECRAWL) },
)
// A run of consecutive real lines: papers as the capture has them, cut anywhere.
const run = fc
  .tuple(fc.nat(SOURCES.length - 1), fc.nat(), fc.integer({ min: 1, max: 60 }))
  .map(([s, start, length]) => {
    const source = SOURCES[s] ?? []
    const from = start % source.length
    return source.slice(from, from + length)
  })
const page = fc
  .array(
    fc.oneof(
      line.map((l) => [l]),
      run,
    ),
    { minLength: 1, maxLength: 40 },
  )
  .map((parts) => parts.flat().join('\n'))

const TODAY = '2026-06-29'
const IMPORTERS: [string, (text: string) => Promise<ParsedImport> | ParsedImport][] = [
  ['detection', (text) => readImport(text, { today: TODAY })],
  ['page capture', (text) => parseHfPageCapture(text, { today: TODAY })],
  ['copied listing', (text) => parseListingRecords(text, { today: TODAY })],
  ['saved HTML', (text) => parseHfSavedHtml(text)],
  ['API JSON', (text) => parseHfApiJson(text)],
  ['BibTeX', (text) => parseBibtex(text)],
  ['RIS', (text) => parseRis(text)],
  ['CSL-JSON', (text) => parseCslJson(text)],
  ['arXiv Atom', (text) => parseArxivAtom(text)],
]

async function titlesOf(
  read: (text: string) => Promise<ParsedImport> | ParsedImport,
  text: string,
) {
  try {
    return (await read(text)).records.map((r) => r.title)
  } catch {
    return [] // refused: nothing imported, which is allowed
  }
}

describe('titles of pages assembled from real captures and boilerplate', () => {
  it.each(IMPORTERS)(
    '%s never imports markup, boilerplate, a date or a paragraph as a title',
    async (_name, read) => {
      await fc.assert(
        fc.asyncProperty(page, async (text) => {
          const bad = (await titlesOf(read, text)).flatMap((title) => {
            const problem = problemOf(title)
            return problem === undefined ? [] : [`${problem}: ${title}`]
          })
          expect(bad).toEqual([])
        }),
        { numRuns: RUNS, seed: 15 },
      )
    },
  )

  it('the property can fail: the problems it looks for are found in a capture read as plain text', () => {
    const dump = SOURCES[0] ?? []
    expect(dump.filter((l) => problemOf(l.trim()) !== undefined).length).toBeGreaterThan(100)
  })
})
