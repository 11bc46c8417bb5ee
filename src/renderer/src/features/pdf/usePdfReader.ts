// The window's PDF reader, as the rest of the window sees it: which paper's
// PDF is open (and where to go in it), the highlight chosen in it, whether
// pages are shown dark, and the actions on PDFs that keys, menus and buttons
// share: attach (dialog or drop), open, quote a highlight or all of them in
// the paper's note.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Highlight } from '../../../../shared/model'
import { api, errorMessage } from '../../data/client'
import type { ActionStatusState } from '../undo/useActionStatus'
import { appendToPaperNote } from '../notes/noteInserts'
import { highlightQuote, highlightsQuote } from './highlightQuote'
import { choosePdfFiles, isPdfFile, readAsBase64 } from './pdfFiles'
import { readDarkPages, writeDarkPages } from './readerMemory'

/** What the reader shows: a paper's PDF, and maybe a highlight to go to. */
export interface ReaderTarget {
  paperId: string
  attachmentId?: string
  highlightId?: string
  /** A page to open at (0-based), and words to find there: a search's match in the PDF. */
  pageIndex?: number
  find?: string
  /** A new request to the same spot scrolls there again. */
  request: number
}

/** Where in a paper's PDFs to open. */
export type ReaderPlace = Omit<ReaderTarget, 'paperId' | 'request'>

export interface PdfReaderControl {
  target: ReaderTarget | undefined
  open(paperId: string, options?: ReaderPlace): void
  close(): void
  /** The highlight chosen (in the pages or the list): what "quote in note" takes. */
  selectedHighlight: string | undefined
  selectHighlight(id: string | undefined): void
  darkPages: boolean
  toggleDarkPages(): void
  /** File dialog → attached to the paper. */
  chooseAndAttach(paperId: string): void
  attachFiles(paperId: string, files: readonly File[]): Promise<void>
  /** The chosen highlight (or `id`) as a quote at the end of its paper's note. */
  quoteHighlight(id?: string): Promise<void>
  /** Every highlight of the paper, in page order. */
  quoteAll(paperId: string): Promise<void>
  /** A highlight was made, changed or deleted: said at the bottom of the window, with Undo. */
  reportEdit(text: string): void
}

export function usePdfReader(status: ActionStatusState): PdfReaderControl {
  const [target, setTarget] = useState<ReaderTarget | undefined>(undefined)
  const [selectedHighlight, selectHighlight] = useState<string | undefined>(undefined)
  const [darkPages, setDarkPages] = useState(readDarkPages)
  const requests = useRef(0)
  const { show } = status
  const selected = useRef(selectedHighlight)
  useEffect(() => {
    selected.current = selectedHighlight
  }, [selectedHighlight])

  const open = useCallback((paperId: string, options: ReaderPlace = {}) => {
    requests.current += 1
    setTarget({ paperId, ...options, request: requests.current })
    if (options.highlightId !== undefined) selectHighlight(options.highlightId)
  }, [])

  const attachFiles = useCallback(
    async (paperId: string, files: readonly File[]) => {
      const pdfs = files.filter(isPdfFile)
      if (pdfs.length === 0) {
        show({ kind: 'failed', text: 'Only PDF files can be attached.' })
        return
      }
      try {
        let added = 0
        let firstId: string | undefined
        for (const file of pdfs) {
          const outcome = await api.attachPdf({
            paperId,
            fileName: file.name,
            data: await readAsBase64(file),
          })
          firstId ??= outcome.attachment.id
          if (outcome.added) added += 1
        }
        show({
          kind: 'done',
          text:
            added === 0
              ? 'The paper already has this PDF.'
              : `Attached ${added === 1 ? 'a PDF' : `${added} PDFs`} to the paper.`,
          undoable: false,
        })
        if (firstId !== undefined) open(paperId, { attachmentId: firstId })
      } catch (caught) {
        show({ kind: 'failed', text: `The PDF could not be attached: ${errorMessage(caught)}` })
      }
    },
    [show, open],
  )

  const chooseAndAttach = useCallback(
    (paperId: string) => {
      void choosePdfFiles().then((files) =>
        files.length === 0 ? undefined : attachFiles(paperId, files),
      )
    },
    [attachFiles],
  )

  const quote = useCallback(
    async (highlights: Highlight[], what: string) => {
      const first = highlights[0]
      if (first === undefined) {
        show({ kind: 'failed', text: 'This paper has no highlights yet.' })
        return
      }
      try {
        const block = highlights.length === 1 ? highlightQuote(first) : highlightsQuote(highlights)
        await appendToPaperNote(first.paperId, block)
        show({ kind: 'done', text: `${what} added to the note.`, undoable: false })
      } catch (caught) {
        show({ kind: 'failed', text: `The note could not be changed: ${errorMessage(caught)}` })
      }
    },
    [show],
  )

  const quoteHighlight = useCallback(
    async (id?: string) => {
      const chosen = id ?? selected.current
      if (chosen === undefined) {
        show({
          kind: 'failed',
          text: 'Choose a highlight first (click it on the page or in the list).',
        })
        return
      }
      try {
        await quote([await api.getHighlight({ id: chosen })], 'The highlight was')
      } catch (caught) {
        show({ kind: 'failed', text: errorMessage(caught) })
      }
    },
    [quote, show],
  )

  const quoteAll = useCallback(
    async (paperId: string) => {
      try {
        const highlights = await api.listHighlights({ paperId })
        await quote(
          highlights,
          highlights.length === 1 ? 'The highlight was' : `${highlights.length} highlights were`,
        )
      } catch (caught) {
        show({ kind: 'failed', text: errorMessage(caught) })
      }
    },
    [quote, show],
  )

  useEffect(() => writeDarkPages(darkPages), [darkPages])

  return useMemo(
    () => ({
      target,
      open,
      close: () => setTarget(undefined),
      selectedHighlight,
      selectHighlight,
      darkPages,
      toggleDarkPages: () => setDarkPages((dark) => !dark),
      chooseAndAttach,
      attachFiles,
      quoteHighlight,
      quoteAll,
      reportEdit: (text: string) => show({ kind: 'done', text, undoable: true }),
    }),
    [
      target,
      open,
      selectedHighlight,
      darkPages,
      chooseAndAttach,
      attachFiles,
      quoteHighlight,
      quoteAll,
      show,
    ],
  )
}
