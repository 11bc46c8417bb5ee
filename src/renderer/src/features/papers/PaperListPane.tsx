// The list pane (it keeps its scroll while the notes tab is shown, and gets it
// back with Back / Forward): the papers of the sidebar's choice, one row each (title,
// date, tags, upvotes, byline), in the chosen order. Only the rows on screen
// are mounted (a virtualizer) and rows are fetched a page at a time. Rows
// select like a file list (click, Ctrl/Cmd-click, Shift-click, Shift+arrows)
// and drag onto the sidebar's collections.
import { useVirtualizer } from '@tanstack/react-virtual'
import {
  useEffect,
  useLayoutEffect,
  useImperativeHandle,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type Ref,
} from 'react'
import type { PaperFilter, PaperSort, PaperSummary } from '../../../../shared/model'
import { api } from '../../data/client'
import { MarkedText } from './MarkedText'
import { SHOWN_CHARS, clipText } from '../../ui/clipText'
import { bylineOf, formatDate } from '../../ui/format'
import type { PaperRows } from './usePaperRows'
import type { Selection } from './useSelection'
import { listCommandFor, type ListCommand } from './listShortcuts'
import { setDraggedPapers } from '../organize/dragData'

const ROW_HEIGHT = 58

/** What the window can ask of the list (j/k from anywhere, focus by Ctrl/Cmd+1). */
export interface PaperListHandle {
  move(delta: number): void
  focus(): void
}

/** Asks the list to scroll a paper into view (a restored selection, a new sort order). */
export interface RevealRequest {
  id: string
  /** A new number for each request, so asking twice for one paper scrolls twice. */
  serial: number
}

interface PaperListPaneProps {
  rows: PaperRows
  selection: Selection
  /** The list's order and filter, for finding a paper's row that is not loaded yet. */
  sort: PaperSort
  filter: PaperFilter
  reveal: RevealRequest | undefined
  /** Above the rows: the view's title, sort and tag filter. */
  header: ReactNode
  /** Between the header and the rows (the Trash's collections and notes). */
  extras?: ReactNode
  /** Shown when the view has no papers. */
  emptyText: string
  onCommand(command: ListCommand): void
  /** Right-click or the context-menu key on a row (already selected by then). */
  onContextMenu(x: number, y: number): void
  /** False while the list is hidden behind the notes tab. */
  active: boolean
  /** Changes on every move through the back / forward history. */
  moves: number
  /** After Back / Forward: where the list was scrolled when that place was left. */
  restoreScroll: number | undefined
  onScroll(top: number): void
  handle?: Ref<PaperListHandle>
}

