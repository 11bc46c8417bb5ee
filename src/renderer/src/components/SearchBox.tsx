// The search box above the list: results update as you type. Enter or ↓ goes
// to the results; Esc clears the search, and a second Esc returns to the list.
import type { KeyboardEvent, Ref } from 'react'
import { shortcutLabel } from '../commands/keyBindings'

interface SearchBoxProps {
  value: string
  onChange(value: string): void
  /** Leave the box for the results. */
  onLeave(): void
  inputRef: Ref<HTMLInputElement>
  /** Matches of the current query; undefined while there is no query or no answer yet. */
  total: number | undefined
}

export function SearchBox({ value, onChange, onLeave, inputRef, total }: SearchBoxProps) {
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter' || event.key === 'ArrowDown') {
      event.preventDefault()
      onLeave()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      if (value !== '') onChange('')
      else onLeave()
    }
  }
  return (
    <div className="search-box" role="search">
      <input
        ref={inputRef}
        type="search"
        className="search-input"
        aria-label="Search the library"
        placeholder={`Search  (${shortcutLabel('find')})`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        spellCheck={false}
        data-testid="search-input"
      />
      {value.trim() !== '' && total !== undefined && (
        <span className="search-count" role="status" data-testid="search-count">
          {total === 1 ? '1 match' : `${total} matches`}
        </span>
      )}
    </div>
  )
}
