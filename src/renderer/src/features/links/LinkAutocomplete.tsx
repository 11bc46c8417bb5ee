// The `[[` autocomplete of the note editor: typing `[[` opens a list of papers
// and notes whose titles fuzzily match what follows; ↑ ↓ move, Enter or Tab
// inserts the link (carrying the target's id, so a later rename cannot break
// it), Esc closes the list.
import {
  useCallback,
  useEffect,
  useId,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react'
import type { LinkTarget } from '../../../../shared/model'
import { formatWikiLink, openWikiLinkBefore } from '../../../../shared/text/wikiLinks'
import { api } from '../../data/client'
import { formatDate } from '../../ui/format'
import { insertLinkAt, type TextEdit } from '../notes/insertLink'
import { caretPosition } from '../notes/textareaCaret'

/** Width of the suggestion list (CSS caps it to the pane). */
const POPUP_WIDTH = 460

interface OpenLink {
  start: number
  query: string
  top: number
  left: number
}

export interface LinkAutocomplete {
  /** Call after every change of text or caret. */
  update(): void
  /** Call first in the textarea's keydown; true when the key was for the list. */
  onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean
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

export function useLinkAutocomplete(
  textarea: RefObject<HTMLTextAreaElement | null>,
  onEdit: (edit: TextEdit) => void,
): LinkAutocomplete {
  const [open, setOpen] = useState<OpenLink | undefined>(undefined)
  const [items, setItems] = useState<LinkTarget[]>([])
  const [active, setActive] = useState(0)
  // Esc closes the list for this `[[` until the caret leaves it.
  const [dismissedAt, setDismissedAt] = useState<number | undefined>(undefined)
  const listId = useId()

  const update = useCallback(() => {
    const element = textarea.current
    if (element === null || element.selectionStart !== element.selectionEnd) {
      setOpen(undefined)
      return
    }
    const found = openWikiLinkBefore(element.value, element.selectionStart)
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
  }, [textarea, dismissedAt])

  const query = open?.query
  useEffect(() => {
    if (query === undefined) return
    let current = true
    api
      .suggestLinkTargets({ query, limit: 8 })
      .then((found) => {
        if (!current) return
        setItems(found)
        setActive(0)
      })
      .catch(() => current && setItems([]))
    return () => {
      current = false
    }
  }, [query])

  const choose = useCallback(
    (target: LinkTarget) => {
      const element = textarea.current
      if (element === null || open === undefined) return
      const link = formatWikiLink(target.kind, target.id, target.title)
      onEdit(insertLinkAt(element.value, open.start, element.selectionStart, link))
      setOpen(undefined)
    },
    [textarea, open, onEdit],
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
      aria-label="Link to"
      data-testid="link-suggestions"
      style={{ top: open.top, left: open.left, width: POPUP_WIDTH }}
    >
      {items.map((target, i) => (
        <li
          key={`${target.kind}:${target.id}`}
          id={`${listId}-${i}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : undefined}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => choose(target)}
        >
          <span className={`kind-badge kind-${target.kind}`}>
            {target.kind === 'paper' ? 'Paper' : 'Note'}
          </span>
          <span className="suggestion-title">{target.title}</span>
          {target.published !== undefined && (
            <span className="suggestion-detail">{formatDate(target.published)}</span>
          )}
        </li>
      ))}
    </ul>
  ) : null

  return {
    update,
    onKeyDown,
    inputProps: {
      'aria-autocomplete': 'list',
      // Only while the list exists: it must point at an element.
      'aria-controls': shown ? listId : undefined,
      'aria-activedescendant': shown ? `${listId}-${active}` : undefined,
    },
    popup,
  }
}
