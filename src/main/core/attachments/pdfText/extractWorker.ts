// The worker thread that reads PDFs' text with pdf.js, off the core's thread:
// it is handed a file path, answers with the text page by page (and where each
// piece of text sits, for re-anchoring highlights) or with why it could not.
// pdf.js runs with eval off (isEvalSupported: false: the fix for
// CVE-2024-4367 and no code from a PDF compiled), no fonts loaded, nothing fetched.
import { readFile } from 'node:fs/promises'
import { parentPort } from 'node:worker_threads'
import type { PageText, PdfText, TextPiece } from './pageText'

export interface ExtractRequest {
  id: number
  path: string
}

export type ExtractReply =
  { id: number; ok: true; text: PdfText } | { id: number; ok: false; reason: string }

interface TextItemLike {
  str?: string
  transform?: number[]
  width?: number
  height?: number
  hasEOL?: boolean
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
let pdfjs: Promise<PdfJs> | undefined

async function extract(path: string): Promise<PdfText> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs')
  const { getDocument, VerbosityLevel } = await pdfjs
  const data = new Uint8Array(await readFile(path))
  const task = getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  })
  const document = await task.promise
  try {
    const pages: PageText[] = []
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      const content = await page.getTextContent()
      pages.push(pageTextOf(content.items as TextItemLike[]))
      page.cleanup()
    }
    const metadata = await document.getMetadata().catch(() => undefined)
    const info = (metadata?.info ?? {}) as Record<string, unknown>
    const text = (key: string): Record<string, string> =>
      typeof info[key] === 'string' && info[key] !== '' ? { [key.toLowerCase()]: info[key] } : {}
    return {
      pages,
      info: { ...text('Title'), ...text('Author'), ...text('Subject'), ...text('Keywords') },
    }
  } finally {
    await task.destroy()
  }
}

/** One page's items joined into its text, a space or line break between items as pdf.js says. */
export function pageTextOf(items: readonly TextItemLike[]): PageText {
  let text = ''
  const pieces: TextPiece[] = []
  for (const item of items) {
    const str = item.str ?? ''
    if (str !== '') {
      const [, , , , x = 0, y = 0] = item.transform ?? []
      const height = item.height ?? 0
      pieces.push({
        start: text.length,
        end: text.length + str.length,
        rect: [x, y, x + (item.width ?? 0), y + height],
      })
      text += str
    }
    if (item.hasEOL === true) text += '\n'
    else if (str !== '' && !text.endsWith(' ')) text += ' '
  }
  return { text, pieces }
}

parentPort?.on('message', (request: ExtractRequest) => {
  extract(request.path).then(
    (text) => parentPort?.postMessage({ id: request.id, ok: true, text } satisfies ExtractReply),
    (error: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        ok: false,
        reason: error instanceof Error ? error.message : String(error),
      } satisfies ExtractReply),
  )
})
