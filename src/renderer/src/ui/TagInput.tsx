// A text field that adds a tag, suggesting the library's tags as you type
// (arrows to choose, Enter or Tab to take one, Enter on new text makes a new tag).
import { forwardRef, useId, useMemo, useState, type KeyboardEvent } from 'react'
import type { TagCount } from '../../../shared/model'

const MAX_SUGGESTIONS = 8

interface TagInputProps {
  known: readonly TagCount[]
  /** Tags not worth suggesting (already on the paper). */
  present?: readonly string[]
  onAdd: (tag: string) => void
  placeholder?: string
}

export const TagInput = forwardRef<HTMLInputElement, TagInputProps>(function TagInput(props, ref) {
  const { known, present = [], onAdd } = props
  const [text, setText] = useState('')
  const [active, setActive] = useState(-1)
  const [open, setOpen] = useState(false)
  const listId = useId()

  const suggestions = useMemo(() => {
    const wanted = text.trim().replace(/^#/, '').toLowerCase()
    const skip = new Set(present.map((tag) => tag.toLowerCase()))
    const matching = known.filter(
      ({ tag }) => !skip.has(tag.toLowerCase()) && tag.toLowerCase().includes(wanted),
    )
    // Tags that start with the text first, then the most used.
    matching.sort(
      (a, b) =>
        Number(b.tag.toLowerCase().startsWith(wanted)) -
          Number(a.tag.toLowerCase().startsWith(wanted)) || b.count - a.count,
    )
    return matching.slice(0, MAX_SUGGESTIONS)
  }, [known, present, text])

  const showing = open && text.trim() !== '' && suggestions.length > 0

  function add(tag: string): void {
    if (tag.trim() === '') return
    onAdd(tag.trim())
    setText('')
    setActive(-1)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' && showing) {
      event.preventDefault()
      setActive((active + 1) % suggestions.length)
    } else if (event.key === 'ArrowUp' && showing) {
      event.preventDefault()
      setActive((active - 1 + suggestions.length) % suggestions.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      add(showing && active >= 0 ? (suggestions[active]?.tag ?? text) : text)
    } else if (event.key === 'Tab' && showing && active >= 0) {
      event.preventDefault()
      setText(suggestions[active]?.tag ?? text)
    } else if (event.key === 'Escape' && text !== '') {
      event.preventDefault()
      event.stopPropagation()
      setText('')
    }
  }

  return (
    <span className="tag-input-wrap">
      <input
        ref={ref}
        type="text"
        className="tag-input"
        role="combobox"
        aria-label="Add a tag"
        aria-autocomplete="list"
        aria-expanded={showing}
        aria-controls={listId}
        aria-activedescendant={showing && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={props.placeholder ?? 'Add tag…'}
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          setActive(-1)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-testid="tag-input"
      />
      {showing && (
        <ul id={listId} role="listbox" className="tag-suggestions" aria-label="Existing tags">
          {suggestions.map(({ tag, count }, index) => (
            <li
              key={tag}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              // Before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault()
                add(tag)
              }}
            >
              {tag} <span className="tag-count">{count}</span>
            </li>
          ))}
        </ul>
      )}
    </span>
  )
})
