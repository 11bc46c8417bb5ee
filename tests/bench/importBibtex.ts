// Importing BibTeX at scale (issue 21: 100k entries, 141 MB, at 10 MB/s or
// more). The measured import is everything a user waits for: detection, the
// scan, the conversion, matching against the library, and the durable write.
// References: JSON.parse of the same entries as JSON (the floor for reading
// them), and @retorquere/bibtex-parser alone on the file, with the options
// the importer's fallback uses (what the import cost before issue 21).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  PARSE_OPTIONS,
  lastConversion,
  loadBibtexParser,
} from '../../src/main/core/imports/bibtex/parseBibtex'
import { scanBibtex } from '../../src/main/core/imports/bibtex/scan'
import { Library } from '../../src/main/core/library'
import { performance } from 'node:perf_hooks'
import { time } from './measure'

const WORDS = (
  'we propose a novel method for learning representations from large corpora and show that ' +
  'it improves accuracy on several benchmarks while reducing the cost of training by an order ' +
  'of magnitude our analysis reveals why attention based models generalize beyond their data'
).split(' ')

/** A deterministic pseudo-random generator, so every run benches the same file. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

/** `count` entries in the shape Zotero exports: macros, accents, DOI, URL, keywords, abstract. */
export function syntheticBibtex(count: number): string {
  const next = random(42)
  const word = (): string => WORDS[Math.floor(next() * WORDS.length)] ?? 'data'
  const parts = ['@string{neurips = "Advances in Neural Information Processing Systems"}\n']
  for (let i = 0; i < count; i++) {
    const title = Array.from({ length: 8 }, word).join(' ')
    const abstract = Array.from({ length: 160 }, word).join(' ')
    const authors = Array.from({ length: 4 }, (_, a) => `M{\\"u}ller${i % 997}, Anna${a}`).join(
      ' and ',
    )
    parts.push(
      `@inproceedings{key${i},\n  title = {{T}${title} ${i}},\n  author = {${authors}},\n` +
        `  booktitle = neurips,\n  year = ${1990 + (i % 35)},\n  month = jan,\n` +
        `  doi = {10.1000/bench.${i}},\n  url = {https://example.org/papers/${i}},\n` +
        `  keywords = {${word()}, ${word()}},\n  abstract = {${abstract}},\n}\n`,
    )
  }
  return parts.join('')
}

export interface ImportBench {
  entries: number
  megabytes: number
  /** Detection, scan, conversion, matching and the durable write: what a user waits for. */
  importMs: number
  /** CPU time this process spent on the import (on a shared machine, wall time includes waiting). */
  importCpuMs: number
  /**
   * From the start of the import until a search answers with the imported
   * papers: the search index takes a large import in the background, after
   * the import is acknowledged.
   */
  searchReadyMs: number
  /** Stage one alone (the scan to raw values), after which the entries are known. */
  scanMs: number
  /** JSON.parse of the same entries written as JSON: the floor for reading them. */
  jsonParseMs: number
  /** Highest resident memory sampled during the import, and before it (MB). */
  peakRssMb: number
  rssBeforeMb: number
  /** Field values the tables converted, and those handed to the full parser. */
  fast: number
  fallback: number
}

/** The same entries as JSON, for the JSON.parse reference row. */
function asJson(text: string): string {
  const entries = scanBibtex(text).entries.map((entry) => ({
    type: entry.type,
    key: entry.key,
    fields: Object.fromEntries(entry.fields),
  }))
  return JSON.stringify(entries)
}

/** Resident memory, sampled every 20 ms while `task` runs (it yields often). */
async function peakRss(task: () => Promise<void>): Promise<number> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 20)
  try {
    await task()
  } finally {
    clearInterval(timer)
  }
  return Math.max(peak, process.memoryUsage().rss)
}

/** Imports `count` synthetic entries end to end, beside JSON.parse of the same entries. */
export async function benchImportBibtex(count: number): Promise<ImportBench> {
  const text = syntheticBibtex(count)
  const megabytes = Buffer.byteLength(text) / 1e6
  let json = asJson(text)
  let parsedJson = 0
  const jsonParseMs = await time(() => {
    parsedJson = (JSON.parse(json) as unknown[]).length
  })
  json = ''
  if (parsedJson !== count) throw new Error(`JSON.parse read ${parsedJson} of ${count} entries`)
  let scanned = 0
  const scanMs = await time(() => {
    scanned = scanBibtex(text).entries.length
  })
  if (scanned !== count) throw new Error(`the scan read ${scanned} of ${count} entries`)

  const dir = await mkdtemp(join(tmpdir(), 'offprint-bench-import-'))
  try {
    const library = await Library.open(dir)
    global.gc?.()
    const rssBefore = process.memoryUsage().rss
    let added = 0
    let importMs = 0
    let cpu = process.cpuUsage()
    let found = 0
    let searchReadyMs = 0
    const peak = await peakRss(async () => {
      const start = performance.now()
      const cpuBefore = process.cpuUsage()
      importMs = await time(async () => {
        added = (await library.api.importText({ text, fileName: 'bench.bib' })).added
      })
      cpu = process.cpuUsage(cpuBefore)
      // Every synthetic entry's author list names an "Anna0".
      found = (await library.api.listPapers({ offset: 0, limit: 1, query: 'anna0' })).total
      searchReadyMs = performance.now() - start
    })
    const { fast, fallback } = lastConversion
    await library.close()
    if (added !== count) throw new Error(`the import added ${added} of ${count} entries`)
    if (found !== count) throw new Error(`the search found ${found} of ${count} entries`)
    const result: ImportBench = {
      entries: count,
      megabytes,
      importMs,
      importCpuMs: (cpu.user + cpu.system) / 1000,
      searchReadyMs,
      scanMs,
      jsonParseMs,
      peakRssMb: peak / 1e6,
      rssBeforeMb: rssBefore / 1e6,
      fast,
      fallback,
    }
    return result
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** @retorquere/bibtex-parser alone on the same synthetic file (minutes at 100k: run last). */
export async function benchFullParser(count: number): Promise<number> {
  const text = syntheticBibtex(count)
  const { parse } = await loadBibtexParser()
  let parsed = 0
  const ms = await time(() => {
    parsed = parse(text, PARSE_OPTIONS).entries.length
  })
  if (parsed !== count) throw new Error(`the parser read ${parsed} of ${count} entries`)
  return ms
}
