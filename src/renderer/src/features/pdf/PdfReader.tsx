// The PDF reader, in the paper's column: the pages in one continuous scroll
// (pdf.js's viewer, see readerView.ts), a toolbar, an optional side panel
// (outline or highlights), and under the pages the chosen highlight with its
// comment. Selecting text offers the highlight colours (keys 1–5, or H for
// the first); the position in each PDF is remembered.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { AttachmentView, Highlight, HighlightColor } from '../../../../shared/model'
import { HIGHLIGHT_COLORS } from '../../../../shared/model'
import { api, errorMessage } from '../../data/client'
import { libraryQueries } from '../../data/libraryQueries'
import { ColorButtons, HighlightEditor } from './HighlightEditor'
import { pageLabelOf } from './highlightQuote'
import { HighlightList } from './HighlightList'
import { PdfOutline, type OutlineEntry } from './PdfOutline'
import { fetchPdf, openPdfData } from './pdfEngine'
import { readPosition, writePosition } from './readerMemory'
import { ReaderToolbar } from './ReaderToolbar'
import { ReaderView, type FindResult, type PageSelection, type ZoomValue } from './readerView'
import type { PdfReaderControl, ReaderTarget } from './usePdfReader'

const NO_HIGHLIGHTS: Highlight[] = []
const NO_ATTACHMENTS: AttachmentView[] = []
const COLORS = Object.keys(HIGHLIGHT_COLORS) as HighlightColor[]

interface PdfReaderProps {
  target: ReaderTarget
  control: PdfReaderControl
  onProblem(message: string): void
}

