// The panes side by side (list | paper | notes), the list and notes each
// closable, with draggable borders (or the arrow keys on a focused border).
// Widths and which panes are open are settings, stored in the library.
import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react'

const MIN_WIDTH = 200
const KEY_STEP = 24

export interface PaneLayout {
  listPaneWidth: number
  paperPaneWidth: number
  listPaneOpen: boolean
  notesPaneOpen: boolean
}

interface ResizablePanesProps {
  layout: PaneLayout
  onResize: (widths: Partial<Pick<PaneLayout, 'listPaneWidth' | 'paperPaneWidth'>>) => void
  list: ReactNode
  paper: ReactNode
  notes: ReactNode
}

export function ResizablePanes({ layout, onResize, list, paper, notes }: ResizablePanesProps) {
  const container = useRef<HTMLDivElement>(null)
  const { listPaneOpen, notesPaneOpen } = layout

  function maxWidth(pane: 'list' | 'paper'): number {
    const available = container.current?.clientWidth ?? window.innerWidth
    const others =
      pane === 'list'
        ? notesPaneOpen
          ? layout.paperPaneWidth + MIN_WIDTH
          : MIN_WIDTH
        : (listPaneOpen ? layout.listPaneWidth : 0) + MIN_WIDTH
    return Math.max(MIN_WIDTH, available - others)
  }

  function resize(pane: 'list' | 'paper', width: number): void {
    const clamped = Math.round(Math.min(maxWidth(pane), Math.max(MIN_WIDTH, width)))
    onResize(pane === 'list' ? { listPaneWidth: clamped } : { paperPaneWidth: clamped })
  }

  return (
    <div className="panes" ref={container}>
      {listPaneOpen && (
        <>
          <section
            className="pane pane-list"
            aria-label="Paper list"
            style={{ width: layout.listPaneWidth }}
          >
            {list}
          </section>
          <Splitter
            label="Resize paper list"
            width={layout.listPaneWidth}
            max={maxWidth('list')}
            onResize={(w) => resize('list', w)}
          />
        </>
      )}
      <section
        className={`pane pane-paper${notesPaneOpen ? '' : ' pane-fill'}`}
        aria-label="Paper"
        style={notesPaneOpen ? { width: layout.paperPaneWidth } : undefined}
      >
        {paper}
      </section>
      {notesPaneOpen && (
        <>
          <Splitter
            label="Resize paper pane"
            width={layout.paperPaneWidth}
            max={maxWidth('paper')}
            onResize={(w) => resize('paper', w)}
          />
          <section className="pane pane-notes" aria-label="Notes">
            {notes}
          </section>
        </>
      )}
    </div>
  )
}

function Splitter(props: {
  label: string
  width: number
  max: number
  onResize: (width: number) => void
}) {
  const drag = useRef<{ startX: number; startWidth: number } | undefined>(undefined)

  function onPointerDown(event: PointerEvent<HTMLDivElement>): void {
    drag.current = { startX: event.clientX, startWidth: props.width }
    event.currentTarget.setPointerCapture(event.pointerId)
  }
  function onPointerMove(event: PointerEvent<HTMLDivElement>): void {
    if (drag.current === undefined) return
    props.onResize(drag.current.startWidth + event.clientX - drag.current.startX)
  }
  function onPointerUp(): void {
    drag.current = undefined
  }
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'ArrowLeft') props.onResize(props.width - KEY_STEP)
    else if (event.key === 'ArrowRight') props.onResize(props.width + KEY_STEP)
    else return
    event.preventDefault()
  }

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={props.label}
      aria-valuenow={props.width}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={Math.max(props.width, props.max)}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
    />
  )
}
