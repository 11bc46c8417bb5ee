// pdf.js, set up once for the window. The worker is built by electron-vite
// from pdfjs-dist's own worker file and served from the app's origin like the
// rest of the renderer (CSP `worker-src 'self'`, no blob:). Documents are
// opened from their bytes with JavaScript evaluation off: fonts are drawn
// without `new Function` (the CSP has no `unsafe-eval` anyway, and this is
// the switch that closed CVE-2024-4367), and no scripting sandbox is ever
// loaded, so a PDF's own JavaScript never runs.
import * as pdfjs from 'pdfjs-dist'
import PdfWorker from 'pdfjs-dist/build/pdf.worker.min.mjs?worker'

// The viewer components (pdf_viewer.mjs) read the library from this global.
Object.assign(globalThis, { pdfjsLib: pdfjs })

let started = false

/** The one worker of the window, started with the first document. */
function startWorker(): void {
  if (started) return
  started = true
  pdfjs.GlobalWorkerOptions.workerPort = new PdfWorker()
}

export type PdfDocument = pdfjs.PDFDocumentProxy

/** The options every document is opened with; exported so a test can check them. */
export const DOCUMENT_OPTIONS = {
  isEvalSupported: false,
  enableXfa: false,
  // A damaged file shows what can be read of it.
  stopAtErrors: false,
  // Nothing is fetched by pdf.js itself: the bytes are handed over whole.
  disableAutoFetch: true,
  disableStream: true,
  disableRange: true,
} as const

/** Opens a PDF from its bytes; `destroy()` it when done. */
export function openPdfData(data: Uint8Array): pdfjs.PDFDocumentLoadingTask {
  startWorker()
  return pdfjs.getDocument({ ...DOCUMENT_OPTIONS, data })
}

/** Fetches an attachment from the app's origin (its `url`, e.g. /attachments/<sha256>.pdf). */
export async function fetchPdf(url: string, signal?: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(url, signal === undefined ? {} : { signal })
  if (!response.ok) throw new Error(`the PDF could not be read (${response.status})`)
  return new Uint8Array(await response.arrayBuffer())
}

export { pdfjs }
