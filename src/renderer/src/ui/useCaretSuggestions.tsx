// A list of suggestions under the caret of a textarea, opened by what was just
// typed (`[[` for links, `[@` for citations): ↑ ↓ move, Enter or Tab insert,
// Esc closes the list for that opening until the caret leaves it.
import {
  useCallback,
  useEffect,
  useId,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react'
import { caretPosition } from '../features/notes/textareaCaret'

/** Width of the suggestion list (CSS caps it to the pane). */
const POPUP_WIDTH = 460

interface Opening {
  start: number
  query: string
  top: number
  left: number
}

export interface CaretSuggestions {
  /** Call after every change of text or caret. */
  update(): void
  /** Call first in the textarea's keydown; true when the key was for the list. */
  onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean
  /** Whether the list is showing (its input attributes then point at it). */
  shown: boolean
  /**
   * Attributes that tie the textarea to the list for screen readers (a
   * textarea may not take the combobox role, so no aria-expanded).
   */
  inputProps: {
    'aria-autocomplete': 'list'
    'aria-controls': string | undefined
    'aria-activedescendant': string | undefined
  }
  popup: ReactNode
}

export interface SuggestionSource<T> {
  /** What is being typed at the caret: where it starts and the query; undefined when nothing. */
  find(text: string, caret: number): { start: number; query: string } | undefined
  suggest(query: string): Promise<T[]>
  /** Inserts `item` in place of what was typed from `start` to `caret`. */
  insert(text: string, start: number, caret: number, item: T): { text: string; caret: number }
  keyOf(item: T): string
  render(item: T): ReactNode
  /** The list's accessible name and test id. */
  label: string
  testId: string
}

export function useCaretSuggestions<T>(
  textarea: RefObject<HTMLTextAreaElement | null>,
  source: SuggestionSource<T>,
  onEdit: (edit: { text: string; caret: number }) => void,
): CaretSuggestions {
  const [open, setOpen] = useState<Opening | undefined>(undefined)
  const [items, setItems] = useState<T[]>([])
  const [active, setActive] = useState(0)
  const [dismissedAt, setDismissedAt] = useState<number | undefined>(undefined)
  const listId = useId()
  const { find, suggest, insert } = source

  const update = useCallback(() => {
    const element = textarea.current
    if (element === null || element.selectionStart !== element.selectionEnd) {
      setOpen(undefined)
      return
    }
    const found = find(element.value, element.selectionStart)
    if (found === undefined || found.start === dismissedAt) {
      if (found === undefined) setDismissedAt(undefined)
      setOpen(undefined)
      return
    }
    const caret = caretPosition(element, element.selectionStart)
    setOpen({
      start: found.start,
      query: found.query,
      top: element.offsetTop + caret.top + caret.height + 2,
      left: Math.max(
        0,
        Math.min(
          element.offsetLeft + caret.left,
          element.offsetLeft + element.clientWidth - POPUP_WIDTH,
        ),
      ),
    })
  }, [textarea, dismissedAt, find])

  const query = open?.query
  useEffect(() => {
    if (query === undefined) return
    let current = true
    suggest(query)
      .then((found) => {
        if (!current) return
        setItems(found)
        setActive(0)
      })
      .catch(() => current && setItems([]))
    return () => {
      current = false
    }
  }, [query, suggest])

  const choose = useCallback(
    (item: T) => {
      const element = textarea.current
      if (element === null || open === undefined) return
      onEdit(insert(element.value, open.start, element.selectionStart, item))
      setOpen(undefined)
    },
    [textarea, open, onEdit, insert],
  )

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (open === undefined) return false
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      setDismissedAt(open.start)
      setOpen(undefined)
      return true
    }
    if (items.length === 0) return false
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((i) => (i + step + items.length) % items.length)
      return true
    }
    if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault()
      const chosen = items[active]
      if (chosen !== undefined) choose(chosen)
      return true
    }
    return false
  }

  const shown = open !== undefined && items.length > 0
  const popup = shown ? (
    <ul
      className="link-suggestions"
      role="listbox"
      id={listId}
      aria-label={source.label}
      data-testid={source.testId}
      style={{ top: open.top, left: open.left, width: POPUP_WIDTH }}
    >
      {items.map((item, i) => (
        <li
          key={source.keyOf(item)}
          id={`${listId}-${i}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : undefined}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => choose(item)}
        >
          {source.render(item)}
        </li>
      ))}
    </ul>
  ) : null

  return {
    update,
    onKeyDown,
    shown,
    inputProps: {
      'aria-autocomplete': 'list',
      // Only while the list exists: it must point at an element.
      'aria-controls': shown ? listId : undefined,
      'aria-activedescendant': shown ? `${listId}-${active}` : undefined,
    },
    popup,
  }
}
