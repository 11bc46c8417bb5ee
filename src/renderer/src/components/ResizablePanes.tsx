// Three side-by-side panes whose two inner borders can be dragged (or moved
// with the arrow keys when focused). Widths persist across restarts.
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
const KEY_STEP = 24

export interface PaneWidths {
  list: number
  paper: number
}

const DEFAULT_WIDTHS: PaneWidths = { list: 360, paper: 520 }

function loadWidths(): PaneWidths {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown
    if (
      typeof stored === 'object' &&
      stored !== null &&
      typeof (stored as PaneWidths).list === 'number' &&
      typeof (stored as PaneWidths).paper === 'number'
    ) {
      return stored as PaneWidths
    }
  } catch {
    // A damaged preference is not worth an error: fall back to the defaults.
  }
  return DEFAULT_WIDTHS
}

interface ResizablePanesProps {
  list: ReactNode
  paper: ReactNode
  notes: ReactNode
  /** Hidden panes are not rendered; the paper pane takes their room. */
  showList?: boolean
  showNotes?: boolean
}

export function ResizablePanes({
  list,
  paper,
  notes,
  showList = true,
  showNotes = true,
}: ResizablePanesProps) {
  const [widths, setWidths] = useState<PaneWidths>(loadWidths)
  const container = useRef<HTMLDivElement>(null)

  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(widths))
  }, [widths])

  function resize(pane: keyof PaneWidths, width: number): void {
    const available = container.current?.clientWidth ?? window.innerWidth
    const other = pane === 'list' ? widths.paper : widths.list
    // The notes pane keeps at least MIN_WIDTH too.
    const max = Math.max(MIN_WIDTH, available - other - MIN_WIDTH)
    setWidths((previous) => ({
      ...previous,
      [pane]: Math.round(Math.min(max, Math.max(MIN_WIDTH, width))),
    }))
  }

  return (
    <div className="panes" ref={container}>
      {showList && (
        <>
          <section
            className="pane pane-list"
            aria-label="Paper list"
            style={{ width: widths.list }}
          >
            {list}
          </section>
          <Splitter
            label="Resize paper list"
            width={widths.list}
            onResize={(w) => resize('list', w)}
          />
        </>
      )}
      <section
        className={`pane pane-paper${showNotes ? '' : ' pane-fill'}`}
        aria-label="Paper"
        style={showNotes ? { width: widths.paper } : undefined}
      >
        {paper}
      </section>
      {showNotes && (
        <>
          <Splitter
            label="Resize paper pane"
            width={widths.paper}
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
