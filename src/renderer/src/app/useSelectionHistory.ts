// Where the window is (which paper, which standalone note) is a place in a
// back / forward history. The history follows the selection: a paper the user
// picks is a step (quick steps through the list, as with the arrow keys, make
// one); one the window picks (on start, after a row left) just updates the
// current place. And the selection follows the history: a followed link, Back,
// Forward.
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react'
import { placeOf, type Destination } from '../features/navigation/linkDestination'
import { useNavigation, type Navigation } from '../features/navigation/useNavigation'
import type { Selection } from '../features/papers/useSelection'
import type { SettingsState } from '../features/settings/useSettings'

export interface SelectionHistory {
  navigation: Navigation
  /** The single selected paper, if one. */
  single: string | undefined
  /** Follow a link, a backlink, a relation. */
  open(destination: Destination): void
  /** A standalone note (without an id, the list of notes) in the Notes tab and the notes pane. */
  openNote(noteId?: string): void
  /** Where the paper list is scrolled; each history entry keeps it for the way back. */
  onListScroll(top: number): void
}

/** Steps through the list closer together than this make one place. */
const STEP_RUN_MS = 1000

export function useSelectionHistory(
  selection: Selection,
  reveal: (id: string) => void,
  { settings, update }: SettingsState,
): SelectionHistory {
  const listScroll = useRef(0)
  const remember = useCallback(() => ({ listScroll: listScroll.current }), [])
  const navigation = useNavigation(remember)
  const { place, go, record, replace, moves, returned } = navigation
  const single = selection.ids.length === 1 ? selection.ids[0] : undefined

  const lastListStep = useRef(Number.NEGATIVE_INFINITY)
  // Leaving the list (to write a note, search, open a dialog) ends a run of
  // steps: the next step is a place of its own, however soon it comes.
  useEffect(() => {
    const endRun = (event: FocusEvent): void => {
      const target = event.target
      if (target instanceof Element && target.closest('[data-testid="paper-list"]') !== null) return
      lastListStep.current = Number.NEGATIVE_INFINITY
    }
    document.addEventListener('focusin', endRun)
    return () => document.removeEventListener('focusin', endRun)
  }, [])
  // Only a change of the selection itself counts (not a move through the
  // history, which changes the place first and the selection after).
  const seenSingle = useRef(single)
  useEffect(() => {
    if (seenSingle.current === single) return
    seenSingle.current = single
    if (single === undefined || single === place.paperId) return
    if (!selection.chosen) {
      replace({ ...place, paperId: single })
      return
    }
    const now = performance.now()
    const step = now - lastListStep.current < STEP_RUN_MS
    lastListStep.current = now
    record({ ...place, view: 'papers', paperId: single }, step)
  }, [single, selection.chosen, place, record, replace])

  // Only a move through the history asks for this, not a change of selection.
  // A layout effect: the selection (and with it the paper and note panes) must
  // change before the next keystroke can land. With a passive effect there were
  // a few milliseconds after Back in which typing went into the previous note.
  const wantedPaper = place.paperId
  const { selectOnly } = selection
  const handledMoves = useRef(moves)
  useLayoutEffect(() => {
    if (handledMoves.current === moves) return
    handledMoves.current = moves
    if (wantedPaper === undefined || wantedPaper === single) return
    selectOnly(wantedPaper)
    // Back and Forward put the list where it was; a link brings its paper into view.
    if (!returned) reveal(wantedPaper)
  }, [moves, wantedPaper, single, returned, selectOnly, reveal])

  const open = useCallback(
    (destination: Destination) => go(placeOf(destination, place)),
    [go, place],
  )
  // A note chosen in the sidebar opens in the Notes tab and the notes pane (shown if hidden).
  const notesPaneOpen = settings?.notesPaneOpen
  const openNote = useCallback(
    (noteId?: string) => {
      go(noteId === undefined ? { ...place, view: 'notes' } : { ...place, view: 'notes', noteId })
      if (notesPaneOpen === false) update({ notesPaneOpen: true })
    },
    [go, place, notesPaneOpen, update],
  )
  const onListScroll = useCallback((top: number) => {
    listScroll.current = top
  }, [])
  return { navigation, single, open, openNote, onListScroll }
}
