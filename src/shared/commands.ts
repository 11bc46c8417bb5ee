// Every command a user can run by name, key or menu: the one catalogue that
// the native menu (main), the command palette, the keyboard handler and the
// cheat sheet (renderer) are built from, so a shortcut is written once and
// shown the same everywhere. A new feature adds its command here and its
// action in src/renderer/src/commands/commandActions.ts (the compiler checks
// that every command has one).

/** A key combination. `key` is KeyboardEvent.key for letters, digits and '/' '?'; a name otherwise. */
export interface KeyBinding {
  key: string
  /** Cmd on macOS, Ctrl elsewhere. */
  mod?: boolean
  shift?: boolean
  alt?: boolean
}

export type MenuName = 'File' | 'Edit' | 'View' | 'Go' | 'Help'

export interface CommandSpec {
  title: string
  /** The first binding is the one menus show. */
  keys: readonly KeyBinding[]
  /** The menu that lists it, if any. */
  menu?: MenuName
  /** Typing letters into a text field must never run it (single-key shortcuts). */
  notWhileTyping?: boolean
}

export const COMMANDS = {
  import: { title: 'Import…', keys: [{ key: 'o', mod: true }], menu: 'File' },
  'get-daily-papers': { title: 'Get Daily Papers…', keys: [], menu: 'File' },
  'check-feeds': { title: 'Check the feeds now', keys: [], menu: 'File' },
  export: { title: 'Export…', keys: [{ key: 'e', mod: true, shift: true }], menu: 'File' },
  'find-duplicates': { title: 'Find Duplicates…', keys: [], menu: 'File' },
  settings: { title: 'Settings…', keys: [{ key: ',', mod: true }], menu: 'File' },
  'restore-backup': { title: 'Restore from Backup…', keys: [], menu: 'File' },
  'new-note': {
    title: 'Write a note on the selected paper',
    keys: [{ key: 'n', mod: true }],
    menu: 'File',
  },
  find: {
    title: 'Search the library',
    keys: [{ key: 'f', mod: true }, { key: '/' }],
    menu: 'Edit',
  },
  'toggle-star': {
    title: 'Star / unstar the paper',
    keys: [{ key: 's' }],
    menu: 'Edit',
    notWhileTyping: true,
  },
  'mark-unread': {
    title: 'Mark as unread',
    keys: [{ key: 'u' }],
    menu: 'Edit',
    notWhileTyping: true,
  },
  'mark-reading': {
    title: 'Mark as reading',
    keys: [{ key: 'i' }],
    menu: 'Edit',
    notWhileTyping: true,
  },
  'mark-read': { title: 'Mark as read', keys: [{ key: 'r' }], menu: 'Edit', notWhileTyping: true },
  'command-palette': { title: 'Command palette…', keys: [{ key: 'k', mod: true }], menu: 'View' },
  tag: { title: 'Add a tag…', keys: [{ key: 't' }], menu: 'Edit', notWhileTyping: true },
  'find-on-arxiv': { title: 'Find on arXiv by title', keys: [], menu: 'Edit' },
  'quick-copy': {
    title: 'Quick Copy: the selected papers as a bibliography',
    keys: [{ key: 'c', mod: true, shift: true }],
    menu: 'Edit',
  },
  'add-to-collection': {
    title: 'Add to collection…',
    keys: [{ key: 'c' }],
    menu: 'Edit',
    notWhileTyping: true,
  },
  'toggle-sidebar': {
    title: 'Show / hide the sidebar',
    keys: [
      { key: 'Backslash', mod: true },
      { key: 'b', mod: true, shift: true },
    ],
    menu: 'View',
  },
  'toggle-list': {
    title: 'Show / hide the paper list',
    keys: [{ key: 'l', mod: true, shift: true }],
    menu: 'View',
  },
  'toggle-notes': {
    title: 'Show / hide the notes pane',
    keys: [{ key: 'n', mod: true, shift: true }],
    menu: 'View',
  },
  'focus-list': { title: 'Focus the paper list', keys: [{ key: '1', mod: true }], menu: 'View' },
  'focus-paper': { title: 'Focus the paper', keys: [{ key: '2', mod: true }], menu: 'View' },
  'focus-notes': { title: 'Focus the note', keys: [{ key: '3', mod: true }], menu: 'View' },
  'library-map': {
    title: 'Library map',
    keys: [{ key: 'm', mod: true, shift: true }],
    menu: 'View',
  },
  // The theme is also in Settings; here it is one palette entry (or menu item) away.
  'theme-system': { title: 'Theme: follow the system', keys: [], menu: 'View' },
  'theme-light': { title: 'Theme: light', keys: [], menu: 'View' },
  'theme-dark': { title: 'Theme: dark', keys: [], menu: 'View' },
  'next-paper': {
    title: 'Next paper',
    keys: [{ key: 'j' }],
    menu: 'Go',
    notWhileTyping: true,
  },
  'previous-paper': {
    title: 'Previous paper',
    keys: [{ key: 'k' }],
    menu: 'Go',
    notWhileTyping: true,
  },
  // In a text field Alt+arrow belongs to the text (word moves on macOS).
  'open-today': {
    title: 'Today: new papers from your feeds',
    keys: [{ key: 't', mod: true, shift: true }],
    menu: 'Go',
  },
  'go-back': {
    title: 'Back',
    keys: [{ key: 'ArrowLeft', alt: true }],
    menu: 'Go',
    notWhileTyping: true,
  },
  'go-forward': {
    title: 'Forward',
    keys: [{ key: 'ArrowRight', alt: true }],
    menu: 'Go',
    notWhileTyping: true,
  },
  // PDFs (features/pdf in the window).
  'attach-pdf': { title: 'Attach PDF…', keys: [], menu: 'File' },
  'open-pdf': {
    title: "Open the paper's PDF",
    keys: [{ key: 'o' }],
    menu: 'View',
    notWhileTyping: true,
  },
  'highlight-to-note': {
    title: 'Quote the chosen highlight in the note',
    keys: [{ key: 'q' }],
    menu: 'Edit',
    notWhileTyping: true,
  },
  'all-highlights-to-note': { title: 'Add all highlights to note', keys: [], menu: 'Edit' },
  'pdf-dark-pages': { title: 'PDF: dark pages on / off', keys: [], menu: 'View' },
  'show-shortcuts': {
    title: 'Keyboard shortcuts',
    keys: [{ key: '?', shift: true }],
    menu: 'Help',
    notWhileTyping: true,
  },
} as const satisfies Record<string, CommandSpec>

