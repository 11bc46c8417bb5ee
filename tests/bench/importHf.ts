// Importing a large Hugging Face API response and a saved page of it (issue
// 15: 2,000 papers within 3× of JSON.parse of the same bytes plus the durable
// write). The response is the real one of 2026-06-12 (30 papers) repeated with
// fresh arXiv ids and titles; the saved page wraps it in the hydration element
// the site writes. The reference is what no importer can avoid: parsing the
// bytes as JSON, and writing the papers it adds to disk (serialized as JSON,
// written, fsynced). Both are measured in wall time and in CPU time (on a
// shared machine, wall time also counts waiting for a core).
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Library } from '../../src/main/core/library'
import { writeAndSync } from './durableEdits'
import { allPapers } from '../unit/support/libraryPapers'
import { median, time } from './measure'

const FIXTURE = fileURLToPath(
  new URL('../fixtures/formats/hf-api-daily-papers-2026-06-12.json', import.meta.url),
)

interface Entry {
  title: string
  paper: { id: string; title: string }
}

/** `count` daily entries: the real day's 30, again and again, each a paper of its own. */
export async function syntheticHfResponse(count: number): Promise<string> {
  const day = JSON.parse(await readFile(FIXTURE, 'utf8')) as Entry[]
  const entries = Array.from({ length: count }, (_, i) => {
    const entry = day[i % day.length] as Entry
    const id = `2606.${String(10000 + i).padStart(5, '0')}`
    const title = `${entry.title} (${i})`
    return { ...entry, title, paper: { ...entry.paper, id, title } }
  })
  return JSON.stringify(entries)
}

/** The saved page: the response as the DailyPapers element's data-props, in a page. */
export function savedPageOf(response: string): string {
  const props = `{"dateString":"2026-06-12","periodType":"day","dailyPapers":${response}}`
  const escaped = props.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
  return `<!DOCTYPE html><html><head><title>Daily Papers - Hugging Face</title></head><body><main><div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${escaped}"></div></main></body></html>`
}

export interface HfImportBench {
  papers: number
  megabytes: number
  importMs: number
  referenceMs: number
  /** CPU time of the process during the import, and during the reference. */
  importCpuMs: number
  referenceCpuMs: number
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/** Runs of each measurement; the median is reported. */
const RUNS = 3

/**
 * Imports `text` into a fresh library (median of three); the reference is
 * JSON.parse of `json` plus writing the added papers durably (median of three).
 */
export async function benchImportHf(
  text: string,
  json: string,
  papers: number,
): Promise<HfImportBench> {
  const runs: HfImportBench[] = []
  for (let run = 0; run < RUNS; run++) runs.push(await importOnce(text, json, papers))
  return {
    papers,
    megabytes: text.length / 1e6,
    importMs: median(runs.map((r) => r.importMs)),
    referenceMs: median(runs.map((r) => r.referenceMs)),
    importCpuMs: median(runs.map((r) => r.importCpuMs)),
    referenceCpuMs: median(runs.map((r) => r.referenceCpuMs)),
  }
}

async function importOnce(text: string, json: string, papers: number): Promise<HfImportBench> {
  const dir = await mkdtemp(join(tmpdir(), 'offprint-bench-hf-'))
  try {
    const library = await Library.open(dir)
    let added = 0
    let cpu = cpuMs()
    const importMs = await time(async () => {
      added = (await library.api.importText({ text, fileName: 'bench' })).added
    })
    const importCpuMs = cpuMs() - cpu
    const stored = await allPapers(library)
    await library.close()
    if (added !== papers) throw new Error(`the import added ${added} of ${papers} papers`)
    cpu = cpuMs()
    const parseMs = await time(() => {
      JSON.parse(json)
    })
    const writeMs = await time(() =>
      writeAndSync(join(dir, 'reference.json'), JSON.stringify({ papers: stored })),
    )
    const referenceCpuMs = cpuMs() - cpu
    return {
      papers,
      megabytes: text.length / 1e6,
      importMs,
      referenceMs: parseMs + writeMs,
      importCpuMs,
      referenceCpuMs,
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
