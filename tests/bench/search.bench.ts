// Search speed at 100k papers (npm run bench): index build, query p95 over a
// fixed set of 50 mixed queries, and the cost of re-indexing one edited paper.
// Each figure is printed beside a reference measured in the same run over the
// same texts (a plain linear scan), and their ratio, since this machine is
// shared and absolute times wander. Deterministic: the papers are the bench
// harness's synthetic library (syntheticLibrary.ts, seeded). Targets: index
// ready ≤ 2 s after start, query p95 ≤ 20 ms, update ≤ 5 ms. "Ready after
// restart" is what LibrarySearch.start costs when the index file is there:
// read and check the file while fingerprinting every paper, then re-read the
// papers whose fingerprint differs.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Collection, Note, Paper } from '../../src/shared/model'
import { highlightRanges } from '../../src/main/core/search/highlightRanges'
import { parseQuery } from '../../src/main/core/search/queryParser'
import { LibrarySearch, type SearchSource } from '../../src/main/core/search/librarySearch'
import { searchDocumentOf, type SearchDocument } from '../../src/main/core/search/searchDocument'
import { SearchIndex } from '../../src/main/core/search/searchIndex'
import { writeSearchIndexFile } from '../../src/main/core/search/searchIndexFile'
import type { BenchRow } from './benchRow'
import { seededRandom, synthesize } from './syntheticLibrary'

const PAPERS = Number(process.env['OFFPRINT_BENCH_PAPERS'] ?? 100_000)
const SEED = 42
/** Notes written on random papers, each re-indexed and timed. */
const EDITS = 200
/** The synthetic library's revision (LibraryStore.revision), as its index file names it. */
const LIBRARY_REVISION = 'synthetic'

