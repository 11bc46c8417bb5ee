// Runs commands from key presses anywhere in the window and from the native
// menu (which sends them as menu-command events).
import { useEffect, useRef } from 'react'
import { COMMANDS } from '../../../../shared/commands'
import { subscribeToLibrary } from '../../data/client'
import { typesCharacter } from '../../ui/textFields'
import { runCommand, type CommandContext } from './commandActions'
import { commandForKey, isTypingTarget } from './keyBindings'

export function useKeyboardCommands(context: CommandContext): void {
  // The latest context, read when a key arrives: the listeners are added once.
  const latest = useRef(context)
  useEffect(() => {
    latest.current = context
  })

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      // A pane that handled the key itself (the list's j/k, a dialog's Esc) wins.
      if (event.defaultPrevented || event.isComposing) return
      const id = commandForKey(event)
      if (id === undefined) return
      // An open dialog (palette, cheat sheet, settings) owns the keyboard.
      if (document.querySelector('[aria-modal="true"], dialog[open]') !== null) return
      const spec = COMMANDS[id]
      if (isTypingTarget(event.target)) {
        // In a text field "/" (search) and "?" (shortcuts) are text, like every character.
        if (typesCharacter(event)) return
        if ('notWhileTyping' in spec && spec.notWhileTyping) return
      }
      event.preventDefault()
      runCommand(id, latest.current)
    }
    window.addEventListener('keydown', onKeyDown)
    const unsubscribe = subscribeToLibrary((event) => {
      // Undo and Redo have their own handler (useUndo.ts): a text field may own them.
      if (event.type !== 'menu-command' || event.command === 'undo' || event.command === 'redo') {
        return
      }
      runCommand(event.command, latest.current)
    })
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      unsubscribe()
    }
  }, [])
}
