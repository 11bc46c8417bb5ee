// Moving the focus between panes (Ctrl+1/2/3, Esc from the note, Enter in the
// list, the search shortcut), showing a hidden pane first: the focus then
// waits until the pane is on screen.
import { useCallback, useEffect, useState, type KeyboardEvent, type RefObject } from 'react'
import type { SettingsState } from '../features/settings/useSettings'
import type { PaperListHandle } from '../features/papers/PaperListPane'

export type FocusablePane = 'list' | 'paper' | 'notes'

export interface PaneFocus {
  focusPane(pane: FocusablePane): void
  focusSearch(): void
  /** Esc leaves the note for the list; Enter in the list opens the note. */
  onKeyDown(event: KeyboardEvent<HTMLElement>): void
}

export function usePaneFocus(
  { settings, update }: SettingsState,
  listHandle: RefObject<PaperListHandle | null>,
  searchInput: RefObject<HTMLInputElement | null>,
): PaneFocus {
  // Focus asked for a pane that may be about to be shown: a new request each
  // time, taken once the render that shows the pane is on screen.
  const [request, setRequest] = useState<{ target: 'list' | 'notes' | 'search' } | undefined>()
  const listPaneOpen = settings?.listPaneOpen
  const notesPaneOpen = settings?.notesPaneOpen

  useEffect(() => {
    if (request === undefined) return
    if (request.target === 'list') listHandle.current?.focus()
    else if (request.target === 'search') searchInput.current?.select()
    else document.querySelector<HTMLElement>('[data-testid="note-input"]')?.focus()
  }, [request, listHandle, searchInput])

  const focusPane = useCallback(
    (pane: FocusablePane) => {
      if (pane === 'paper') {
        document.querySelector<HTMLElement>('[data-testid="paper-view"]')?.focus()
        return
      }
      if (pane === 'list' && listPaneOpen === false) update({ listPaneOpen: true })
      if (pane === 'notes' && notesPaneOpen === false) update({ notesPaneOpen: true })
      setRequest({ target: pane })
    },
    [listPaneOpen, notesPaneOpen, update],
  )

  const focusSearch = useCallback(() => {
    if (listPaneOpen === false) update({ listPaneOpen: true })
    setRequest({ target: 'search' })
  }, [listPaneOpen, update])

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target as HTMLElement
      if (event.defaultPrevented) return
      if (event.key === 'Escape' && target.matches('[data-testid="note-input"]')) {
        event.preventDefault()
        focusPane('list')
      } else if (event.key === 'Enter' && target.getAttribute('role') === 'listbox') {
        event.preventDefault()
        focusPane('notes')
      }
    },
    [focusPane],
  )

  return { focusPane, focusSearch, onKeyDown }
}
