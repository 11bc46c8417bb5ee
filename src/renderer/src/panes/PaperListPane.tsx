// The list pane: every paper as one row (title, date, upvotes, byline) in the
// chosen order. Only the rows on screen are mounted (a virtualizer), and rows
// are fetched from main a page at a time.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { PaperSort, PaperSummary } from '../../../shared/model'
import { api } from '../api/client'
import { MathText } from '../components/MathText'
import { bylineOf, formatDate } from '../format'
import type { PaperRows } from '../hooks/usePaperRows'

const ROW_HEIGHT = 58

const SORT_LABELS: Record<PaperSort, string> = {
  published: 'Newest published',
  added: 'Recently added',
  title: 'Title',
  upvotes: 'Most upvoted',
}

/** Asks the list to scroll a paper into view (a restored selection, a new sort order). */
export interface RevealRequest {
  id: string
  /** A new number for each request, so asking twice for one paper scrolls twice. */
  serial: number
}

interface PaperListPaneProps {
  rows: PaperRows
  selectedId: string | undefined
  onSelect: (id: string) => void
  sort: PaperSort
  onSortChange: (sort: PaperSort) => void
  reveal: RevealRequest | undefined
}

export function PaperListPane(props: PaperListPaneProps) {
  const { rows, selectedId, onSelect, sort, reveal } = props
  const scroller = useRef<HTMLDivElement>(null)
  const total = rows.total ?? 0
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
  const hasRows = total > 0
  useEffect(() => {
    if (reveal === undefined || !hasRows) return
    let current = true
    api
      .indexOfPaper({ id: reveal.id, sort })
      .then((index) => {
        if (!current || index < 0) return
        ensureLoaded(index, index)
        virtualizer.scrollToIndex(index, { align: 'center' })
      })
      .catch(() => undefined) // nothing to scroll to; the selection itself still shows
    return () => {
      current = false
    }
  }, [reveal, hasRows, sort, ensureLoaded, virtualizer])

  const selectedIndex = selectedId === undefined ? -1 : rows.indexOf(selectedId)
  // A keyboard move to a row whose page has not arrived yet (End in a large
  // library) is remembered and completed when the page lands.
  const [pendingIndex, setPendingIndex] = useState<number | undefined>(undefined)
  const pendingRow = pendingIndex === undefined ? undefined : rows.rowAt(pendingIndex)
  useEffect(() => {
    if (pendingRow === undefined) return
    setPendingIndex(undefined)
    onSelect(pendingRow.id)
  }, [pendingRow, onSelect])

  function moveSelection(delta: number): void {
    if (total === 0) return
    const from = pendingIndex ?? selectedIndex
    const target = Math.min(total - 1, Math.max(0, from + delta))
    virtualizer.scrollToIndex(target, { align: 'auto' })
    const row = rows.rowAt(target)
    if (row === undefined) {
      setPendingIndex(target)
      rows.ensureLoaded(target, target)
      return
    }
    setPendingIndex(undefined)
    onSelect(row.id)
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1)
    const moves: Record<string, number> = {
      ArrowDown: 1,
      j: 1,
      ArrowUp: -1,
      k: -1,
      PageDown: page,
      PageUp: -page,
      Home: -total,
      End: total,
    }
    const delta = moves[event.key]
    if (delta === undefined) return
    event.preventDefault()
    moveSelection(delta)
  }

  return (
    <div className="paper-list-pane">
      <div className="list-header">
        <label className="sort-control">
          <span>Sort</span>
          <select
            value={sort}
            onChange={(event) => props.onSortChange(event.target.value as PaperSort)}
            data-testid="sort-select"
          >
            {(Object.keys(SORT_LABELS) as PaperSort[]).map((value) => (
              <option key={value} value={value}>
                {SORT_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div
        ref={scroller}
        className="paper-list"
        role="listbox"
        aria-label="Papers"
        tabIndex={0}
        aria-activedescendant={selectedIndex === -1 ? undefined : `paper-row-${selectedIndex}`}
        onKeyDown={onKeyDown}
        data-testid="paper-list"
      >
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
                    selected={row.id === selectedId}
                    onClick={() => onSelect(row.id)}
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

function PaperRow(props: {
  domId: string
  paper: PaperSummary
  selected: boolean
  onClick: () => void
}) {
  const { paper, selected } = props
  const byline = bylineOf(paper)
  return (
    <div
      id={props.domId}
      role="option"
      aria-selected={selected}
      className={`paper-row${selected ? ' selected' : ''}${paper.status === 'unread' ? ' unread' : ''}`}
      onClick={props.onClick}
      data-testid="paper-row"
      data-paper-id={paper.id}
    >
      <div className="paper-row-title" title={paper.title}>
        <MathText text={paper.title} />
      </div>
      <div className="paper-row-meta">
        <span className="paper-row-date">{formatDate(paper.published)}</span>
        {byline !== '' && <span className="paper-row-byline">{byline}</span>}
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
