// Benchmark rows for PDFs' text (issue 17): extraction and indexing of 1,000
// PDFs through the library (worker thread, cache files, index), against pdf.js
// text extraction alone of the same bytes in the same run; and a lookup of
// words in 10,000 PDFs' indexed text (target: search p95 ≤ 20 ms), against one
// String#includes scan of the same texts. Runs from run.ts, or alone:
// `node --import tsx tests/bench/pdfText.ts` (BENCH_PDFS, BENCH_PDF_SEARCH).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { PdfTextIndex } from '../../src/main/core/attachments/pdfText/pdfTextIndex'
import type { PageText } from '../../src/main/core/attachments/pdfText/pageText'
import { PDF_TEXT_FOLDER } from '../../src/main/core/attachments/pdfText/pdfTextService'
import { Library } from '../../src/main/core/library'
import { makePdf } from '../support/pdfFixtures'
import { syntheticListing } from '../support/syntheticListing'
import type { BenchRow } from './benchRow'
import { median, percentile, time } from './measure'
import { PDF_WORDS as WORDS, pageLines } from './pdfWords'

type Record = (row: Omit<BenchRow, 'ratio'>) => void

/** pdf.js alone: the same options as the core's worker, one document after another. */
async function extractAlone(pdfs: readonly Uint8Array[]): Promise<void> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  for (const bytes of pdfs) {
    const task = getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    })
    const document = await task.promise
    for (let n = 1; n <= document.numPages; n++) {
      await (await document.getPage(n)).getTextContent()
    }
    await task.destroy()
  }
}

export async function benchPdfExtraction(count: number, record: Record): Promise<void> {
  const pdfs: Uint8Array[] = []
  for (let doc = 0; doc < count; doc++) {
    pdfs.push(await makePdf({ pages: [0, 1, 2].map((page) => pageLines(doc, page, 30)) }))
  }
  const bytes = pdfs.reduce((sum, pdf) => sum + pdf.byteLength, 0)
  console.log(`  ${count} PDFs of 3 pages, ${(bytes / 1e6).toFixed(1)} MB`)
  await extractAlone(pdfs.slice(0, 5)) // warm-up: pdf.js's modules loaded and compiled
  const reference = await time(() => extractAlone(pdfs))
  const dir = await mkdtemp(join(tmpdir(), 'offprint-bench-pdf-'))
  try {
    let library = await Library.open(dir)
    await library.api.importText({ text: syntheticListing(count) })
    const ids = await library.api.listPaperIds({ sort: 'title' })
    for (const [i, pdf] of pdfs.entries()) {
      await library.api.attachPdf({
        paperId: ids[i] ?? '',
        fileName: `${i}.pdf`,
        data: Buffer.from(pdf).toString('base64'),
      })
    }
    await library.close()
    // What was extracted while attaching is dropped: the row times all of it.
    await rm(join(dir, PDF_TEXT_FOLDER), { recursive: true, force: true })
    const measured = await time(async () => {
      library = await Library.open(dir)
      await library.pdfTextIdle()
    })
    const status = await library.api.getPdfTextStatus({})
    await library.close()
    record({
      papers: count,
      operation: `extract and index ${status.indexed} PDFs' text (worker, cache, index)`,
      timeMs: measured,
      referenceMs: reference,
      reference: 'pdf.js text extraction alone, same PDFs, one after another',
      target: 'a small multiple of pdf.js alone',
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const QUERIES = 200

export function benchPdfSearch(count: number, record: Record): void {
  const index = new PdfTextIndex()
  const texts: string[] = []
  for (let doc = 0; doc < count; doc++) {
    const pages: PageText[] = Array.from({ length: 10 }, (_, page) => {
      const text = pageLines(doc, page, 40).join('\n')
      texts.push(text)
      return { text, pieces: [] }
    })
    index.add(`sha-${doc}`, pages)
  }
  // Typical queries: a rare word, two common words, a word being typed (prefix).
  const queries = Array.from({ length: QUERIES }, (_, i) => {
    const kind = i % 3
    if (kind === 0) return [`doc${(i * 7919) % count}`]
    if (kind === 1)
      return [WORDS[i % WORDS.length] ?? 'model', WORDS[(i * 7) % WORDS.length] ?? 'data']
    return [(WORDS[i % WORDS.length] ?? 'model').slice(0, 4)]
  })
  const times = queries.map((words) => {
    const start = performance.now()
    index.filesWithAll(words.map((word) => ({ words: [word], phrase: false })))
    return performance.now() - start
  })
  const scans: number[] = []
  for (let i = 0; i < 10; i++) {
    const start = performance.now()
    texts.filter((text) => text.includes(`doc${i}`))
    scans.push(performance.now() - start)
  }
  record({
    papers: count,
    operation: `words in ${count} PDFs' text (10 pages each), p95 of ${QUERIES} queries`,
    timeMs: percentile(times, 95),
    referenceMs: median(scans),
    reference: 'one String#includes scan of every page',
    target: 'search p95 ≤ 20 ms',
  })
}

async function main(): Promise<void> {
  const record: Record = (row) => {
    const ratio =
      row.referenceMs === undefined ? '' : ` (${(row.timeMs / row.referenceMs).toFixed(2)}×)`
    console.log(
      `  ${row.operation}: ${row.timeMs.toFixed(2)} ms${ratio}; reference ${row.referenceMs?.toFixed(2)} ms`,
    )
  }
  const pdfs = Number(process.env['BENCH_PDFS'] ?? 1000)
  const searched = Number(process.env['BENCH_PDF_SEARCH'] ?? 10000)
  if (pdfs > 0) await benchPdfExtraction(pdfs, record)
  if (searched > 0) benchPdfSearch(searched, record)
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main()
}
