// The window's place and its history: Alt+Left / Alt+Right (and the mouse's
// back and forward buttons) step through it, as in a browser.
import { useCallback, useEffect, useState } from 'react'
import {
  back,
  canGoBack,
  canGoForward,
  currentPlace,
  forward,
  go,
  leave,
  replaceCurrent,
  startHistory,
  type NavigationHistory,
  type Place,
} from './navigationHistory'

export interface Navigation {
  place: Place
  /** Counts moves (go, back, forward): a view restores or follows the place when it changes. */
  moves: number
  /** The last move was back or forward (restore what the place remembers) rather than a go. */
  returned: boolean
  /** Go to a place (a link, a tab); the selection follows. */
  go(place: Place): void
  /**
   * Record a place the window already shows (the user selected a paper), without
   * counting a move: the selection must not be sent back to it. `step` marks a
   * keyboard step through a list (coalesced).
   */
  record(place: Place, step: boolean): void
  /** Change the current place without a history entry (e.g. the first paper on start). */
  replace(place: Place): void
  back(): void
  forward(): void
  canGoBack: boolean
  canGoForward: boolean
}

interface NavigationState {
  history: NavigationHistory
  moves: number
  returned: boolean
}

/**
 * `remember` reports what to keep of the place being left (the list's scroll),
 * so coming back restores it.
 */
export function useNavigation(remember: () => Partial<Place>): Navigation {
  const [state, setState] = useState<NavigationState>(() => ({
    history: startHistory({ view: 'papers' }),
    moves: 0,
    returned: false,
  }))
  const { history } = state

  const move = useCallback(
    (step: (left: NavigationHistory) => NavigationHistory, returned: boolean, counted = true) => {
      const kept = remember()
      setState((previous) => {
        const left = leave(previous.history, kept)
        const next = step(left)
        if (next.at === left.at && next.entries === left.entries) return previous
        return { history: next, moves: previous.moves + (counted ? 1 : 0), returned }
      })
    },
    [remember],
  )
  const goTo = useCallback((place: Place) => move((left) => go(left, place), false), [move])
  const record = useCallback(
    (place: Place, step: boolean) => move((left) => go(left, place, step), false, false),
    [move],
  )
  const replace = useCallback(
    (place: Place) =>
      setState((previous) => ({ ...previous, history: replaceCurrent(previous.history, place) })),
    [],
  )
  const goBack = useCallback(() => move(back, true), [move])
  const goForward = useCallback(() => move(forward, true), [move])

  // Alt+Left / Alt+Right are the catalogue's go-back / go-forward commands
  // (src/shared/commands.ts). Mouse buttons 4 and 5 are "back" and "forward" on most mice.
  useEffect(() => {
    const onMouseUp = (event: MouseEvent): void => {
      if (event.button === 3) goBack()
      else if (event.button === 4) goForward()
    }
    window.addEventListener('mouseup', onMouseUp)
    return () => window.removeEventListener('mouseup', onMouseUp)
  }, [goBack, goForward])

  return {
    place: currentPlace(history),
    moves: state.moves,
    returned: state.returned,
    go: goTo,
    record,
    replace,
    back: goBack,
    forward: goForward,
    canGoBack: canGoBack(history),
    canGoForward: canGoForward(history),
  }
}
