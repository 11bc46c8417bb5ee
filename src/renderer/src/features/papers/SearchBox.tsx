// The search box above the list: results update as you type. Enter or ↓ goes
// to the results; Esc clears the search, and a second Esc returns to the list.
import type { KeyboardEvent, Ref } from 'react'
import { MAX_QUERY_CHARS } from '../../../../shared/api/limits'
import { shortcutLabel } from '../commands/keyBindings'

interface SearchBoxProps {
  value: string
  onChange(value: string): void
  /** Leave the box for the results. */
  onLeave(): void
  inputRef: Ref<HTMLInputElement>
  /** Matches of the current query; undefined while there is no query or no answer yet. */
  total: number | undefined
  /** Why the last search could not be answered, if it could not. */
  error?: string | undefined
}

export function SearchBox(props: SearchBoxProps) {
  const { value, onChange, onLeave, inputRef, total, error } = props
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
        // A pasted essay stops at the limit instead of becoming a refused call.
        maxLength={MAX_QUERY_CHARS}
        data-testid="search-input"
      />
      {error !== undefined && (
        <span className="search-error" role="alert" data-testid="search-error">
          The search failed: {error}
        </span>
      )}
      {value.trim() !== '' && total !== undefined && error === undefined && (
        <span className="search-count" role="status" data-testid="search-count">
          {total === 1 ? '1 match' : `${total.toLocaleString('en')} matches`}
        </span>
      )}
    </div>
  )
}
