// Asking the paper list to bring a paper into view (scrolling to it, loading
// its page first if need be). Each request is new, so asking twice scrolls twice.
import { useCallback, useState } from 'react'
import type { RevealRequest } from './PaperListPane'

export interface Reveal {
  request: RevealRequest | undefined
  reveal(id: string): void
}

export function useReveal(): Reveal {
  const [request, setRequest] = useState<RevealRequest | undefined>(undefined)
  const reveal = useCallback((id: string) => setRequest({ id, serial: Date.now() }), [])
  return { request, reveal }
}
