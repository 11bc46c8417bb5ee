// Window-wide shortcuts for commands the renderer owns. The native menu shows
// the same keys (without registering them, see menuTemplate.ts) and sends the
// same commands when its items are clicked.
import { useEffect, useRef } from 'react'
import type { MenuCommand } from '../../../shared/model'
import { subscribeToLibrary } from '../api/client'

/**
 * Undo and Redo have their own handling (useUndo.ts): the text field may own
 * them. Import, Export and Find Duplicates open dialogs their own hooks own.
 */
type RendererCommand = Exclude<
  MenuCommand,
  'import' | 'undo' | 'redo' | 'export' | 'find-duplicates'
>

const OWNED_ELSEWHERE = new Set<MenuCommand>([
  'import',
  'undo',
  'redo',
  'export',
  'find-duplicates',
])

function isRendererCommand(command: MenuCommand): command is RendererCommand {
  return !OWNED_ELSEWHERE.has(command)
}

const IS_MAC = navigator.userAgent.includes('Mac OS X')

/** Which command a key press asks for: Ctrl (⌘ on macOS) plus , or Shift+B / Shift+L / Shift+N. */
export function commandForKey(event: KeyboardEvent): RendererCommand | undefined {
  const mod = IS_MAC ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
  if (!mod || event.altKey) return undefined
  const key = event.key.toLowerCase()
  if (!event.shiftKey && key === ',') return 'settings'
  if (event.shiftKey && key === 'b') return 'toggle-sidebar'
  if (event.shiftKey && key === 'l') return 'toggle-list'
  if (event.shiftKey && key === 'n') return 'toggle-notes'
  return undefined
}

export function useShortcuts(run: (command: RendererCommand) => void): void {
  const latest = useRef(run)
  latest.current = run

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const command = commandForKey(event)
      if (command === undefined) return
      event.preventDefault()
      latest.current(command)
    }
    window.addEventListener('keydown', onKeyDown)
    const unsubscribe = subscribeToLibrary((event) => {
      if (event.type === 'menu-command' && isRendererCommand(event.command)) {
        latest.current(event.command)
      }
    })
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      unsubscribe()
    }
  }, [])
}
