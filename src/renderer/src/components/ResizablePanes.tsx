// The sidebar (which can be hidden) and three side-by-side panes, whose inner
// borders can be dragged (or moved with the arrow keys when focused). Widths
// persist across restarts.
import {
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react'

const STORAGE_KEY = 'offprint.paneWidths'
const MIN_WIDTH = 200
const MIN_SIDEBAR_WIDTH = 150
const KEY_STEP = 24

export interface PaneWidths {
  sidebar: number
  list: number
  paper: number
}

const DEFAULT_WIDTHS: PaneWidths = { sidebar: 230, list: 380, paper: 500 }

function loadWidths(): PaneWidths {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown
    if (
      typeof stored === 'object' &&
      stored !== null &&
      typeof (stored as PaneWidths).list === 'number' &&
      typeof (stored as PaneWidths).paper === 'number'
    ) {
      // Widths saved before the sidebar existed have none: it gets the default.
      const sidebar = (stored as Partial<PaneWidths>).sidebar
      return {
        ...(stored as PaneWidths),
        sidebar: typeof sidebar === 'number' ? sidebar : DEFAULT_WIDTHS.sidebar,
      }
    }
  } catch {
    // A damaged preference is not worth an error: fall back to the defaults.
  }
  return DEFAULT_WIDTHS
}

interface ResizablePanesProps {
  /** Left of the list; absent while hidden. */
  sidebar: ReactNode | undefined
  list: ReactNode
  paper: ReactNode
  notes: ReactNode
}

export function ResizablePanes({ sidebar, list, paper, notes }: ResizablePanesProps) {
  const [widths, setWidths] = useState<PaneWidths>(loadWidths)
  const container = useRef<HTMLDivElement>(null)

  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(widths))
  }, [widths])

  function resize(pane: keyof PaneWidths, width: number): void {
    const available = container.current?.clientWidth ?? window.innerWidth
    const shown = sidebar === undefined ? 0 : widths.sidebar
    const others = shown + widths.list + widths.paper - (pane === 'sidebar' ? shown : widths[pane])
    const min = pane === 'sidebar' ? MIN_SIDEBAR_WIDTH : MIN_WIDTH
    // The notes pane keeps at least MIN_WIDTH too.
    const max = Math.max(min, available - others - MIN_WIDTH)
    setWidths((previous) => ({
      ...previous,
      [pane]: Math.round(Math.min(max, Math.max(min, width))),
    }))
  }

  return (
    <div className="panes" ref={container}>
      {sidebar !== undefined && (
        <>
          <section
            className="pane pane-sidebar"
            aria-label="Sidebar"
            style={{ width: widths.sidebar }}
          >
            {sidebar}
          </section>
          <Splitter
            label="Resize sidebar"
            width={widths.sidebar}
            onResize={(w) => resize('sidebar', w)}
          />
        </>
      )}
      <section className="pane pane-list" aria-label="Paper list" style={{ width: widths.list }}>
        {list}
      </section>
      <Splitter label="Resize paper list" width={widths.list} onResize={(w) => resize('list', w)} />
      <section className="pane pane-paper" aria-label="Paper" style={{ width: widths.paper }}>
        {paper}
      </section>
      <Splitter
        label="Resize paper pane"
        width={widths.paper}
        onResize={(w) => resize('paper', w)}
      />
      <section className="pane pane-notes" aria-label="Notes">
        {notes}
      </section>
    </div>
  )
}

function Splitter(props: { label: string; width: number; onResize: (width: number) => void }) {
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
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
    />
  )
}
