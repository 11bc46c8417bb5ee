// "Add to collection…" and "Move to…": type to narrow the collections by
// name or path, arrows to choose, Enter to pick. Typing a name that does not
// exist offers to create it.
import { useMemo, useState, type KeyboardEvent } from 'react'
import type { CollectionNode } from '../../../shared/model'
import { collectionEntries, pathLabel } from '../features/organize/collectionPaths'
import { Dialog } from './Dialog'

export type PickedCollection =
  { kind: 'existing'; id: string } | { kind: 'new'; name: string } | { kind: 'top-level' }

export interface CollectionPick {
  title: string
  collections: readonly CollectionNode[]
  /** Collections that cannot be chosen (a collection cannot move into itself). */
  exclude?: ReadonlySet<string>
  allowCreate?: boolean
  /** "Move to…" also offers the top level. */
  offerTopLevel?: boolean
  onPick: (picked: PickedCollection) => void
  /** Closed without a choice. */
  onCancel?: () => void
}

interface Option {
  key: string
  label: string
  picked: PickedCollection
}

export function CollectionPicker(props: { pick: CollectionPick; onClose: () => void }) {
  const { pick, onClose } = props
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const entries = useMemo(() => collectionEntries(pick.collections), [pick.collections])

  const options = useMemo((): Option[] => {
    const wanted = query.trim().toLowerCase()
    const list: Option[] = []
    if (pick.offerTopLevel === true && wanted === '') {
      list.push({ key: 'top', label: 'Top level', picked: { kind: 'top-level' } })
    }
    for (const entry of entries) {
      if (pick.exclude?.has(entry.id) === true) continue
      if (wanted !== '' && !pathLabel(entry.path).toLowerCase().includes(wanted)) continue
      list.push({
        key: entry.id,
        label: pathLabel(entry.path),
        picked: { kind: 'existing', id: entry.id },
      })
    }
    const exists = entries.some((entry) => entry.name.toLowerCase() === wanted)
    if (pick.allowCreate === true && wanted !== '' && !exists) {
      const name = query.trim()
      list.push({ key: 'new', label: `New collection “${name}”`, picked: { kind: 'new', name } })
    }
    return list
  }, [entries, query, pick.exclude, pick.allowCreate, pick.offerTopLevel])

  const current = Math.min(active, options.length - 1)

  function choose(option: Option | undefined): void {
    if (option === undefined) return
    onClose()
    pick.onPick(option.picked)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const delta = event.key === 'ArrowDown' ? 1 : -1
      setActive((current + delta + options.length) % Math.max(1, options.length))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      choose(options[current])
    }
  }

  return (
    <Dialog
      title={pick.title}
      onCancel={() => {
        onClose()
        pick.onCancel?.()
      }}
      className="picker-dialog"
    >
      <input
        className="picker-input"
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls="collection-picker-options"
        aria-activedescendant={current >= 0 ? `collection-option-${current}` : undefined}
        aria-label="Collection"
        placeholder={
          pick.allowCreate === true ? 'Find or create a collection…' : 'Find a collection…'
        }
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
        data-autofocus
        data-testid="collection-picker-input"
      />
      <ul
        id="collection-picker-options"
        role="listbox"
        className="picker-options"
        aria-label="Collections"
      >
        {options.length === 0 && <li className="picker-empty">No collection matches</li>}
        {options.map((option, index) => (
          <li
            key={option.key}
            id={`collection-option-${index}`}
            role="option"
            aria-selected={index === current}
            className={`picker-option${index === current ? ' active' : ''}${option.picked.kind === 'new' ? ' picker-new' : ''}`}
            onMouseEnter={() => setActive(index)}
            onClick={() => choose(option)}
          >
            {option.label}
          </li>
        ))}
      </ul>
    </Dialog>
  )
}