export type CommandId = keyof typeof COMMANDS

export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[]

export function commandSpec(id: CommandId): CommandSpec {
  return COMMANDS[id]
}

const ELECTRON_KEY_NAMES: Record<string, string> = {
  Backslash: '\\',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  '/': '/',
  '?': '?',
}

/** The binding in Electron's accelerator syntax, e.g. "CmdOrCtrl+Shift+\\". */
export function acceleratorOf(binding: KeyBinding): string {
  const parts: string[] = []
  if (binding.mod === true) parts.push('CmdOrCtrl')
  if (binding.alt === true) parts.push('Alt')
  // '?' is already a shifted key; Electron wants it as the character alone.
  if (binding.shift === true && binding.key !== '?') parts.push('Shift')
  parts.push(ELECTRON_KEY_NAMES[binding.key] ?? binding.key.toUpperCase())
  return parts.join('+')
}

const DISPLAY_KEY_NAMES: Record<string, string> = {
  Backslash: '\\',
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
}

/** How a binding reads in the palette, the cheat sheet and the README: "Ctrl+K", "⌘K", "S". */
export function displayKeys(binding: KeyBinding, mac: boolean): string {
  const key =
    DISPLAY_KEY_NAMES[binding.key] ??
    (binding.key.length === 1 ? binding.key.toUpperCase() : binding.key)
  if (mac) {
    return `${binding.alt === true ? '⌥' : ''}${binding.shift === true && binding.key !== '?' ? '⇧' : ''}${binding.mod === true ? '⌘' : ''}${key}`
  }
  const parts: string[] = []
  if (binding.mod === true) parts.push('Ctrl')
  if (binding.alt === true) parts.push('Alt')
  if (binding.shift === true && binding.key !== '?') parts.push('Shift')
  parts.push(key)
  return parts.join('+')
}
