// The selected paper, with back and forward like a browser (Alt+Left/Right):
// every change of selection is a step; going back and forth is not.
import { useCallback, useState } from 'react'

const MAX_STEPS = 200

interface History {
  steps: string[]
  at: number
}

export interface SelectionHistory {
  selectedId: string | undefined
  /** Selects `id` as a new step; with `replace`, in place of the current one (automatic selections). */
  select(id: string, options?: { replace?: boolean }): void
  back(): void
  forward(): void
}

export function useSelectionHistory(): SelectionHistory {
  const [history, setHistory] = useState<History>({ steps: [], at: -1 })

  const select = useCallback((id: string, options: { replace?: boolean } = {}) => {
    setHistory((previous) => {
      if (previous.steps[previous.at] === id) return previous
      const kept = previous.steps.slice(0, options.replace === true ? previous.at : previous.at + 1)
      const steps = [...kept, id].slice(-MAX_STEPS)
      return { steps, at: steps.length - 1 }
    })
  }, [])
  const back = useCallback(() => {
    setHistory((previous) => (previous.at > 0 ? { ...previous, at: previous.at - 1 } : previous))
  }, [])
  const forward = useCallback(() => {
    setHistory((previous) =>
      previous.at < previous.steps.length - 1 ? { ...previous, at: previous.at + 1 } : previous,
    )
  }, [])

  return { selectedId: history.steps[history.at], select, back, forward }
}
