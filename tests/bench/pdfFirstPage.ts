// Bench row of the PDF reader: time from "open the PDF" to its first page
// drawn in the window (the built renderer in Chromium over the real core, as
// the e2e tests run it), beside pdf.js alone parsing the same bytes and
// loading page 1 in the same page (same worker, same machine, same moment).
// A 30-page PDF: the 14 pages of the TraceMonkey paper (tests/fixtures/pdf),
// twice, and its first two pages again, copied with pdf-lib.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { PDFDocument } from 'pdf-lib'
import { closeBrowser, launchApp } from '../e2e/harness/launchApp'
import type { BenchRow } from './benchRow'
import { median } from './measure'

const PAPER = fileURLToPath(new URL('../fixtures/pdf/tracemonkey.pdf', import.meta.url))
const RUNS = 7

async function thirtyPages(): Promise<Uint8Array> {
  const source = await PDFDocument.load(await readFile(PAPER))
  const out = await PDFDocument.create()
  const order = [...source.getPageIndices(), ...source.getPageIndices(), 0, 1]
  for (const page of await out.copyPages(source, order)) out.addPage(page)
  return out.save()
}

// Page scripts as source text: the bench runs under tsx, whose helpers the page lacks.
/** Clicks "open the PDF" and resolves with the milliseconds until page 1's canvas is drawn. */
const TIME_FIRST_PAGE = `new Promise((resolve) => {
  const start = performance.now()
  const observer = new MutationObserver(() => {
    if (document.querySelector('.page[data-page-number="1"][data-loaded="true"] canvas') === null) return
    observer.disconnect()
    resolve(performance.now() - start)
  })
  observer.observe(document.body, { subtree: true, childList: true, attributes: true })
  document.querySelector('[data-testid="open-pdf"]').click()
})`

/** pdf.js alone (the window's own copy and worker) on the same bytes: parse, then load page 1. */
const TIME_PDFJS_ALONE = `async (base64) => {
  const raw = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const start = performance.now()
  const document = await globalThis.pdfjsLib.getDocument({ data: raw, isEvalSupported: false }).promise
  await document.getPage(1)
  const elapsed = performance.now() - start
  await document.destroy()
  return elapsed
}`

/** The same, then page 1 drawn on a canvas at 100%: what pdf.js alone takes to show it. */
const TIME_PDFJS_DRAWN = TIME_PDFJS_ALONE.replace(
  'await document.getPage(1)',
  `const first = await document.getPage(1)
  const viewport = first.getViewport({ scale: 1 })
  const canvas = Object.assign(window.document.createElement('canvas'), { width: viewport.width, height: viewport.height })
  await first.render({ canvas, viewport }).promise`,
)

export async function benchPdfFirstPage(): Promise<BenchRow[]> {
  const bytes = await thirtyPages()
  const app = await launchApp()
  try {
    const { page } = app
    const ok = <T>(answer: { ok: boolean; value?: unknown }): T => {
      if (!answer.ok) throw new Error('the core refused the bench’s call')
      return answer.value as T
    }
    ok(
      await app.dispatch('importText', {
        text: '@article{gal09, title={Trace-based Just-in-Time Type Specialization for Dynamic Languages}, year={2009}}',
      }),
    )
    const [paperId] = ok<string[]>(
      await app.dispatch('listPaperIds', { sort: 'published', filter: {} }),
    )
    if (paperId === undefined) throw new Error('no paper to attach the PDF to')
    const data = Buffer.from(bytes).toString('base64')
    ok(await app.dispatch('attachPdf', { paperId, fileName: 'thirty-pages.pdf', data }))
    await page.locator('.paper-row').first().click()
    await page.getByTestId('open-pdf').waitFor()

    const shown: number[] = []
    const parsed: number[] = []
    const drawn: number[] = []
    for (let run = 0; run < RUNS; run++) {
      await page.getByTestId('open-pdf').waitFor()
      // Clicked in the page, timed in the page: until page 1's canvas is drawn.
      shown.push(await page.evaluate<number>(TIME_FIRST_PAGE))
      await page.getByTestId('pdf-close').click()
      // The reference: pdf.js alone (the window's own copy and worker) on the same bytes.
      parsed.push(await page.evaluate<number>(`(${TIME_PDFJS_ALONE})(${JSON.stringify(data)})`))
      drawn.push(await page.evaluate<number>(`(${TIME_PDFJS_DRAWN})(${JSON.stringify(data)})`))
    }
    return [
      {
        papers: 1,
        operation: `PDF reader: first page shown, 30-page PDF (${(bytes.length / 1e6).toFixed(1)} MB; median of ${RUNS}, fetched through the page's origin, drawn at fit width)`,
        timeMs: median(shown),
        referenceMs: median(parsed),
        reference: 'pdf.js alone: parse the same bytes and load page 1, in the same page',
        target: '—',
      },
      {
        papers: 1,
        operation: 'PDF reader: the same first page shown, against pdf.js drawing page 1 by itself',
        timeMs: median(shown),
        referenceMs: median(drawn),
        reference:
          'pdf.js alone: parse, load and draw page 1 on a canvas at 100%, in the same page',
        target: '—',
      },
    ]
  } finally {
    await app.close()
    await closeBrowser()
  }
}
