// Search-as-you-type for a paper: a text field and the papers whose titles
// fuzzily match it, chosen with the mouse or ↑ ↓ Enter (Esc cancels). Used to
// add a related paper and to point a broken link at a paper.
import { useEffect, useId, useState, type KeyboardEvent } from 'react'
import type { LinkTarget } from '../../../shared/model'
import { api } from '../data/client'
import { formatDate } from './format'

interface PaperPickerProps {
  label: string
  initialQuery?: string
  /** A paper not to offer (the one being related). */
  excludeId?: string
  onPick(paper: LinkTarget): void
  onCancel(): void
}

export function PaperPicker({
  label,
  initialQuery,
  excludeId,
  onPick,
  onCancel,
}: PaperPickerProps) {
  const [query, setQuery] = useState(initialQuery ?? '')
  const [results, setResults] = useState<LinkTarget[]>([])
  const [active, setActive] = useState(0)
  const listId = useId()

  useEffect(() => {
    let current = true
    api
      .suggestLinkTargets({ query, kind: 'paper', limit: 8 })
      .then((found) => {
        if (!current) return
        setResults(found.filter((paper) => paper.id !== excludeId))
        setActive(0)
      })
      .catch(() => current && setResults([]))
    return () => {
      current = false
    }
  }, [query, excludeId])

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((i) => (results.length === 0 ? 0 : (i + step + results.length) % results.length))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const chosen = results[active]
      if (chosen !== undefined) onPick(chosen)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onCancel()
    }
  }

  return (
    <div className="paper-picker" data-testid="paper-picker">
      <input
        className="paper-picker-input"
        aria-label={label}
        placeholder={label}
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-activedescendant={results[active] ? `${listId}-${active}` : undefined}
        value={query}
        autoFocus
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul className="picker-results" role="listbox" id={listId} aria-label="Papers found">
        {results.map((paper, i) => (
          <li
            key={paper.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(paper)}
          >
            <span className="picker-title">{paper.title}</span>
            {paper.published !== undefined && (
              <span className="picker-detail">{formatDate(paper.published)}</span>
            )}
          </li>
        ))}
        {results.length === 0 && <li className="picker-empty">No paper matches.</li>}
      </ul>
    </div>
  )
}
