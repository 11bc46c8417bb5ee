// The command palette and the shortcut cheat sheet: one at a time, over the
// window, and on closing the focus goes back where it was.
import { useCallback, useRef, useState, type RefObject } from 'react'
import type { PaperListHandle } from '../features/papers/PaperListPane'

export type Overlay = 'palette' | 'shortcuts'

export interface Overlays {
  overlay: Overlay | undefined
  openOverlay(which: Overlay): void
  /** Closes it, focusing what had the focus before (or the list). */
  closeOverlay(): void
  /** Closes it for a jump: the focus goes where the jump leads, not back. */
  leaveOverlay(): void
}

export function useOverlays(listHandle: RefObject<PaperListHandle | null>): Overlays {
  const [overlay, setOverlay] = useState<Overlay | undefined>(undefined)
  const focusBefore = useRef<HTMLElement | null>(null)

  const openOverlay = useCallback((which: Overlay) => {
    setOverlay((current) => {
      if (current === undefined) focusBefore.current = document.activeElement as HTMLElement
      return which
    })
  }, [])
  const closeOverlay = useCallback(() => {
    setOverlay(undefined)
    const previous = focusBefore.current
    focusBefore.current = null
    // Back where the user was, or to the list.
    if (previous !== null && previous.isConnected && previous !== document.body) previous.focus()
    else listHandle.current?.focus()
  }, [listHandle])
  const leaveOverlay = useCallback(() => {
    setOverlay(undefined)
    focusBefore.current = null
  }, [])
  return { overlay, openOverlay, closeOverlay, leaveOverlay }
}