/** The bench harness's synthetic library (sentences of the fixture, notes on 10%), as the index reads it. */
function syntheticDocuments(count: number): {
  documents: SearchDocument[]
  collections: Collection[]
  source: SearchSource
} {
  // Through JSON, record by record, as the app holds them after reading the
  // library's files: flat strings. (Built piecewise, they are rope strings,
  // which cost several times more to read character by character.)
  const built = synthesize(count, SEED)
  const library = {
    papers: built.papers.map((paper) => JSON.parse(JSON.stringify(paper)) as Paper),
    notes: built.notes.map((note) => JSON.parse(JSON.stringify(note)) as Note),
    collections: built.collections,
  }
  const noteOf = new Map(library.notes.map((note) => [note.paperId ?? '', note.body]))
  const documents = library.papers.map((paper) =>
    searchDocumentOf(paper, noteOf.get(paper.id) ?? ''),
  )
  const paperOf = new Map(library.papers.map((paper) => [paper.id, paper]))
  const source: SearchSource = {
    papers: () => library.papers,
    paper: (id) => paperOf.get(id),
    noteText: (id) => noteOf.get(id) ?? '',
    collections: () => library.collections,
    revision: () => LIBRARY_REVISION,
  }
  return { documents, collections: library.collections, source }
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
  'tag:robotics',
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
  'in:"Collection 3"',
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

/** CPU time of this process in ms: unlike wall time, it barely moves when other jobs share the cores. */
function cpuMs(): number {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}

/** What was reported, for the table of `npm run bench` (written to OFFPRINT_BENCH_ROWS). */
const rows: BenchRow[] = []

function report(name: string, ms: number, referenceMs: number, target: string, cpu?: number): void {
  rows.push({
    papers: PAPERS,
    operation: `search: ${name}`,
    timeMs: ms,
    referenceMs,
    reference: 'a linear scan of every text',
    ...(referenceMs > 0 ? { ratio: ms / referenceMs } : {}),
    target: target === '' ? '—' : target,
  })
  const ratio = referenceMs > 0 ? (ms / referenceMs).toFixed(2) : '–'
  const cpuNote = cpu === undefined ? '' : `   (CPU ${seconds(cpu)})`
  console.log(
    `${name.padEnd(34)} ${seconds(ms).padStart(10)}   reference ${seconds(referenceMs).padStart(10)}   ratio ${ratio.padStart(6)}   target ${target}${cpuNote}`,
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

function heapMegabytes(): number {
  globalThis.gc?.()
  const usage = process.memoryUsage()
  return (usage.heapUsed + usage.arrayBuffers) / 1e6
}

/** Build, queries and edits on one index, which is then saved to `path`. */
async function measureIndex(
  documents: readonly SearchDocument[],
  collections: Collection[],
  path: string,
): Promise<{
  buildMs: number
  buildCpu: number
  indexMegabytes: number
  cold: { wall: number[]; cpu: number[] }
  queryTimes: number[]
  queryCpu: number[]
  hits: number[]
  updateTimes: number[]
  updateCpu: number[]
}> {
  const heapBefore = heapMegabytes()
  const buildStart = performance.now()
  const buildCpuStart = cpuMs()
  const index = new SearchIndex()
  for (const doc of documents) index.upsert(doc)
  index.finishBuild()
  const buildMs = performance.now() - buildStart
  const buildCpu = cpuMs() - buildCpuStart
  const indexMegabytes = heapMegabytes() - heapBefore

  const context = { collections }
  const titleOf = new Map(documents.map((doc) => [doc.id, doc.title]))
  const runQueries = (): { wall: number[]; cpu: number[]; hits: number[] } => {
    const wall: number[] = []
    const cpu: number[] = []
    const hits: number[] = []
    for (const query of QUERIES) {
      const start = performance.now()
      const cpuStart = cpuMs()
      const result = index.search(parseQuery(query), context)
      // What the list shows first: one page of rows with their title matches.
      const firstPage = result.ranked ? result.hits.slice(0, 200) : result.ids.slice(0, 200)
      for (const id of firstPage) highlightRanges(titleOf.get(id) ?? '', 'title', result.highlight)
      wall.push(performance.now() - start)
      cpu.push(cpuMs() - cpuStart)
      hits.push(result.ranked ? result.hits.count : result.ids.length)
    }
    return { wall, cpu, hits }
  }
  // The first pass runs code the JIT has not optimized yet (as the app's first
  // searches do); after two passes it is what searching costs from then on.
  const cold = runQueries()
  runQueries()
  const { wall: queryTimes, cpu: queryCpu, hits } = runQueries()

  // One edit: a note written on a paper.
  const updateTimes: number[] = []
  const updateCpu: number[] = []
  const next = seededRandom(SEED + 1)
  const edited = new Set<SearchDocument>()
  for (let i = 0; i < EDITS; i++) {
    const doc = documents[Math.floor(next() * documents.length)] as SearchDocument
    edited.add(doc)
    const start = performance.now()
    const cpuStart = cpuMs()
    index.upsert({ ...doc, note: `${doc.note} revisited: tool retrieval matters ${i}` })
    updateTimes.push(performance.now() - start)
    updateCpu.push(cpuMs() - cpuStart)
  }

  // Saved as it matches the library again (the edits undone), at the
  // library's revision, as the app saves it when it quits.
  for (const doc of edited) index.upsert(doc)
  await writeSearchIndexFile(path, { arrays: index.toArrays(), revision: LIBRARY_REVISION })
  return {
    buildMs,
    buildCpu,
    indexMegabytes,
    cold,
    queryTimes,
    queryCpu,
    hits,
    updateTimes,
    updateCpu,
  }
}

/**
 * Opens the library's search with the index file beside it, as the app does
 * on start: ms until a search can be answered. `revision` is the library's:
 * the one the file names (unchanged since it was saved) or another (changed).
 */
async function restart(
  path: string,
  source: SearchSource,
  revision: string,
): Promise<{ ms: number; cpu: number; fileMegabytes: number }> {
  const fileMegabytes = (await stat(path)).size / 1e6
  globalThis.gc?.()
  const start = performance.now()
  const cpuStart = cpuMs()
  const search = new LibrarySearch({ ...source, revision: () => revision }, { path })
  await search.start()
  const ms = performance.now() - start
  const cpu = cpuMs() - cpuStart
  search.stop()
  return { ms, cpu, fileMegabytes }
}

async function main(): Promise<void> {
  const { documents, collections, source } = syntheticDocuments(PAPERS)
  const megabytes =
    documents.reduce(
      (sum, doc) => sum + doc.title.length + doc.abstract.length + doc.note.length,
      0,
    ) / 1e6
  console.log(
    `search bench: ${PAPERS} synthetic papers, ${megabytes.toFixed(0)} MB of text, seed ${SEED}`,
  )
  // Index work first, each step after a collection, then the references: the
  // naive scans allocate heavily and would charge their garbage to the index.
  const dir = await mkdtemp(join(tmpdir(), 'offprint-search-bench-'))
  const indexPath = join(dir, 'search-index.bin')
  const measured = await measureIndex(documents, collections, indexPath)
  const { buildMs, buildCpu, indexMegabytes, cold, queryTimes, queryCpu, hits } = measured
  const { updateTimes, updateCpu } = measured
  // The index measured above is garbage by now, as after quitting the app.
  // Restarted with the library as it was saved; then as if another program
  // (the CLI) had changed it: every paper is fingerprinted, none re-read.
  const restarted = await restart(indexPath, source, LIBRARY_REVISION)
  const changed = await restart(indexPath, source, `${LIBRARY_REVISION} changed`)
  await rm(dir, { recursive: true, force: true })

  const scanStart = performance.now()
  linearScan(documents, 'zzzzqqq')
  const scanMs = performance.now() - scanStart
  const scanTimes = QUERIES.map((query) => {
    const start = performance.now()
    linearScan(documents, query)
    return performance.now() - start
  })

  report('build (index every paper)', buildMs, scanMs, '', buildCpu)
  report('loaded from its file, library unchanged', restarted.ms, scanMs, '', restarted.cpu)
  report('loaded from its file, library changed', changed.ms, scanMs, '', changed.cpu)
  console.log(
    `${'  index file'.padEnd(34)} ${`${restarted.fileMegabytes.toFixed(0)} MB`.padStart(10)}`,
  )
  console.log(
    `${'index memory (heap + typed arrays)'.padEnd(34)} ${`${indexMegabytes.toFixed(0)} MB`.padStart(10)}   reference ${`${megabytes.toFixed(0)} MB`.padStart(10)}   ratio ${(indexMegabytes / megabytes).toFixed(2).padStart(6)}   (reference: the text indexed)`,
  )
  rows.push(
    {
      papers: PAPERS,
      operation: 'search: index memory (heap + typed arrays, MB)',
      timeMs: indexMegabytes,
      referenceMs: megabytes,
      reference: 'the text indexed (MB)',
      target: '—',
    },
    {
      papers: PAPERS,
      operation: 'search: index file on disk (MB)',
      timeMs: restarted.fileMegabytes,
      referenceMs: megabytes,
      reference: 'the text indexed (MB)',
      target: '—',
    },
  )
  report(
    'query p50 (50 mixed queries)',
    percentile(queryTimes, 50),
    percentile(scanTimes, 50),
    '',
    percentile(queryCpu, 50),
  )
  report(
    'query p95 (50 mixed queries)',
    percentile(queryTimes, 95),
    percentile(scanTimes, 95),
    '≤ 20 ms',
    percentile(queryCpu, 95),
  )
  report('query max', Math.max(...queryTimes), Math.max(...scanTimes), '')
  report(
    'query p95, first pass (cold)',
    percentile(cold.wall, 95),
    percentile(scanTimes, 95),
    '',
    percentile(cold.cpu, 95),
  )
  report(
    'update after one edit (p95 of 200)',
    percentile(updateTimes, 95),
    scanMs,
    '≤ 5 ms',
    percentile(updateCpu, 95),
  )
  const rowsFile = process.env['OFFPRINT_BENCH_ROWS']
  if (rowsFile !== undefined) await writeFile(rowsFile, JSON.stringify(rows))
  if (process.env['OFFPRINT_BENCH_VERBOSE'] !== undefined) {
    QUERIES.forEach((query, i) =>
      console.log(
        `  ${query.padEnd(30)} ${String(hits[i]).padStart(7)} hits  ${seconds(queryTimes[i] ?? 0)} (CPU ${seconds(queryCpu[i] ?? 0)})`,
      ),
    )
  }
}

void main()
