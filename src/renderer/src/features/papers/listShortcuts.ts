// The paper list's single-key and modified-key commands, as data: one place
// to read (and the README's table to match) what each key does.

export type ListCommand =
  | 'star'
  | 'status-unread'
  | 'status-reading'
  | 'status-read'
  | 'tag'
  | 'add-to-collection'
  | 'delete'
  | 'trash'
  | 'select-all'
  | 'context-menu'
  | 'collapse-selection'

export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

const PLAIN: Record<string, ListCommand> = {
  s: 'star',
  u: 'status-unread',
  i: 'status-reading',
  r: 'status-read',
  t: 'tag',
  c: 'add-to-collection',
  Delete: 'delete',
  Backspace: 'delete',
  ContextMenu: 'context-menu',
  Escape: 'collapse-selection',
}

/** The command a key press in the list means, if any. */
export function listCommandFor(press: KeyPress): ListCommand | undefined {
  const command = press.ctrlKey || press.metaKey
  if (press.altKey) return undefined
  if (command && !press.shiftKey && press.key.toLowerCase() === 'a') return 'select-all'
  // Shift+Delete goes to the Trash even inside a collection (as in Zotero).
  if (press.shiftKey && !command && (press.key === 'Delete' || press.key === 'Backspace')) {
    return 'trash'
  }
  if (press.shiftKey && !command && press.key === 'F10') return 'context-menu'
  if (command || press.shiftKey) return undefined
  return PLAIN[press.key]
}
