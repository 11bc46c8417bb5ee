// The right-click menu of the page: spelling suggestions for a misspelled word
// (Chromium's spellchecker underlines it; the suggestions are Electron's
// `context-menu` params), then the edit roles a text field allows, or Copy for
// selected text elsewhere. Built as data from the event's params, the way
// Electron's spellchecker documentation shows.
import type { MenuItemConstructorOptions } from 'electron'

/** The slice of Electron's ContextMenuParams the menu is built from. */
export interface ContextMenuFacts {
  isEditable: boolean
  selectionText: string
  misspelledWord: string
  dictionarySuggestions: readonly string[]
  editFlags: {
    canUndo: boolean
    canRedo: boolean
    canCut: boolean
    canCopy: boolean
    canPaste: boolean
    canSelectAll: boolean
  }
}

export interface ContextMenuActions {
  replaceMisspelling(word: string): void
  addToDictionary(word: string): void
}

/** Electron offers at most this many; more would crowd the menu. */
const MAX_SUGGESTIONS = 5

const SEPARATOR: MenuItemConstructorOptions = { type: 'separator' }

/** The items, or [] when there is nothing to offer (no menu is shown then). */
export function contextMenuTemplate(
  facts: ContextMenuFacts,
  actions: ContextMenuActions,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = []
  if (facts.isEditable && facts.misspelledWord !== '') {
    const suggestions = facts.dictionarySuggestions.slice(0, MAX_SUGGESTIONS)
    for (const suggestion of suggestions) {
      items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) })
    }
    if (suggestions.length === 0) items.push({ label: 'No guesses found', enabled: false })
    const word = facts.misspelledWord
    items.push({ label: 'Add to Dictionary', click: () => actions.addToDictionary(word) })
    items.push(SEPARATOR)
  }
  if (facts.isEditable) {
    const flags = facts.editFlags
    items.push(
      { role: 'undo', enabled: flags.canUndo },
      { role: 'redo', enabled: flags.canRedo },
      SEPARATOR,
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      SEPARATOR,
      { role: 'selectAll', enabled: flags.canSelectAll },
    )
  } else if (facts.selectionText.trim() !== '') {
    items.push({ role: 'copy', enabled: facts.editFlags.canCopy })
  }
  return items
}
