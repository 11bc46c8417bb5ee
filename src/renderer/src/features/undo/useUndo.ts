// Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y), and Edit > Undo / Redo: in a text field
// they are the field's own undo; anywhere else they undo and redo organizing
// actions through main's undo stack.
import { useCallback, useEffect } from 'react'
import { api, subscribeToLibrary } from '../../data/client'
import { isTextField } from '../../ui/textFields'
import type { ActionStatusState } from './useActionStatus'

export type UndoDirection = 'undo' | 'redo'

export function useUndo(status: ActionStatusState): (direction: UndoDirection) => void {
  const { run, show } = status

  const replay = useCallback(
    (direction: UndoDirection) => {
      void run(async () => {
        const outcome = direction === 'undo' ? await api.undo({}) : await api.redo({})
        if (outcome === null) {
          show({ kind: 'done', text: `Nothing to ${direction}`, undoable: false })
        } else {
          show({ kind: direction === 'undo' ? 'undone' : 'redone', text: outcome.label })
        }
        return null
      })
    },
    [run, show],
  )

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      // Cmd+Z on macOS arrives through the menu (see menuTemplate.ts).
      if (!event.ctrlKey || event.metaKey || event.altKey) return
      if (isTextField(document.activeElement)) return
      const key = event.key.toLowerCase()
      const direction: UndoDirection | undefined =
        key === 'z' ? (event.shiftKey ? 'redo' : 'undo') : key === 'y' ? 'redo' : undefined
      if (direction === undefined) return
      event.preventDefault()
      replay(direction)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [replay])

  useEffect(
    () =>
      subscribeToLibrary((event) => {
        if (event.type !== 'menu-command') return
        if (event.command !== 'undo' && event.command !== 'redo') return
        // The text field's own history (the menu took the key from it).
        if (isTextField(document.activeElement)) document.execCommand(event.command)
        else replay(event.command)
      }),
    [replay],
  )

  return replay
}
