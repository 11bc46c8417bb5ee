// The sidebar: Library, Unfiled, the collection tree, the standalone notes,
// smart views, tags and the Trash, each with its count. One ARIA tree with a roving focus: arrows
// move, Right/Left open and close, Enter selects, F2 renames, Delete deletes,
// Alt+Up/Down reorders a collection, Shift+F10 opens the context menu. Rows
// take dropped papers (collections file them, tags tag them, the Trash
// trashes them) and collections can be dragged to nest or reorder.
import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react'
import type { NoteSummary, Sidebar as SidebarData } from '../../../../shared/model'
import { COLLECTION_TYPE, PAPERS_TYPE, carries, draggedPapers } from '../organize/dragData'
import { NameInput } from './NameInput'
import {
  noteKey,
  sidebarEntries,
  type SidebarEntry,
  type SidebarTarget,
  type SidebarToday,
} from './sidebarEntries'

const COLLAPSED_KEY = 'offprint.sidebarCollapsed'

/** What is being typed into the sidebar right now. */
export type SidebarEditing =
  | { kind: 'new-collection'; parentId?: string }
  | { kind: 'rename-collection'; id: string }
  | { kind: 'rename-tag'; tag: string }

/** Where a dragged collection lands relative to the row it is dropped on. */
export type DropPlace = 'before' | 'into' | 'after'

export interface SidebarProps {
  data: SidebarData | undefined
  /** The standalone notes, listed under "Notes". */
  notes: readonly NoteSummary[]
  /** Today's row ("Today 12 new") and the feeds under "Feeds", with their last check. */
  today?: SidebarToday | undefined
  /** The key of the row whose list is shown (see scopeKey). */
  selectedKey: string
  /** The standalone note open in the notes pane, if any. */
  selectedNoteId: string | undefined
  activeTags: readonly string[]
  editing: SidebarEditing | undefined
  onActivate(target: SidebarTarget, additive: boolean): void
  onContextMenu(target: SidebarTarget, x: number, y: number): void
  onStartEdit(editing: SidebarEditing): void
  onCommitEdit(editing: SidebarEditing, name: string): void
  onCancelEdit(): void
  onDelete(target: SidebarTarget): void
  onDropPapers(target: SidebarTarget, paperIds: string[]): void
  onDropCollection(id: string, target: SidebarTarget, place: DropPlace): void
  /** Alt+Up/Down on a collection. */
  onNudgeCollection(id: string, delta: -1 | 1): void
}

function loadCollapsed(): Set<string> {
  try {
    const stored = JSON.parse(localStorage.getItem(COLLAPSED_KEY) ?? '[]') as unknown
    return new Set(Array.isArray(stored) ? stored.filter((key) => typeof key === 'string') : [])
  } catch {
    return new Set()
  }
}

