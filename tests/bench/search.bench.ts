// Search speed at 100k papers (npm run bench): index build, query p95 over a
// fixed set of 50 mixed queries, and the cost of re-indexing one edited paper.
// Each figure is printed beside a reference measured in the same run over the
// same texts (a plain linear scan), and their ratio, since this machine is
// shared and absolute times wander. Deterministic: the papers are recombined
// from the fixture's words with a seeded generator. Targets: build ≤ 2 s,
// query p95 ≤ 20 ms, update ≤ 5 ms.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ReadingStatus } from '../../src/shared/model'
import { highlightRanges } from '../../src/main/library/search/highlightRanges'
import { parseQuery } from '../../src/main/library/search/queryParser'
import { SearchIndex, type SearchDocument } from '../../src/main/library/search/searchIndex'

const PAPERS = Number(process.env['OFFPRINT_BENCH_PAPERS'] ?? 100_000)
const SEED = 20260209
const FIXTURE = fileURLToPath(new URL('../fixtures/hf-daily-papers.txt', import.meta.url))

/** mulberry32: a tiny seeded generator, so every run indexes the same library. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function syntheticLibrary(count: number): SearchDocument[] {
  const text = readFileSync(FIXTURE, 'utf8')
  const words = text.split(/\s+/).filter((word) => /^[A-Za-z][A-Za-z-]*[A-Za-z]$/.test(word))
  const capitalized = [...new Set(words.filter((word) => /^[A-Z][a-z]{3,}$/.test(word)))]
  const next = random(SEED)
  const pick = <T>(from: readonly T[]): T => from[Math.floor(next() * from.length)] as T
  const run = (min: number, max: number): string =>
    Array.from({ length: min + Math.floor(next() * (max - min)) }, () => pick(words)).join(' ')
  const organizations = Array.from(
    { length: 400 },
    () => `${pick(capitalized)} ${pick(capitalized)} Lab`,
  )
  const tags = ['rl', 'agents', 'tools', 'vision', 'robotics', 'survey', 'benchmark', 'to-read']
  const statuses: ReadingStatus[] = ['unread', 'unread', 'unread', 'reading', 'read']
  return Array.from({ length: count }, (_, i) => {
    const year = 2018 + Math.floor(next() * 9)
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0')
    return {
      id: `paper-${i}`,
      // Real lengths: titles of 6–14 words, abstracts of 150–260 words (~1.3 KB).
      title: run(6, 14),
      abstract: `${run(150, 260)}.`,
      authors: Array.from(
        { length: 1 + Math.floor(next() * 6) },
        () => `${pick(capitalized)} ${pick(capitalized)}`,
      ),
      organization: pick(organizations),
      tags: next() < 0.2 ? [pick(tags)] : [],
      note: next() < 0.05 ? run(20, 200) : '',
      status: pick(statuses),
      starred: next() < 0.05,
      published: `${year}-${month}-15`,
    }
  })
}

const QUERIES = [
  'tool retrieval',
  'reinforcement learning',
  'generalization',
  'multimodal reasoning',
  'languag',
  'benchmark tool',
  'retreival',
  'agnet',
  'reasoning -survey',
  '"tool learning"',
  '"large language models"',
  'title:tool',
  'title:"tool retrieval"',
  'author:lovelace',
  'tag:rl',
  'is:starred',
  'is:unread tool',
  'is:reading',
  'has:note',
  'year:2024',
  'year:2023..2025 agent',
  'tool year:2020',
  'is:starred has:note',
  'robot manipulation',
  'gen',
  'ret',
  'diffusion model',
  'grokking memorization',
  'zero-shot',
  'GPT-4',
  'cross-domain transfer',
  'policy optimization -robot',
  'documentation',
  'documentaton',
  'embodiment',
  'visual reasoning tool',
  'trajectory',
  'reward model',
  'in:"Reading list"',
  'foo:bar tool',
  'contrastive',
  'hierarchical optimization',
  'instruction diversity',
  'is:read -is:starred',
  'scaling laws',
  'tool -tool',
  'a',
  'supply chain backdoor',
  'mathematical reasoning rl',
  'interaction rounds',
]

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(2)} ms`
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}

function report(name: string, ms: number, referenceMs: number, target: string): void {
  const ratio = referenceMs > 0 ? (ms / referenceMs).toFixed(2) : '–'
  console.log(
    `${name.padEnd(34)} ${seconds(ms).padStart(10)}   reference ${seconds(referenceMs).padStart(10)}   ratio ${ratio.padStart(6)}   target ${target}`,
  )
}

/** The reference: a naive search that lowercases every text and looks for each word in it. */
function linearScan(documents: readonly SearchDocument[], query: string): number {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => /^[a-z0-9]+$/.test(word))
  let hits = 0
  for (const doc of documents) {
    const text =
      `${doc.title}\n${doc.abstract}\n${doc.authors.join('\n')}\n${doc.organization ?? ''}\n${doc.tags.join('\n')}\n${doc.note}`.toLowerCase()
    if (words.every((word) => text.includes(word))) hits++
  }
  return hits
}

