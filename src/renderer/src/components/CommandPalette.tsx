// Ctrl/Cmd+K: one box to run any command or jump to any paper or note by a
// few letters of its title. Commands are matched here; titles are matched in
// main (the renderer never holds the whole library) with the same fuzzy
// scoring, so the two kinds interleave by how well they match.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { COMMAND_IDS, COMMANDS, type CommandId } from '../../../shared/commands'
import { fuzzyMatch, fuzzyQuery } from '../../../shared/fuzzyMatch'
import type { TextRange, TitleMatch } from '../../../shared/model'
import { api } from '../api/client'
import { COMMAND_ACTIONS, type CommandContext } from '../commands/commandActions'
import { shortcutLabel } from '../commands/keyBindings'
import { Highlighted } from './Highlighted'

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

const TITLE_LIMIT = 30

interface CommandPaletteProps {
  context: CommandContext
  onRun(id: CommandId): void
  onJump(match: TitleMatch): void
  onClose(): void
}

export function CommandPalette({ context, onRun, onJump, onClose }: CommandPaletteProps) {
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
    if (wanted !== '' && titles.query === wanted) {
      for (const match of titles.matches) {
        const score = fuzzyMatch(wanted, match.title, match.title.toLowerCase())?.score ?? 0
        list.push({ kind: match.kind, key: `${match.kind}:${match.paperId}`, match, score })
      }
    }
    // With no query: the commands in catalogue order. Otherwise best first (stable).
    if (wanted !== '') list.sort((a, b) => b.score - a.score)
    return list
  }, [wanted, titles])

  const shown = Math.min(active, Math.max(0, items.length - 1))

  function choose(item: PaletteItem | undefined): void {
    if (item === undefined) return
    if (item.kind === 'command') {
      if (COMMAND_ACTIONS[item.id].enabled?.(context) === false) return
      onRun(item.id)
    } else {
      onJump(item.match)
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
          aria-label="Command or paper title"
          placeholder="Type a command, or a few letters of a paper or note title…"
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
  const label = item.kind === 'command' ? 'Command' : item.kind === 'paper' ? 'Paper' : 'Note'
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
        {item.kind === 'command' ? (
          <Highlighted text={item.title} ranges={item.ranges} />
        ) : (
          <Highlighted text={item.match.title} ranges={item.match.matches} />
        )}
      </span>
      {item.kind === 'command' && COMMANDS[item.id].keys.length > 0 && (
        <kbd className="palette-keys">{shortcutLabel(item.id)}</kbd>
      )}
    </li>
  )
}
