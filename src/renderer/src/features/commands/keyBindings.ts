// Matching key presses against the command catalogue's bindings.
import {
  COMMAND_IDS,
  COMMANDS,
  displayKeys,
  type CommandId,
  type KeyBinding,
} from '../../../../shared/commands'

/** Cmd is the command key on macOS, Ctrl elsewhere. */
export const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform)

export function matchesBinding(event: KeyboardEvent, binding: KeyBinding): boolean {
  const mod = IS_MAC ? event.metaKey : event.ctrlKey
  // The other platform's modifier never counts as the command key.
  const otherMod = IS_MAC ? event.ctrlKey : event.metaKey
  if (mod !== (binding.mod === true) || otherMod || event.altKey !== (binding.alt === true)) {
    return false
  }
  if (binding.key === 'Backslash') {
    return event.code === 'Backslash' && event.shiftKey === (binding.shift === true)
  }
  // '?' is typed with Shift on most layouts: the character decides.
  if (binding.key === '?' || binding.key === '/') return event.key === binding.key
  if (event.shiftKey !== (binding.shift === true)) return false
  return event.key.toLowerCase() === binding.key.toLowerCase()
}

/** The command bound to this key press, if any. */
export function commandForKey(event: KeyboardEvent): CommandId | undefined {
  return COMMAND_IDS.find((id) =>
    COMMANDS[id].keys.some((binding) => matchesBinding(event, binding)),
  )
}

/** "Ctrl+K" or "⌘K": the first binding of a command, as this platform writes it. */
export function shortcutLabel(id: CommandId): string {
  return COMMANDS[id].keys.map((binding) => displayKeys(binding, IS_MAC)).join(' or ')
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target.closest('input, textarea, select') !== null
}