function main(): void {
  const documents = syntheticLibrary(PAPERS)
  const megabytes =
    documents.reduce(
      (sum, doc) => sum + doc.title.length + doc.abstract.length + doc.note.length,
      0,
    ) / 1e6
  console.log(
    `search bench: ${PAPERS} synthetic papers, ${megabytes.toFixed(0)} MB of text, seed ${SEED}`,
  )

  const scanStart = performance.now()
  linearScan(documents, 'zzzzqqq')
  const scanMs = performance.now() - scanStart

  const buildStart = performance.now()
  const index = new SearchIndex()
  for (const doc of documents) index.upsert(doc)
  index.finishBuild()
  const buildMs = performance.now() - buildStart
  report('build (index every paper)', buildMs, scanMs, '≤ 2 s')

  const context = { collections: [] }
  const queryTimes: number[] = []
  const scanTimes: number[] = []
  const hits: number[] = []
  for (const query of QUERIES) {
    const start = performance.now()
    const parsed = parseQuery(query)
    const result = index.search(parsed, context)
    // What the list shows first: one page of rows with their title matches.
    const firstPage = result.ranked ? result.hits.slice(0, 200) : result.ids.slice(0, 200)
    for (const id of firstPage) {
      highlightRanges(documents[Number(id.slice(6))]?.title ?? '', 'title', result.highlight)
    }
    queryTimes.push(performance.now() - start)
    hits.push(result.ranked ? result.hits.count : result.ids.length)
    const scanStart = performance.now()
    linearScan(documents, query)
    scanTimes.push(performance.now() - scanStart)
  }
  report('query p50 (50 mixed queries)', percentile(queryTimes, 50), percentile(scanTimes, 50), '')
  report(
    'query p95 (50 mixed queries)',
    percentile(queryTimes, 95),
    percentile(scanTimes, 95),
    '≤ 20 ms',
  )
  report('query max', Math.max(...queryTimes), Math.max(...scanTimes), '')
  if (process.env['OFFPRINT_BENCH_VERBOSE'] !== undefined) {
    QUERIES.forEach((query, i) =>
      console.log(
        `  ${query.padEnd(30)} ${String(hits[i]).padStart(7)} hits  ${seconds(queryTimes[i] ?? 0)}`,
      ),
    )
  }

  // One edit: a note written on one paper, then its star toggled.
  const updateTimes: number[] = []
  const next = random(SEED + 1)
  for (let i = 0; i < 200; i++) {
    const doc = documents[Math.floor(next() * documents.length)] as SearchDocument
    const start = performance.now()
    index.upsert({ ...doc, note: `${doc.note} revisited: tool retrieval matters ${i}` })
    updateTimes.push(performance.now() - start)
  }
  const oneScanStart = performance.now()
  linearScan(documents, 'zzzzqqq')
  const oneScanMs = performance.now() - oneScanStart
  report('update after one edit (p95 of 200)', percentile(updateTimes, 95), oneScanMs, '≤ 5 ms')
}

main()