export function PaperListPane(props: PaperListPaneProps) {
  const { rows, selection, active, moves, restoreScroll } = props
  const scroller = useRef<HTMLDivElement>(null)
  // Where the list was scrolled, for the way back: a hidden element forgets it.
  const savedScroll = useRef(0)
  useLayoutEffect(() => {
    if (active && scroller.current !== null) scroller.current.scrollTop = savedScroll.current
  }, [active])
  useLayoutEffect(() => {
    if (!active || restoreScroll === undefined || scroller.current === null) return
    scroller.current.scrollTop = restoreScroll
    savedScroll.current = restoreScroll
  }, [active, moves, restoreScroll])
  const total = rows.total ?? 0
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's documented hook; no React Compiler memoizes this app
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0

  const { ensureLoaded } = rows
  useEffect(() => {
    if (total > 0) ensureLoaded(first, last)
  }, [first, last, total, ensureLoaded])

  // The row may be anywhere in a long list and not loaded yet: ask main where it is.
  const { reveal, sort } = props
  const filterKey = JSON.stringify(props.filter)
  const hasRows = total > 0
  const search = rows.query
  useEffect(() => {
    if (reveal === undefined || !hasRows) return
    let current = true
    const filter = JSON.parse(filterKey) as PaperFilter
    const args = { id: reveal.id, sort, filter }
    api
      .indexOfPaper(search === '' ? args : { ...args, query: search })
      .then((index) => {
        if (!current || index < 0) return
        ensureLoaded(index, index)
        virtualizer.scrollToIndex(index, { align: 'center' })
      })
      .catch(() => undefined) // nothing to scroll to; the selection itself still shows
    return () => {
      current = false
    }
  }, [reveal, hasRows, sort, filterKey, search, ensureLoaded, virtualizer])

  const focusIndex = selection.focusId === undefined ? -1 : rows.indexOf(selection.focusId)
  // A keyboard move to a row whose page has not arrived yet (End in a large
  // library) is remembered and completed when the page lands.
  const [pending, setPending] = useState<{ index: number; extend: boolean } | undefined>(undefined)
  const pendingRow = pending === undefined ? undefined : rows.rowAt(pending.index)
  const { selectOnly, extendTo } = selection
  useEffect(() => {
    if (pending === undefined || pendingRow === undefined) return
    setPending(undefined)
    if (pending.extend) extendTo(pendingRow.id, pending.index)
    else selectOnly(pendingRow.id, pending.index)
  }, [pending, pendingRow, selectOnly, extendTo])

  function moveFocus(delta: number, extend: boolean): void {
    if (total === 0) return
    const from = pending?.index ?? focusIndex
    const target = Math.min(total - 1, Math.max(0, from + delta))
    virtualizer.scrollToIndex(target, { align: 'auto' })
    const row = rows.rowAt(target)
    if (row === undefined) {
      setPending({ index: target, extend })
      rows.ensureLoaded(target, target)
      return
    }
    setPending(undefined)
    if (extend) selection.extendTo(row.id, target)
    else selection.selectOnly(row.id, target)
  }

  useImperativeHandle(props.handle, () => ({
    move: (delta: number) => moveFocus(delta, false),
    focus: () => scroller.current?.focus(),
  }))

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1)
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
      Home: -total,
      End: total,
    }
    const letterMoves: Record<string, number> = { j: 1, k: -1 }
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey
    const delta = moves[event.key] ?? (event.shiftKey ? undefined : letterMoves[event.key])
    if (plain && delta !== undefined) {
      event.preventDefault()
      moveFocus(delta, event.shiftKey)
      return
    }
    const command = listCommandFor(event)
    if (command === undefined) return
    event.preventDefault()
    if (command === 'context-menu') {
      const row = scroller.current?.querySelector(`#paper-row-${focusIndex}`)
      const box = (row ?? scroller.current)?.getBoundingClientRect()
      if (box !== undefined) props.onContextMenu(box.left + 24, box.top + box.height / 2)
      return
    }
    props.onCommand(command)
  }

  function onRowClick(event: MouseEvent, row: PaperSummary, index: number): void {
    if (event.shiftKey) selection.extendTo(row.id, index)
    else if (event.ctrlKey || event.metaKey) selection.toggle(row.id, index)
    else selection.selectOnly(row.id, index)
  }

  function onRowContextMenu(event: MouseEvent, row: PaperSummary, index: number): void {
    event.preventDefault()
    // Right-clicking outside the selection acts on that row alone, as file managers do.
    if (!selection.has(row.id)) selection.selectOnly(row.id, index)
    scroller.current?.focus()
    props.onContextMenu(event.clientX, event.clientY)
  }

  function onRowDragStart(event: DragEvent, row: PaperSummary): void {
    // A row outside the selection is dragged alone and the selection stays, so
    // it can be dropped on the paper pane to relate it to the paper shown there.
    const ids: readonly string[] = selection.has(row.id) ? selection.ids : [row.id]
    setDraggedPapers(event.dataTransfer, ids)
    if (ids.length > 1) showDragBadge(event.dataTransfer, `${ids.length} papers`)
  }

  return (
    <div className="paper-list-pane">
      {props.header}
      {props.extras}
      <div
        ref={scroller}
        className="paper-list"
        role="listbox"
        aria-label="Papers"
        aria-multiselectable="true"
        tabIndex={0}
        aria-activedescendant={focusIndex === -1 ? undefined : `paper-row-${focusIndex}`}
        onKeyDown={onKeyDown}
        onScroll={(event) => {
          if (!active) return
          savedScroll.current = event.currentTarget.scrollTop
          props.onScroll(savedScroll.current)
        }}
        data-testid="paper-list"
      >
        {rows.total === 0 && (
          <div className="paper-list-empty" data-testid="paper-list-empty">
            {props.emptyText}
          </div>
        )}
        <div className="paper-list-inner" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows.rowAt(item.index)
            return (
              <div
                key={item.key}
                className="paper-row-slot"
                style={{ transform: `translateY(${item.start}px)`, height: item.size }}
              >
                {row === undefined ? (
                  <div className="paper-row paper-row-loading" aria-hidden="true" />
                ) : (
                  <PaperRow
                    domId={`paper-row-${item.index}`}
                    paper={row}
                    selected={selection.has(row.id)}
                    focused={row.id === selection.focusId}
                    onClick={(event) => onRowClick(event, row, item.index)}
                    onContextMenu={(event) => onRowContextMenu(event, row, item.index)}
                    onDragStart={(event) => onRowDragStart(event, row)}
                  />
                )}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}

/** A small "3 papers" label under the pointer while several rows are dragged. */
function showDragBadge(transfer: DataTransfer, text: string): void {
  const badge = document.createElement('div')
  badge.className = 'drag-badge'
  badge.textContent = text
  document.body.append(badge)
  transfer.setDragImage(badge, 12, 12)
  // The browser has taken its picture once this task ends.
  setTimeout(() => badge.remove(), 0)
}

const MAX_ROW_TAGS = 3

function PaperRow(props: {
  domId: string
  paper: PaperSummary
  selected: boolean
  focused: boolean
  onClick: (event: MouseEvent) => void
  onContextMenu: (event: MouseEvent) => void
  onDragStart: (event: DragEvent) => void
}) {
  const { paper, selected, focused } = props
  const byline = clipText(bylineOf(paper), SHOWN_CHARS.listTitle).shown
  // One line of a row: a 1 MB title must not be laid out in full for every scroll.
  const title = clipText(paper.title, SHOWN_CHARS.listTitle).shown
  const classes = ['paper-row']
  if (selected) classes.push('selected')
  if (focused) classes.push('focused')
  if (paper.status === 'unread') classes.push('unread')
  return (
    <div
      id={props.domId}
      role="option"
      aria-selected={selected}
      className={classes.join(' ')}
      onClick={props.onClick}
      onContextMenu={props.onContextMenu}
      draggable
      onDragStart={props.onDragStart}
      data-testid="paper-row"
      data-paper-id={paper.id}
      data-status={paper.status}
      data-starred={paper.starred}
    >
      <div className="paper-row-head">
        {paper.starred && (
          <span className="paper-row-star" role="img" aria-label="Starred" title="Starred">
            ★
          </span>
        )}
        <div className="paper-row-title" title={title}>
          <MarkedText text={title} ranges={paper.titleMatches} />
        </div>
      </div>
      <div className="paper-row-meta">
        <span className="paper-row-date">{formatDate(paper.published)}</span>
        {paper.status === 'reading' && <span className="paper-row-status">reading</span>}
        {byline !== '' && <span className="paper-row-byline">{byline}</span>}
        {paper.tags.length > 0 && (
          <span className="paper-row-tags">
            {paper.tags.slice(0, MAX_ROW_TAGS).map((tag) => (
              <span key={tag} className="tag-chip tag-chip-small">
                {clipText(tag, SHOWN_CHARS.linkLabel).shown}
              </span>
            ))}
            {paper.tags.length > MAX_ROW_TAGS && (
              <span className="paper-row-more-tags">+{paper.tags.length - MAX_ROW_TAGS}</span>
            )}
          </span>
        )}
        {paper.hasNote && (
          <span className="paper-row-note" title="Has a note" role="img" aria-label="Has a note">
            ✎
          </span>
        )}
        <span className="paper-row-upvotes" title={`${paper.upvotes} upvotes`}>
          ▲ {paper.upvotes}
        </span>
      </div>
    </div>
  )
}
