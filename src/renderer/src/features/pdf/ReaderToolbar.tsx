// The reader's toolbar: back to the paper, which PDF, the page, zoom, find,
// dark pages, and the side panel (outline or highlights).
import { useState, type KeyboardEvent, type RefObject } from 'react'
import type { AttachmentView } from '../../../../shared/model'
import { ZOOM_STEPS, type FindResult, type ZoomValue } from './readerView'

export interface ReaderToolbarProps {
  attachments: readonly AttachmentView[]
  attachmentId: string
  onChooseAttachment(id: string): void
  pageIndex: number
  pageCount: number
  onGoToPage(pageIndex: number): void
  zoom: ZoomValue
  scale: number
  onZoom(zoom: ZoomValue): void
  onZoomStep(direction: 1 | -1): void
  findInput: RefObject<HTMLInputElement | null>
  /** Words the reader was opened to find (a search's match). */
  initialFind: string | undefined
  find: FindResult | undefined
  onFind(query: string, previous: boolean, again: boolean): void
  onCloseFind(): void
  darkPages: boolean
  onToggleDark(): void
  panel: 'none' | 'outline' | 'highlights'
  onPanel(panel: 'none' | 'outline' | 'highlights'): void
  onClose(): void
}

function findText(find: FindResult | undefined, query: string): string {
  if (query === '' || find === undefined) return ''
  if (find.state === 3) return 'Searching…'
  if (find.total === 0) return 'Not found'
  return `${find.current} of ${find.total}`
}

/** The zoom menu's entry for a zoom: a fit, one of the steps, or the percent shown alone. */
function zoomChoiceOf(zoom: ZoomValue): string {
  if (zoom === 'page-width' || zoom === 'page-fit') return zoom
  const step = ZOOM_STEPS.find((candidate) => Math.abs(candidate - Number(zoom)) < 0.001)
  return step === undefined ? 'custom' : String(step)
}

export function ReaderToolbar({ findInput, ...props }: ReaderToolbarProps) {
  const [query, setQuery] = useState(props.initialFind ?? '')
  const [pageText, setPageText] = useState<string | undefined>(undefined)
  const zoomChoice = zoomChoiceOf(props.zoom)

  function onFindKey(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter') {
      event.preventDefault()
      props.onFind(query, event.shiftKey, true)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      setQuery('')
      props.onCloseFind()
    }
  }

  return (
    <div className="pdf-toolbar" role="toolbar" aria-label="PDF">
      <button
        type="button"
        className="small-button"
        onClick={props.onClose}
        data-testid="pdf-close"
      >
        ← Paper
      </button>
      {props.attachments.length > 1 && (
        <select
          aria-label="Which PDF"
          value={props.attachmentId}
          onChange={(event) => props.onChooseAttachment(event.target.value)}
        >
          {props.attachments.map((attachment) => (
            <option key={attachment.id} value={attachment.id}>
              {attachment.role}: {attachment.fileName}
            </option>
          ))}
        </select>
      )}
      <label className="pdf-page">
        <span className="visually-hidden">Page</span>
        <input
          type="text"
          inputMode="numeric"
          aria-label="Page"
          data-testid="pdf-page"
          size={3}
          value={pageText ?? String(props.pageIndex + 1)}
          onChange={(event) => setPageText(event.target.value)}
          onBlur={() => setPageText(undefined)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return
            const page = Number(pageText)
            if (Number.isInteger(page)) props.onGoToPage(page - 1)
            setPageText(undefined)
          }}
        />
        <span data-testid="pdf-page-count">of {props.pageCount}</span>
      </label>
      <button
        type="button"
        className="small-button"
        aria-label="Zoom out"
        onClick={() => props.onZoomStep(-1)}
      >
        −
      </button>
      <select
        aria-label="Zoom"
        data-testid="pdf-zoom"
        value={zoomChoice}
        onChange={(event) => props.onZoom(event.target.value)}
      >
        <option value="page-width">Fit width</option>
        <option value="page-fit">Fit page</option>
        {zoomChoice === 'custom' && (
          <option value="custom">{Math.round(props.scale * 100)}%</option>
        )}
        {ZOOM_STEPS.map((step) => (
          <option key={step} value={String(step)}>
            {Math.round(step * 100)}%
          </option>
        ))}
      </select>
      <button
        type="button"
        className="small-button"
        aria-label="Zoom in"
        onClick={() => props.onZoomStep(1)}
      >
        +
      </button>
      <input
        ref={findInput}
        type="search"
        className="pdf-find"
        placeholder="Find in PDF"
        aria-label="Find in PDF"
        data-testid="pdf-find"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          props.onFind(event.target.value, false, false)
        }}
        onKeyDown={onFindKey}
      />
      <span className="pdf-find-count" role="status" data-testid="pdf-find-count">
        {findText(props.find, query)}
      </span>
      <button
        type="button"
        className="small-button"
        aria-pressed={props.darkPages}
        data-testid="pdf-dark"
        onClick={props.onToggleDark}
      >
        Dark pages
      </button>
      <select
        aria-label="Side panel"
        value={props.panel}
        onChange={(event) => props.onPanel(event.target.value as ReaderToolbarProps['panel'])}
      >
        <option value="none">No side panel</option>
        <option value="outline">Outline</option>
        <option value="highlights">Highlights</option>
      </select>
    </div>
  )
}