export function Sidebar(props: SidebarProps) {
  const { data, notes, editing, today } = props
  const [collapsed, setCollapsed] = useState<Set<string>>(loadCollapsed)
  const [focusKey, setFocusKey] = useState(props.selectedKey)
  const [drop, setDrop] = useState<{ key: string; place: DropPlace } | undefined>(undefined)
  const tree = useRef<HTMLDivElement>(null)

  useEffect(() => {
    localStorage.setItem(COLLAPSED_KEY, JSON.stringify([...collapsed]))
  }, [collapsed])

  const entries = useMemo(
    () => (data === undefined ? [] : sidebarEntries(data, collapsed, notes, today)),
    [data, collapsed, notes, today],
  )
  const focusIndex = Math.max(
    0,
    entries.findIndex((entry) => entry.key === focusKey),
  )
  const activeTags = new Set(props.activeTags.map((tag) => tag.toLowerCase()))

  function setExpanded(key: string, expanded: boolean): void {
    setCollapsed((previous) => {
      const next = new Set(previous)
      if (expanded) next.delete(key)
      else next.add(key)
      return next
    })
  }

  // A new subcollection is typed inside its parent: open the parent, when the
  // typing starts (adjusted while rendering, so the parent never shows closed).
  const [editingSeen, setEditingSeen] = useState<SidebarEditing | undefined>(undefined)
  if (editing !== editingSeen) {
    setEditingSeen(editing)
    if (editing?.kind === 'new-collection') {
      const parentKey =
        editing.parentId === undefined ? 'group:collections' : `collection:${editing.parentId}`
      setCollapsed((previous) => {
        if (!previous.has(parentKey)) return previous
        const next = new Set(previous)
        next.delete(parentKey)
        return next
      })
    }
  }

  function focusRow(index: number): void {
    const entry = entries[Math.max(0, Math.min(entries.length - 1, index))]
    if (entry === undefined) return
    setFocusKey(entry.key)
    tree.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(entry.key)}"]`)?.focus()
  }

  function parentIndex(index: number): number {
    const level = entries[index]?.level ?? 1
    for (let i = index - 1; i >= 0; i--) if ((entries[i]?.level ?? 1) < level) return i
    return index
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const entry = entries[focusIndex]
    if (entry === undefined) return
    const { target } = entry
    const collection = target.kind === 'collection' ? target.collection : undefined
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      if (collection === undefined) return
      event.preventDefault()
      props.onNudgeCollection(collection.id, event.key === 'ArrowUp' ? -1 : 1)
      return
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusRow(focusIndex + 1),
      ArrowUp: () => focusRow(focusIndex - 1),
      Home: () => focusRow(0),
      End: () => focusRow(entries.length - 1),
      ArrowRight: () => {
        if (entry.expanded === false) setExpanded(entry.key, true)
        else if (entry.expanded === true) focusRow(focusIndex + 1)
      },
      ArrowLeft: () => {
        if (entry.expanded === true) setExpanded(entry.key, false)
        else focusRow(parentIndex(focusIndex))
      },
      Enter: () => props.onActivate(target, false),
      ' ': () => props.onActivate(target, false),
      F2: () => {
        if (collection !== undefined)
          props.onStartEdit({ kind: 'rename-collection', id: collection.id })
        if (target.kind === 'tag') props.onStartEdit({ kind: 'rename-tag', tag: target.tag })
      },
      Delete: () => props.onDelete(target),
      ContextMenu: () => openMenuAt(entry),
    }
    const action =
      event.shiftKey && event.key === 'F10'
        ? () => openMenuAt(entry)
        : event.shiftKey
          ? undefined
          : keys[event.key]
    if (action === undefined) return
    event.preventDefault()
    action()
  }

  function openMenuAt(entry: SidebarEntry): void {
    const row = tree.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(entry.key)}"]`)
    const box = row?.getBoundingClientRect()
    if (box !== undefined) props.onContextMenu(entry.target, box.left + 24, box.bottom - 4)
  }

  // --- drag and drop ---------------------------------------------------------

  function placeFor(event: DragEvent<HTMLElement>, entry: SidebarEntry): DropPlace | undefined {
    const { target } = entry
    if (carries(event.dataTransfer, PAPERS_TYPE)) {
      return target.kind === 'collection' || target.kind === 'tag' || target.kind === 'trash'
        ? 'into'
        : undefined
    }
    if (!carries(event.dataTransfer, COLLECTION_TYPE)) return undefined
    if (target.kind === 'group' && target.group === 'collections') return 'into'
    if (target.kind === 'trash') return 'into'
    if (target.kind !== 'collection') return undefined
    const box = event.currentTarget.getBoundingClientRect()
    const y = (event.clientY - box.top) / box.height
    return y < 0.25 ? 'before' : y > 0.75 ? 'after' : 'into'
  }

  function onDragOver(event: DragEvent<HTMLElement>, entry: SidebarEntry): void {
    const place = placeFor(event, entry)
    if (place === undefined) return
    event.preventDefault()
    // Must be one the drag allows: papers are copied into collections, collections move.
    const papers = carries(event.dataTransfer, PAPERS_TYPE)
    event.dataTransfer.dropEffect = papers && entry.target.kind !== 'trash' ? 'copy' : 'move'
    if (drop?.key !== entry.key || drop.place !== place) setDrop({ key: entry.key, place })
  }

  function onDrop(event: DragEvent<HTMLElement>, entry: SidebarEntry): void {
    const place = placeFor(event, entry)
    setDrop(undefined)
    if (place === undefined) return
    event.preventDefault()
    if (carries(event.dataTransfer, PAPERS_TYPE)) {
      const ids = draggedPapers(event.dataTransfer)
      if (ids.length > 0) props.onDropPapers(entry.target, ids)
      return
    }
    const id = event.dataTransfer.getData(COLLECTION_TYPE)
    if (id !== '') props.onDropCollection(id, entry.target, place)
  }

  if (data === undefined) return <nav className="sidebar" aria-label="Library" />

  const newCollectionRow = (parentId: string | undefined, level: number) =>
    editing?.kind === 'new-collection' && editing.parentId === parentId ? (
      <div className="sidebar-row sidebar-editing" style={{ paddingLeft: indent(level) }}>
        <NameInput
          initial=""
          label={parentId === undefined ? 'New collection name' : 'New subcollection name'}
          onCommit={(name) => props.onCommitEdit(editing, name)}
          onCancel={props.onCancelEdit}
        />
      </div>
    ) : null

  return (
    <nav className="sidebar" aria-label="Library" data-testid="sidebar">
      <div
        ref={tree}
        role="tree"
        aria-label="Library"
        className="sidebar-tree"
        onKeyDown={onKeyDown}
      >
        {entries.map((entry, index) => {
          const { target } = entry
          const selected =
            entry.key === props.selectedKey ||
            (target.kind === 'tag' && activeTags.has(target.tag.toLowerCase())) ||
            (props.selectedNoteId !== undefined && entry.key === noteKey(props.selectedNoteId))
          const renaming =
            (editing?.kind === 'rename-collection' &&
              target.kind === 'collection' &&
              target.collection.id === editing.id) ||
            (editing?.kind === 'rename-tag' && target.kind === 'tag' && target.tag === editing.tag)
          const isGroup = target.kind === 'group'
          const dropHere = drop?.key === entry.key ? ` drop-${drop.place}` : ''
          const collectionId = target.kind === 'collection' ? target.collection.id : undefined
          return (
            <div key={entry.key} role="none">
              <div
                role="treeitem"
                aria-level={entry.level}
                aria-selected={selected}
                aria-expanded={entry.expanded}
                tabIndex={index === focusIndex ? 0 : -1}
                data-key={entry.key}
                data-testid={`sidebar-${entry.key}`}
                className={`sidebar-row${isGroup ? ' sidebar-group' : ''}${selected ? ' selected' : ''}${dropHere}`}
                style={{ paddingLeft: indent(entry.level) }}
                onFocus={() => setFocusKey(entry.key)}
                onClick={(event) => {
                  setFocusKey(entry.key)
                  if (isGroup && entry.expanded !== undefined)
                    setExpanded(entry.key, !entry.expanded)
                  else props.onActivate(target, event.ctrlKey || event.metaKey)
                }}
                onDoubleClick={() => {
                  if (collectionId !== undefined)
                    props.onStartEdit({ kind: 'rename-collection', id: collectionId })
                }}
                onContextMenu={(event) => {
                  event.preventDefault()
                  setFocusKey(entry.key)
                  props.onContextMenu(target, event.clientX, event.clientY)
                }}
                draggable={collectionId !== undefined && !renaming}
                onDragStart={(event) => {
                  if (collectionId === undefined) return
                  event.dataTransfer.setData(COLLECTION_TYPE, collectionId)
                  event.dataTransfer.effectAllowed = 'move'
                }}
                onDragOver={(event) => onDragOver(event, entry)}
                onDragLeave={() => drop?.key === entry.key && setDrop(undefined)}
                onDrop={(event) => onDrop(event, entry)}
              >
                <span
                  className={`sidebar-twisty${entry.expanded === undefined ? ' leaf' : ''}`}
                  aria-hidden="true"
                  onClick={(event) => {
                    if (entry.expanded === undefined) return
                    event.stopPropagation()
                    setExpanded(entry.key, !entry.expanded)
                  }}
                >
                  {entry.expanded === undefined ? '' : entry.expanded ? '▾' : '▸'}
                </span>
                <span
                  className={`sidebar-icon sidebar-icon-${target.kind === 'group' ? 'group' : target.kind}`}
                  aria-hidden="true"
                />
                {renaming ? (
                  <NameInput
                    initial={entry.label}
                    label={target.kind === 'tag' ? 'Tag name' : 'Collection name'}
                    onCommit={(name) => editing !== undefined && props.onCommitEdit(editing, name)}
                    onCancel={props.onCancelEdit}
                  />
                ) : entry.detail === undefined ? (
                  <span className="sidebar-label">{entry.label}</span>
                ) : (
                  <span className="sidebar-label sidebar-label-detailed">
                    {entry.label}
                    <span
                      className={`sidebar-detail${entry.detail.failed ? ' failed' : ''}`}
                      data-testid="sidebar-detail"
                      title={entry.detail.text}
                    >
                      {entry.detail.text}
                    </span>
                  </span>
                )}
                {target.kind === 'group' && target.group === 'collections' && (
                  <button
                    type="button"
                    className="sidebar-add"
                    aria-label="New collection"
                    title="New collection"
                    tabIndex={-1}
                    onClick={(event) => {
                      event.stopPropagation()
                      props.onStartEdit({ kind: 'new-collection' })
                    }}
                  >
                    +
                  </button>
                )}
                {entry.count !== undefined && (
                  <span className="sidebar-count" data-testid="sidebar-count">
                    {entry.count.toLocaleString('en')}
                    {entry.countUnit === undefined ? '' : ` ${entry.countUnit}`}
                  </span>
                )}
              </div>
              {target.kind === 'group' &&
                target.group === 'collections' &&
                newCollectionRow(undefined, 2)}
              {collectionId !== undefined && newCollectionRow(collectionId, entry.level + 1)}
            </div>
          )
        })}
      </div>
    </nav>
  )
}

function indent(level: number): number {
  return 6 + (level - 1) * 14
}
