// `npm run bench`: related papers and link suggestions at 10k and 50k papers.
//
// Builds synthetic libraries whose abstracts are remixed from the fixture's
// real ones (sentences shuffled, a share of words swapped for others of the
// same vocabulary, plus rare made-up terms, as real abstracts have), writes
// them as a library folder, opens it with the real core and times the API
// calls. Each time is printed with its ratio to a reference measured in the
// same run on the same data: one pass over every abstract (String#includes),
// the least any "compare with the whole library" approach would cost.
// Timings never fail the run: this machine is shared and noisy. The issue's
// target is printed beside them (related papers: ≤ 50 ms at 50k papers).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { parseHfListing } from '../../src/main/library/importers/hfListing'
import { Library } from '../../src/main/library/library'
import { LIBRARY_FILE, PAPERS_FILE, SCHEMA_VERSION } from '../../src/main/library/libraryFiles'
import type { Paper } from '../../src/shared/model'

const FIXTURE = resolve(__dirname, '../fixtures/hf-daily-papers.txt')
const SIZES = [10_000, 50_000]
const QUERIES = 200
const TARGET_MS = 50

/** A small deterministic generator, so every run benchmarks the same library. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

async function syntheticPapers(count: number): Promise<Paper[]> {
  const listing = parseHfListing(await readFile(FIXTURE, 'utf8'), {
    pageDate: '2026-02-09',
    today: '2026-02-10',
  })
  const sources = listing.papers
  const vocabulary = sources.flatMap((paper) => paper.abstract.split(/\s+/))
  const next = random(42)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  const at = '2026-02-10T00:00:00.000Z'
  return Array.from({ length: count }, (_, i) => {
    const base = pick(sources)
    const sentences = base.abstract.split(/(?<=\.)\s+/).sort(() => next() - 0.5)
    const abstract = sentences
      .join(' ')
      .split(' ')
      .map((word) => (next() < 0.3 ? pick(vocabulary) : word))
      .concat(Array.from({ length: 4 }, () => `term${Math.floor(next() * 200_000)}`))
      .join(' ')
    const title = base.title
      .split(' ')
      .map((word) => (next() < 0.3 ? pick(vocabulary) : word))
      .join(' ')
    return {
      id: `paper-${i}`,
      title,
      abstract,
      authors: [],
      links: [],
      upvotes: 0,
      tags: [],
      status: 'unread',
      starred: false,
      addedAt: at,
      updatedAt: at,
      source: { format: 'hf-daily-papers', importedAt: at },
    }
  })
}

function time(run: () => unknown): number {
  const start = performance.now()
  run()
  return performance.now() - start
}

async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await run()
  return performance.now() - start
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

function percentile95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length * 0.95)] ?? 0
}

function row(label: string, ms: number, reference: number, note = ''): string {
  const ratio = reference > 0 ? `${(ms / reference).toFixed(2)}× scan` : ''
  return `  ${label.padEnd(40)} ${ms.toFixed(2).padStart(9)} ms  ${ratio.padStart(12)}  ${note}`
}

describe('related papers and link suggestions', () => {
  for (const size of SIZES) {
    it(`at ${size.toLocaleString('en')} papers`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'offprint-bench-'))
      try {
        const papers = await syntheticPapers(size)
        await writeFile(
          join(dir, LIBRARY_FILE),
          JSON.stringify({ schemaVersion: SCHEMA_VERSION, createdAt: 'now', settings: {} }),
        )
        await writeFile(join(dir, PAPERS_FILE), JSON.stringify({ papers }))
        const library = await Library.open(dir)
        const next = random(7)
        const ids = Array.from(
          { length: QUERIES },
          () => papers[Math.floor(next() * papers.length)]?.id ?? '',
        )

        // The reference: one pass over every abstract.
        const scans = ids.map(() =>
          time(() => papers.filter((paper) => paper.abstract.includes('robot policy')).length),
        )
        const scan = median(scans)

        const build = await timeAsync(() => library.getRelatedPapers({ id: ids[0] ?? '' }))
        const queries: number[] = []
        for (const id of ids) {
          queries.push(await timeAsync(() => library.getRelatedPapers({ id })))
        }
        // One new paper makes the next query rebuild the weights from the cached word counts.
        await library.createNote({ title: 'unrelated' })
        await library.importText({
          text: 'Daily Papers\n\nA New Robot Paper\n\nRobot policies generalize.\n\n  • 1 authors\n·\nJan 5, 2026\n',
        })
        const rebuild = await timeAsync(() => library.getRelatedPapers({ id: ids[1] ?? '' }))

        const words = ['t', 'to', 'too', 'tool', 'tool r', 'tool ret', 'tool retrieval']
        const suggestions: number[] = []
        for (const query of words) {
          suggestions.push(await timeAsync(() => library.suggestLinkTargets({ query })))
        }

        const lines = [
          `related papers @ ${size.toLocaleString('en')} papers (reference: one scan of all abstracts, ${scan.toFixed(2)} ms)`,
          row('first query (builds the index)', build, scan),
          row(`query, median of ${QUERIES}`, median(queries), scan, `target ≤ ${TARGET_MS} ms`),
          row(`query, 95th percentile`, percentile95(queries), scan),
          row('first query after an import (rebuild)', rebuild, scan),
          row('[[ autocomplete, median per keystroke', median(suggestions), scan),
        ]
        console.log(lines.join('\n'))
        expect(queries).toHaveLength(QUERIES)
        await library.close()
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    })
  }
})
