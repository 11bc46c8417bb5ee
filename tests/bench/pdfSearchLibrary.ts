// Benchmark row for search with 10,000 PDFs' text indexed (issue 17, target
// p95 ≤ 20 ms), through the library's own query path: `listPapers` with the
// window's page size, qualifiers and all, the PDFs' text included. The PDFs
// are tiny files whose extracted text (10 pages each) is put in the text cache
// before they are attached, so the row spends no time in pdf.js. The
// reference, measured in the same run, is the same queries with no PDF text
// (the library's search of its papers' own fields). Wall and CPU time, each
// the median of 3 runs of the p95 of the queries. Runs from pdfText.ts
// (`BENCH_PDF_LIBRARY`), or alone: `node --import tsx tests/bench/pdfSearchLibrary.ts`.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { sha256Of } from '../../src/main/core/attachments/attachmentFiles'
import { PDF_TEXT_FOLDER } from '../../src/main/core/attachments/pdfText/pdfTextService'
import { Library } from '../../src/main/core/library'
import { syntheticListing } from '../support/syntheticListing'
import type { BenchRow } from './benchRow'
import { median, percentile } from './measure'
import { PDF_WORDS, pageLines } from './pdfWords'

type Record = (row: Omit<BenchRow, 'ratio'>) => void

/** Rows the window shows at once (the list's first page). */
const PAGE = 50

/** Distinct queries (a repeated one would be answered from the search's cache). */
export function queries(count: number, papers: number): string[] {
  const out = new Set<string>()
  const word = (i: number): string => PDF_WORDS[i % PDF_WORDS.length] ?? 'model'
  for (let i = 0; out.size < count; i++) {
    switch (i % 6) {
      case 0: // a word only one PDF has
        out.add(`doc${(i * 7919) % papers}`)
        break
      case 1: // two words every PDF has
        out.add(`${word(i)} ${word(i * 7 + Math.floor(i / 40))}`)
        break
      case 2: // a word being typed
        out.add(word(i).slice(0, 3 + (i % 3)))
        break
      case 3: // in:pdf and a common word
        out.add(`in:pdf ${word(i)} ${word(i + 3)}`)
        break
      case 4: // a phrase
        out.add(`"${word(i)} ${word(i + 13)}"`)
        break
      default: // qualifiers, a word excluded
        out.add(`${word(i)} year:2021..2024 -${word(i + 5)}`)
    }
  }
  return [...out]
}

async function p95OfQueries(
  library: Library,
  list: readonly string[],
): Promise<{ wallMs: number; cpuMs: number }> {
  const walls: number[] = []
  const cpus: number[] = []
  for (const query of list) {
    const cpu = process.cpuUsage()
    const start = performance.now()
    await library.api.listPapers({ offset: 0, limit: PAGE, sort: 'published', query })
    walls.push(performance.now() - start)
    const used = process.cpuUsage(cpu)
    cpus.push((used.user + used.system) / 1000)
  }
  return { wallMs: percentile(walls, 95), cpuMs: percentile(cpus, 95) }
}

/** A tiny PDF per paper, its 10 pages of text already in the text cache. */
export async function attachTexts(library: Library, dir: string, count: number): Promise<void> {
  const ids = await library.api.listPaperIds({ sort: 'title' })
  await mkdir(join(dir, PDF_TEXT_FOLDER), { recursive: true })
  const attachOne = async (doc: number): Promise<void> => {
    const bytes = Buffer.from(`%PDF-1.4\n% bench document ${doc}\n%%EOF\n`)
    const pages = Array.from({ length: 10 }, (_, page) => ({
      text: pageLines(doc, page, 40).join('\n'),
      pieces: [],
    }))
    const cache = { format: 1, ok: true, text: { pages, info: {} } }
    await writeFile(join(dir, PDF_TEXT_FOLDER, `${sha256Of(bytes)}.json`), JSON.stringify(cache))
    const paperId = ids[doc] ?? ''
    await library.api.attachPdf({ paperId, fileName: `${doc}.pdf`, data: bytes.toString('base64') })
  }
  // A few at a time: the commits of attachments made together share their writes.
  const total = Math.min(count, ids.length)
  for (let doc = 0; doc < total; doc += 16) {
    await Promise.all(
      Array.from({ length: Math.min(16, total - doc) }, (_, i) => attachOne(doc + i)),
    )
  }
  await library.pdfTextIdle()
}

export async function benchPdfLibrarySearch(count: number, record: Record): Promise<void> {
  const list = queries(120, count)
  const dir = await mkdtemp(join(tmpdir(), 'offprint-bench-pdfsearch-'))
  try {
    let library = await Library.open(dir)
    await library.api.importText({ text: syntheticListing(count) })
    // Reference: the same queries before any PDF is attached.
    await p95OfQueries(library, list.slice(0, 10)) // warm-up
    const reference: { wallMs: number; cpuMs: number }[] = []
    for (let run = 0; run < 3; run++) {
      await library.close()
      library = await Library.open(dir)
      reference.push(await p95OfQueries(library, list))
    }
    await attachTexts(library, dir, count)
    const status = await library.api.getPdfTextStatus({})
    const measured: { wallMs: number; cpuMs: number }[] = []
    for (let run = 0; run < 3; run++) {
      await library.close()
      library = await Library.open(dir)
      await library.pdfTextIdle()
      await p95OfQueries(library, list.slice(0, 10)) // warm-up, then a fresh cache
      await library.close()
      library = await Library.open(dir)
      await library.pdfTextIdle()
      measured.push(await p95OfQueries(library, list))
    }
    await library.close()
    const what = `search ${count} papers with ${status.indexed} PDFs' text (10 pages each), listPapers first ${PAGE}, p95 of ${list.length} queries`
    record({
      papers: count,
      operation: `${what}, wall`,
      timeMs: median(measured.map((m) => m.wallMs)),
      referenceMs: median(reference.map((m) => m.wallMs)),
      reference: 'the same queries with no PDF attached, wall',
      target: 'search p95 ≤ 20 ms',
    })
    record({
      papers: count,
      operation: `${what}, CPU`,
      timeMs: median(measured.map((m) => m.cpuMs)),
      referenceMs: median(reference.map((m) => m.cpuMs)),
      reference: 'the same queries with no PDF attached, CPU',
      target: 'search p95 ≤ 20 ms',
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const count = Number(process.env['BENCH_PDF_LIBRARY'] ?? 10000)
  await benchPdfLibrarySearch(count, (row) => {
    const ratio =
      row.referenceMs === undefined ? '' : ` (${(row.timeMs / row.referenceMs).toFixed(2)}×)`
    console.log(
      `  ${row.operation}: ${row.timeMs.toFixed(2)} ms${ratio}; reference ${row.referenceMs?.toFixed(2)} ms`,
    )
  })
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main()
}
