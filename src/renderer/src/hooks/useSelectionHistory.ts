// Back and forward through the papers you viewed, like a browser (Alt+←/→).
// It watches the selection (which lives in the settings, so it survives a
// restart) and records each change as a step; going back and forth selects an
// earlier step without recording one.
import { useCallback, useEffect, useRef } from 'react'

const MAX_STEPS = 200

export interface SelectionHistory {
  back(): void
  forward(): void
}

export function useSelectionHistory(
  selectedId: string | undefined,
  select: (id: string) => void,
): SelectionHistory {
  const steps = useRef<string[]>([])
  const at = useRef(-1)
  // The id a back/forward step is selecting, so that change is not recorded.
  const travelling = useRef<string | undefined>(undefined)

  useEffect(() => {
    if (selectedId === undefined) return
    if (travelling.current === selectedId) {
      travelling.current = undefined
      return
    }
    if (steps.current[at.current] === selectedId) return
    steps.current = [...steps.current.slice(0, at.current + 1), selectedId].slice(-MAX_STEPS)
    at.current = steps.current.length - 1
  }, [selectedId])

  const go = useCallback(
    (delta: number) => {
      const target = at.current + delta
      const id = steps.current[target]
      if (id === undefined) return
      at.current = target
      travelling.current = id
      select(id)
    },
    [select],
  )
  const back = useCallback(() => go(-1), [go])
  const forward = useCallback(() => go(1), [go])
  return { back, forward }
}
