// The line at the bottom of the window that says what the last organizing
// action did (with Undo at hand) or why it failed.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ChangeOutcome } from '../../../../shared/model'
import { errorMessage } from '../../data/client'

export type ActionStatus =
  | { kind: 'done'; text: string; undoable: boolean }
  | { kind: 'undone' | 'redone'; text: string }
  | { kind: 'failed'; text: string }

/**
 * How long a success stays on screen, counted from when the pointer and the
 * keyboard focus last left it (WCAG 2.2.1: reaching for Undo never races a
 * timer); a failure stays until dismissed or replaced.
 */
export const SHOWN_MS = 6000

export interface ActionStatusState {
  status: ActionStatus | undefined
  show(status: ActionStatus): void
  dismiss(): void
  /** The pointer or the focus is on the line (true) or has left it (false). */
  hold(held: boolean): void
  /**
   * Runs an action and reports it: its outcome's label when it changed
   * something, its error otherwise. Resolves to the outcome (undefined on failure).
   */
  run<T extends ChangeOutcome | null | object>(
    action: () => Promise<T>,
    options?: { undoable?: boolean },
  ): Promise<T | undefined>
}

export function useActionStatus(): ActionStatusState {
  const [status, setStatus] = useState<ActionStatus | undefined>(undefined)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const held = useRef(false)
  const shown = useRef<ActionStatus | undefined>(undefined)

  const countDown = useCallback(() => {
    clearTimeout(timer.current)
    const current = shown.current
    if (current === undefined || current.kind === 'failed' || held.current) return
    timer.current = setTimeout(() => {
      shown.current = undefined
      setStatus(undefined)
    }, SHOWN_MS)
  }, [])

  const show = useCallback(
    (next: ActionStatus) => {
      shown.current = next
      setStatus(next)
      countDown()
    },
    [countDown],
  )

  const hold = useCallback(
    (next: boolean) => {
      held.current = next
      countDown()
    },
    [countDown],
  )

  const dismiss = useCallback(() => {
    clearTimeout(timer.current)
    shown.current = undefined
    held.current = false
    setStatus(undefined)
  }, [])

  useEffect(() => () => clearTimeout(timer.current), [])

  const run = useCallback(
    async <T extends ChangeOutcome | null | object>(
      action: () => Promise<T>,
      options: { undoable?: boolean } = {},
    ): Promise<T | undefined> => {
      try {
        const outcome = await action()
        if (outcome !== null && 'label' in outcome && 'changed' in outcome) {
          const { label, changed } = outcome as ChangeOutcome
          if (changed > 0) show({ kind: 'done', text: label, undoable: options.undoable ?? true })
        }
        return outcome
      } catch (error) {
        show({ kind: 'failed', text: errorMessage(error) })
        return undefined
      }
    },
    [show],
  )

  return { status, show, dismiss, hold, run }
}
