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
  replaceCurrent,
  startHistory,
  type NavigationHistory,
  type Place,
} from './navigationHistory'

export interface Navigation {
  place: Place
  /** Go to a place; `step` marks a keyboard step through a list (coalesced). */
  go(place: Place, step?: boolean): void
  /** Change the current place without a history entry (e.g. the first paper on start). */
  replace(place: Place): void
  back(): void
  forward(): void
  canGoBack: boolean
  canGoForward: boolean
}

export function useNavigation(): Navigation {
  const [history, setHistory] = useState<NavigationHistory>(() => startHistory({ view: 'papers' }))

  const goTo = useCallback(
    (place: Place, step = false) => setHistory((previous) => go(previous, place, step)),
    [],
  )
  const replace = useCallback(
    (place: Place) => setHistory((previous) => replaceCurrent(previous, place)),
    [],
  )
  const goBack = useCallback(() => setHistory(back), [])
  const goForward = useCallback(() => setHistory(forward), [])

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
      // In a text field Alt+arrow belongs to the text (word moves on macOS).
      const target = event.target as HTMLElement | null
      if (target?.closest('textarea, input, [contenteditable="true"]')) return
      event.preventDefault()
      if (event.key === 'ArrowLeft') goBack()
      else goForward()
    }
    // Mouse buttons 4 and 5 are "back" and "forward" on most mice.
    const onMouseUp = (event: MouseEvent): void => {
      if (event.button === 3) goBack()
      else if (event.button === 4) goForward()
    }
    window.addEventListener('keydown', onKeyDown)
    window.addEventListener('mouseup', onMouseUp)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      window.removeEventListener('mouseup', onMouseUp)
    }
  }, [goBack, goForward])

  return {
    place: currentPlace(history),
    go: goTo,
    replace,
    back: goBack,
    forward: goForward,
    canGoBack: canGoBack(history),
    canGoForward: canGoForward(history),
  }
}
