// Ctrl/Cmd+K: one box to run any command or jump to any paper, note or
// collection by a few letters of its title. Commands, collections and
// standalone notes (which the window already holds for the sidebar) are matched
// here; paper titles are matched in main (the renderer never holds the whole
// library) with the same fuzzy scoring, so all kinds interleave by how well
// they match.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { COMMAND_IDS, COMMANDS, type CommandId } from '../../../../shared/commands'
import { fuzzyMatch, fuzzyQuery } from '../../../../shared/text/fuzzyMatch'
import type { CollectionNode, NoteSummary, TextRange, TitleMatch } from '../../../../shared/model'
import { api } from '../../data/client'
import { COMMAND_ACTIONS, type CommandContext } from './commandActions'
import { shortcutLabel } from './keyBindings'
import { collectionEntries, pathLabel } from '../organize/collectionPaths'
import { Highlighted } from '../../ui/Highlighted'

type PaletteItem =
  | {
      kind: 'command'
      key: string
      id: CommandId
      title: string
      ranges: TextRange[]
      score: number
    }
  | { kind: 'paper' | 'note'; key: string; match: TitleMatch; score: number }
  /** A collection (titled by its path) or a standalone note. */
  | {
      kind: 'collection' | 'standalone-note'
      key: string
      id: string
      title: string
      ranges: TextRange[]
      score: number
    }

const KIND_LABELS: Record<PaletteItem['kind'], string> = {
  command: 'Command',
  paper: 'Paper',
  note: 'Note',
  'standalone-note': 'Note',
  collection: 'Collection',
}

const TITLE_LIMIT = 30

interface CommandPaletteProps {
  context: CommandContext
  /** The sidebar's collections and standalone notes, matched here by title. */
  collections: readonly CollectionNode[]
  notes: readonly NoteSummary[]
  onRun(id: CommandId): void
  /** To a paper, or a paper's note. */
  onJump(match: TitleMatch): void
  onOpenCollection(id: string): void
  onOpenNote(id: string): void
  onClose(): void
}

export function CommandPalette(props: CommandPaletteProps) {
  const { context, collections, notes, onRun, onJump, onClose } = props
  const [text, setText] = useState('')
  const [titles, setTitles] = useState<{ query: string; matches: TitleMatch[] }>({
    query: '',
    matches: [],
  })
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const wanted = fuzzyQuery(text)

  useEffect(() => input.current?.focus(), [])

  useEffect(() => {
    if (wanted === '') return
    let current = true
    api
      .findByTitle({ query: wanted, limit: TITLE_LIMIT })
      .then((matches) => current && setTitles({ query: wanted, matches }))
      .catch(() => current && setTitles({ query: wanted, matches: [] }))
    return () => {
      current = false
    }
  }, [wanted])

  // Collections by their path ("Tool learning › Retrieval"), so nested ones are told apart.
  const places = useMemo(
    () => [
      ...collectionEntries(collections).map((entry) => ({
        kind: 'collection' as const,
        id: entry.id,
        title: pathLabel(entry.path),
      })),
      ...notes.map((note) => ({
        kind: 'standalone-note' as const,
        id: note.id,
        title: note.title,
      })),
    ],
    [collections, notes],
  )

  const items = useMemo(() => {
    const list: PaletteItem[] = []
    for (const id of COMMAND_IDS) {
      const title = COMMANDS[id].title
      const found = fuzzyMatch(wanted, title, title.toLowerCase())
      if (found === null) continue
      list.push({
        kind: 'command',
        key: `command:${id}`,
        id,
        title,
        ranges: found.ranges,
        score: found.score,
      })
    }
    if (wanted !== '') {
      for (const place of places) {
        const found = fuzzyMatch(wanted, place.title, place.title.toLowerCase())
        if (found === null) continue
        const { ranges, score } = found
        list.push({ ...place, key: `${place.kind}:${place.id}`, ranges, score })
      }
    }
    if (wanted !== '' && titles.query === wanted) {
      for (const match of titles.matches) {
        const score = fuzzyMatch(wanted, match.title, match.title.toLowerCase())?.score ?? 0
        list.push({ kind: match.kind, key: `${match.kind}:${match.paperId}`, match, score })
      }
    }
    // With no query: the commands in catalogue order. Otherwise best first (stable).
    if (wanted !== '') list.sort((a, b) => b.score - a.score)
    return list
  }, [wanted, titles, places])

  const shown = Math.min(active, Math.max(0, items.length - 1))

  function choose(item: PaletteItem | undefined): void {
    if (item === undefined) return
    if (item.kind === 'command') {
      if (COMMAND_ACTIONS[item.id].enabled?.(context) === false) return
      onRun(item.id)
    } else if ('match' in item) {
      onJump(item.match)
    } else if (item.kind === 'collection') {
      props.onOpenCollection(item.id)
    } else {
      props.onOpenNote(item.id)
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 }
    const move = moves[event.key]
    if (move !== undefined) {
      event.preventDefault()
      setActive(Math.max(0, Math.min(items.length - 1, shown + move)))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      choose(items[shown])
    } else if (event.key === 'Escape') {
      event.preventDefault()
      onClose()
    } else if (event.key === 'Tab') {
      // Focus stays in the dialog while it is open.
      event.preventDefault()
    }
  }

  useEffect(() => {
    document.getElementById(`palette-item-${shown}`)?.scrollIntoView({ block: 'nearest' })
  }, [shown])

  return (
    <div className="dialog-backdrop" onMouseDown={onClose}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        data-testid="command-palette"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <input
          ref={input}
          className="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-items"
          aria-activedescendant={items.length > 0 ? `palette-item-${shown}` : undefined}
          aria-label="Command, or the title of a paper, note or collection"
          placeholder="Type a command, or a few letters of a paper, note or collection…"
          value={text}
          onChange={(event) => {
            setText(event.target.value)
            setActive(0)
          }}
          spellCheck={false}
          data-testid="palette-input"
        />
        <ul id="palette-items" className="palette-items" role="listbox" aria-label="Results">
          {items.map((item, index) => (
            <PaletteRow
              key={item.key}
              item={item}
              index={index}
              active={index === shown}
              enabled={
                item.kind !== 'command' || COMMAND_ACTIONS[item.id].enabled?.(context) !== false
              }
              onHover={() => setActive(index)}
              onChoose={() => choose(item)}
            />
          ))}
          {items.length === 0 && <li className="palette-empty">Nothing matches “{text}”.</li>}
        </ul>
      </div>
    </div>
  )
}

function PaletteRow(props: {
  item: PaletteItem
  index: number
  active: boolean
  enabled: boolean
  onHover(): void
  onChoose(): void
}) {
  const { item } = props
  const label = KIND_LABELS[item.kind]
  return (
    <li
      id={`palette-item-${props.index}`}
      role="option"
      aria-selected={props.active}
      aria-disabled={!props.enabled}
      className={`palette-item${props.active ? ' active' : ''}${props.enabled ? '' : ' disabled'}`}
      onMouseMove={props.onHover}
      onClick={props.onChoose}
      data-testid="palette-item"
      data-kind={item.kind}
    >
      <span className={`palette-kind palette-kind-${item.kind}`}>{label}</span>
      <span className="palette-title">
        {'match' in item ? (
          <Highlighted text={item.match.title} ranges={item.match.matches} />
        ) : (
          <Highlighted text={item.title} ranges={item.ranges} />
        )}
      </span>
      {item.kind === 'command' && COMMANDS[item.id].keys.length > 0 && (
        <kbd className="palette-keys">{shortcutLabel(item.id)}</kbd>
      )}
    </li>
  )
}
