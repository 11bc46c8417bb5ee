// The panes side by side (sidebar | list | paper | notes), the sidebar, list
// and notes each closable, with draggable borders (or the arrow keys on a
// focused border). Widths and which panes are open are settings, stored in
// the library.
import {
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react'

const MIN_WIDTH = 200
const KEY_STEP = 24

export interface PaneLayout {
  sidebarWidth: number
  listPaneWidth: number
  paperPaneWidth: number
  sidebarOpen: boolean
  listPaneOpen: boolean
  notesPaneOpen: boolean
}

type Resizable = 'sidebar' | 'list' | 'paper'
const WIDTH_KEYS = {
  sidebar: 'sidebarWidth',
  list: 'listPaneWidth',
  paper: 'paperPaneWidth',
} as const satisfies Record<Resizable, keyof PaneLayout>

interface ResizablePanesProps {
  layout: PaneLayout
  onResize: (
    widths: Partial<Pick<PaneLayout, 'sidebarWidth' | 'listPaneWidth' | 'paperPaneWidth'>>,
  ) => void
  sidebar: ReactNode
  list: ReactNode
  paper: ReactNode
  notes: ReactNode
}

export function ResizablePanes(props: ResizablePanesProps) {
  const { layout, onResize, sidebar, list, paper, notes } = props
  const container = useRef<HTMLDivElement>(null)
  const { sidebarOpen, listPaneOpen, notesPaneOpen } = layout
  // The panes' width as last laid out, for the borders' aria-valuemax (the
  // window's until the first layout); a drag or key reads it afresh.
  const [laidOutWidth, setLaidOutWidth] = useState(() => window.innerWidth)
  useEffect(() => {
    const element = container.current
    if (element === null) return
    const observer = new ResizeObserver(() => setLaidOutWidth(element.clientWidth))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  /** The widest `pane` may be while every other open pane keeps at least MIN_WIDTH. */
  function maxWidth(pane: Resizable, available: number): number {
    const widthOf = (other: Resizable, open: boolean): number =>
      other === pane || !open ? 0 : layout[WIDTH_KEYS[other]]
    // The pane that fills the rest (notes, or the paper when notes are closed).
    const others =
      widthOf('sidebar', sidebarOpen) +
      widthOf('list', listPaneOpen) +
      widthOf('paper', notesPaneOpen) +
      MIN_WIDTH
    return Math.max(MIN_WIDTH, available - others)
  }

  function resize(pane: Resizable, width: number): void {
    const available = container.current?.clientWidth ?? laidOutWidth
    const clamped = Math.round(Math.min(maxWidth(pane, available), Math.max(MIN_WIDTH, width)))
    onResize({ [WIDTH_KEYS[pane]]: clamped })
  }

  return (
    <div className="panes" ref={container}>
      {sidebarOpen && (
        <LeftPane
          className="pane-sidebar"
          label="Sidebar"
          width={layout.sidebarWidth}
          max={maxWidth('sidebar', laidOutWidth)}
          onResize={(w) => resize('sidebar', w)}
        >
          {sidebar}
        </LeftPane>
      )}
      {listPaneOpen && (
        <LeftPane
          className="pane-list"
          label="Paper list"
          width={layout.listPaneWidth}
          max={maxWidth('list', laidOutWidth)}
          onResize={(w) => resize('list', w)}
        >
          {list}
        </LeftPane>
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
            max={maxWidth('paper', laidOutWidth)}
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

/** A pane of its own width, with the border that resizes it on its right. */
function LeftPane(props: {
  className: string
  label: string
  width: number
  max: number
  onResize: (width: number) => void
  children: ReactNode
}) {
  return (
    <>
      <section
        className={`pane ${props.className}`}
        aria-label={props.label}
        style={{ width: props.width }}
      >
        {props.children}
      </section>
      <Splitter
        label={`Resize ${props.label.toLowerCase()}`}
        width={props.width}
        max={props.max}
        onResize={props.onResize}
      />
    </>
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