export function PdfReader({ target, control, onProblem }: PdfReaderProps) {
  const { paperId } = target
  const attachments = useQuery(libraryQueries.attachments(paperId)).data ?? NO_ATTACHMENTS
  const highlights = useQuery(libraryQueries.highlights(paperId)).data ?? NO_HIGHLIGHTS
  const [chosenAttachment, setChosenAttachment] = useState(target.attachmentId)
  // A highlight to go to names its attachment; else the one chosen, else the first.
  const goal = highlights.find((highlight) => highlight.id === target.highlightId)
  const attachment =
    attachments.find((a) => a.id === (goal?.attachmentId ?? chosenAttachment)) ?? attachments[0]

  const container = useRef<HTMLDivElement>(null)
  const viewerElement = useRef<HTMLDivElement>(null)
  const findInput = useRef<HTMLInputElement>(null)
  const [view, setView] = useState<ReaderView | undefined>(undefined)
  // Each keyed by the file it is about, so a new file starts with none of them.
  const [loaded, setLoaded] = useState<string | undefined>(undefined)
  const [failure, setFailure] = useState<{ sha256: string; message: string } | undefined>(undefined)
  const [page, setPage] = useState({ index: 0, count: 0 })
  const [zoom, setZoom] = useState<{ value: ZoomValue; scale: number }>({
    value: 'page-width',
    scale: 1,
  })
  const [find, setFind] = useState<FindResult | undefined>(undefined)
  const [selection, setSelection] = useState<PageSelection | undefined>(undefined)
  const [panel, setPanel] = useState<'none' | 'outline' | 'highlights'>('none')
  const [outlines, setOutline] = useState<{ sha256: string; entries: OutlineEntry[] } | undefined>(
    undefined,
  )
  const { selectHighlight, selectedHighlight } = control

  const onHighlightClick = useRef(selectHighlight)
  useEffect(() => {
    onHighlightClick.current = selectHighlight
  }, [selectHighlight])
  const positionOwner = useRef<string | undefined>(undefined)
  /** Writes the position waiting to be written (the view's, set while it lives). */
  const writePending = useRef<() => void>(() => undefined)

  // One page view for the reader's life.
  useEffect(() => {
    if (container.current === null || viewerElement.current === null) return undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    // The position waiting to be written (a scroll writes once it pauses; closing writes it at once).
    let pending: (() => void) | undefined
    const flush = (): void => {
      clearTimeout(timer)
      pending?.()
      pending = undefined
    }
    const created = new ReaderView(container.current, viewerElement.current, {
      onPageChange: (index, count) => setPage({ index, count }),
      onZoomChange: (value, scale) => setZoom({ value, scale }),
      onPosition: (position) => {
        const sha256 = positionOwner.current
        if (sha256 === undefined) return
        clearTimeout(timer)
        pending = () => writePosition(sha256, position)
        timer = setTimeout(flush, 300)
      },
      onFind: setFind,
      onHighlightClick: (id) => onHighlightClick.current(id),
    })
    writePending.current = flush
    setView(created)
    return () => {
      flush()
      created.destroy()
    }
  }, [])

  // The attachment's bytes, opened; the last position in it restored.
  const url = attachment?.url
  const sha256 = attachment?.sha256
  useEffect(() => {
    if (view === undefined || url === undefined || sha256 === undefined) return undefined
    const abort = new AbortController()
    let closed = false
    let destroy: (() => void) | undefined
    positionOwner.current = undefined
    fetchPdf(url, abort.signal)
      .then(async (data) => {
        const task = openPdfData(data)
        destroy = () => void task.destroy()
        const document = await task.promise
        if (closed) return
        await view.setDocument(document)
        if (closed) return
        const remembered = readPosition(sha256)
        if (remembered !== undefined) view.restore(remembered)
        else view.setZoom('page-width')
        positionOwner.current = sha256
        setPage({ index: view.pageIndex, count: view.pageCount })
        setLoaded(sha256)
        setOutline({ sha256, entries: await outlineOf(document) })
      })
      .catch((caught: unknown) => {
        if (!closed) setFailure({ sha256, message: errorMessage(caught) })
      })
    return () => {
      closed = true
      abort.abort()
      // The viewer lets go of the document, and the pages it was fetching arrive, before it
      // is destroyed (or those requests fail and pdf.js logs errors).
      const release = destroy
      void view.closeDocument().then(() => release?.())
      positionOwner.current = undefined
    }
  }, [view, url, sha256])

  // Leaving a PDF (another one, or the reader closing): where the reader was is written at
  // once. A layout effect's cleanup: it runs while the pages are still in the window.
  useLayoutEffect(() => {
    if (view === undefined || sha256 === undefined) return undefined
    return () => {
      view.sayPosition()
      writePending.current()
    }
  }, [view, sha256])

  const ready = loaded !== undefined && loaded === sha256
  const loadError = failure !== undefined && failure.sha256 === sha256 ? failure.message : undefined
  const outline =
    outlines !== undefined && outlines.sha256 === sha256 ? outlines.entries : undefined
  const shown = useMemo(
    () => highlights.filter((highlight) => highlight.attachmentId === attachment?.id),
    [highlights, attachment?.id],
  )
  useEffect(() => {
    if (ready) view?.setHighlights(shown, selectedHighlight)
  }, [ready, view, shown, selectedHighlight])

  // Opened at a highlight (a link in a note, a click in the list) or at a
  // search's match (its page, its words found): go there.
  const goalId = goal?.id
  useEffect(() => {
    if (!ready || view === undefined) return
    if (goal !== undefined) view.scrollToHighlight(goal)
    else if (target.pageIndex !== undefined) view.goToPage(target.pageIndex)
    if (target.find !== undefined && target.find !== '') view.find(target.find)
    // Only when asked again, not on each change of the highlight.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, view, goalId, target.request])

  function readSelection(): void {
    setSelection(view?.readSelection())
  }

  async function highlight(color: HighlightColor): Promise<void> {
    if (view === undefined || selection === undefined || attachment === undefined) return
    const pageLabel = view.pageLabel(selection.pageIndex)
    setSelection(undefined)
    window.getSelection()?.removeAllRanges()
    try {
      const created = await api.createHighlight({
        paperId,
        attachmentId: attachment.id,
        position: {
          pageIndex: selection.pageIndex,
          rects: selection.rects,
          ...(selection.nextPageRects === undefined
            ? {}
            : { nextPageRects: selection.nextPageRects }),
        },
        ...(pageLabel === undefined ? {} : { pageLabel }),
        text: selection.text,
        color,
      })
      selectHighlight(created.id)
      control.reportEdit(`Highlight on ${pageLabelOf(created)}`)
    } catch (caught) {
      onProblem(`The highlight could not be made: ${errorMessage(caught)}`)
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    const typing = (event.target as HTMLElement).closest('input, textarea, select') !== null
    const mod = event.ctrlKey || event.metaKey
    if (mod && !event.shiftKey && event.key.toLowerCase() === 'f') {
      // Find in the PDF, not in the library, while the reader has the focus.
      event.preventDefault()
      event.stopPropagation()
      findInput.current?.focus()
      findInput.current?.select()
      return
    }
    if (typing || mod || event.altKey || view === undefined) return
    const handled = readerKey(event.key, view)
    if (handled) {
      event.preventDefault()
      event.stopPropagation()
    }
  }

  function readerKey(key: string, pages: ReaderView): boolean {
    if (selection !== undefined) {
      const color = key === 'h' ? 'yellow' : COLORS[Number(key) - 1]
      if (color !== undefined && /^[1-5h]$/.test(key)) {
        void highlight(color)
        return true
      }
      if (key === 'Escape') {
        setSelection(undefined)
        return true
      }
    }
    if (key === '+' || key === '=') pages.zoomStep(1)
    else if (key === '-') pages.zoomStep(-1)
    else if (key === '0') pages.setZoom('page-width')
    else if (key === 'n') pages.goToPage(pages.pageIndex + 1)
    else if (key === 'p') pages.goToPage(pages.pageIndex - 1)
    else if (key === 'Escape') control.close()
    else return false
    return true
  }

  const chosen = shown.find((item) => item.id === selectedHighlight)

  return (
    <section
      className={`pdf-reader${control.darkPages ? ' dark-pages' : ''}`}
      aria-label="PDF reader"
      data-testid="pdf-reader"
      data-ready={ready ? 'true' : 'false'}
      onKeyDown={onKeyDown}
    >
      <ReaderToolbar
        attachments={attachments}
        attachmentId={attachment?.id ?? ''}
        onChooseAttachment={setChosenAttachment}
        pageIndex={page.index}
        pageCount={page.count}
        onGoToPage={(index) => view?.goToPage(index)}
        zoom={zoom.value}
        scale={zoom.scale}
        onZoom={(value) => view?.setZoom(value)}
        onZoomStep={(direction) => view?.zoomStep(direction)}
        findInput={findInput}
        initialFind={target.find}
        find={find}
        onFind={(query, previous, again) => view?.find(query, previous, again)}
        onCloseFind={() => view?.closeFind()}
        darkPages={control.darkPages}
        onToggleDark={control.toggleDarkPages}
        panel={panel}
        onPanel={setPanel}
        onClose={control.close}
      />
      {loadError !== undefined && (
        <p className="pane-error" role="alert">
          This PDF could not be opened: {loadError}
        </p>
      )}
      {attachment === undefined && <p className="pdf-empty">This paper has no PDF attached.</p>}
      <div className="pdf-body">
        {panel !== 'none' && (
          <aside className="pdf-panel" aria-label={panel === 'outline' ? 'Outline' : 'Highlights'}>
            {panel === 'outline' ? (
              <PdfOutline entries={outline} onGo={(dest) => view?.goToDestination(dest)} />
            ) : (
              <HighlightList
                highlights={shown}
                selectedId={selectedHighlight}
                onChoose={(item) => {
                  selectHighlight(item.id)
                  view?.scrollToHighlight(item)
                }}
              />
            )}
          </aside>
        )}
        <div className="pdf-pages">
          <div
            ref={container}
            className="pdf-scroll"
            // Focusable, so the keyboard scrolls the pages.
            tabIndex={0}
            data-testid="pdf-pages"
            onMouseUp={readSelection}
            onKeyUp={(event) => {
              if (event.shiftKey) readSelection()
            }}
          >
            <div ref={viewerElement} className="pdfViewer" />
            {selection !== undefined && (
              <div
                className="pdf-selection-menu"
                data-testid="pdf-selection-menu"
                ref={(menu) => {
                  if (menu === null) return
                  menu.style.left = `${selection.anchor.x}px`
                  menu.style.top = `${selection.anchor.y + 4}px`
                }}
                onMouseUp={(event) => event.stopPropagation()}
              >
                <ColorButtons label="Highlight" onPick={(color) => void highlight(color)} />
              </div>
            )}
          </div>
        </div>
      </div>
      {chosen !== undefined && (
        <HighlightEditor
          key={chosen.id}
          highlight={chosen}
          onQuote={() => void control.quoteHighlight(chosen.id)}
          onEdited={control.reportEdit}
          onProblem={onProblem}
        />
      )}
    </section>
  )
}

async function outlineOf(document: {
  getOutline(): Promise<unknown[] | null>
}): Promise<OutlineEntry[]> {
  const raw = await document.getOutline().catch(() => null)
  return raw === null ? [] : toEntries(raw, 0)
}

/** pdf.js's outline items, as far as the panel needs them (and not deeper than 6 levels). */
function toEntries(items: unknown[], depth: number): OutlineEntry[] {
  if (depth > 6) return []
  return items.slice(0, 1000).flatMap((item) => {
    if (typeof item !== 'object' || item === null) return []
    const { title, dest, items: children } = item as Record<string, unknown>
    return [
      {
        title: typeof title === 'string' ? title : '',
        dest: typeof dest === 'string' || Array.isArray(dest) ? (dest as string | unknown[]) : null,
        items: Array.isArray(children) ? toEntries(children, depth + 1) : [],
      },
    ]
  })
}
