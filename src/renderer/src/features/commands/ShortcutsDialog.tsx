// The cheat sheet (?): every command with its keys, grouped by menu, and the
// keys that work inside one place (the list, the note, search, the palette).
import { useEffect, useRef, type KeyboardEvent } from 'react'
import { COMMAND_IDS, COMMANDS, type MenuName } from '../../../../shared/commands'
import { TODAY_KEYS } from '../today/todayKeys'
import { IS_MAC, shortcutLabel } from './keyBindings'

const MENUS: readonly MenuName[] = ['File', 'Edit', 'View', 'Go', 'Help']

/** Keys that belong to one place rather than to a command; ", " separates alternatives. */
export const CONTEXT_KEYS: readonly { where: string; keys: string; action: string }[] = [
  { where: 'Paper list', keys: '↓ / ↑', action: 'next / previous paper' },
  {
    where: 'Paper list',
    keys: 'Page Down / Page Up, Home / End',
    action: 'move by a screen, to the first / last paper',
  },
  { where: 'Paper list', keys: 'Enter', action: 'edit the selected paper’s note' },
  { where: 'Paper list', keys: 'Shift+↑ / ↓', action: 'extend the selection' },
  { where: 'Paper list', keys: 'Ctrl/Cmd+A', action: 'select every paper' },
  { where: 'Paper list', keys: 'Delete', action: 'move to the Trash (in a collection: remove)' },
  { where: 'Paper list', keys: 'Shift+Delete', action: 'move to the Trash, even in a collection' },
  { where: 'Paper list, sidebar', keys: 'Shift+F10', action: 'the context menu' },
  {
    where: 'Anywhere but a text field',
    keys: 'Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z, Ctrl/Cmd+Y',
    action: 'undo, redo',
  },
  {
    where: 'Anywhere but a text field',
    keys: 'Ctrl/Cmd+V',
    action: 'import the clipboard’s text (BibTeX, ids, DOIs…)',
  },
  { where: 'Sidebar', keys: '↑ / ↓, → / ←', action: 'move, open and close' },
  { where: 'Sidebar', keys: 'Enter, F2, Delete', action: 'show, rename, delete (asks first)' },
  { where: 'Sidebar', keys: 'Alt+↑ / ↓', action: 'reorder a collection' },
  { where: 'Note', keys: 'Esc', action: 'back to the paper list' },
  { where: 'Note', keys: '[[', action: 'link to a paper or note' },
  { where: 'Search box', keys: 'Enter or ↓', action: 'go to the results' },
  { where: 'Search box', keys: 'Esc', action: 'clear the search (again: back to the list)' },
  { where: 'Palette', keys: '↑ / ↓, Enter, Esc', action: 'choose, run or jump, close' },
  { where: 'Pane border', keys: '← / →', action: 'resize the panes' },
  ...TODAY_KEYS.map((row) => ({ where: 'Today', keys: row.keys, action: row.action })),
  { where: 'PDF reader', keys: '+ / - / 0', action: 'zoom in / out / fit width' },
  { where: 'PDF reader', keys: 'n / p', action: 'next / previous page' },
  { where: 'PDF reader', keys: 'Ctrl/Cmd+F', action: 'find in the PDF' },
  { where: 'PDF reader', keys: '1–5 or h', action: 'highlight the selected text in a colour' },
  { where: 'PDF reader', keys: 'Esc', action: 'close the reader' },
]

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const closeButton = useRef<HTMLButtonElement>(null)
  useEffect(() => closeButton.current?.focus(), [])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Escape' || event.key === '?') {
      event.preventDefault()
      onClose()
    }
  }

  return (
    <div className="dialog-backdrop" onMouseDown={onClose}>
      <div
        className="shortcuts"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts-dialog"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <div className="shortcuts-header">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button
            ref={closeButton}
            type="button"
            className="icon-button"
            aria-label="Close"
            onClick={onClose}
          >
            ×
          </button>
        </div>
        <div className="shortcuts-columns">
          {MENUS.map((menu) => (
            <section key={menu} aria-label={menu}>
              <h3>{menu}</h3>
              <table>
                <tbody>
                  {COMMAND_IDS.filter((id) => COMMANDS[id].menu === menu).map((id) => (
                    <tr key={id}>
                      <td>{COMMANDS[id].title}</td>
                      {/* A command without a key (Find Duplicates…) shows no empty key cap. */}
                      <td>{COMMANDS[id].keys.length > 0 && <kbd>{shortcutLabel(id)}</kbd>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
          <section aria-label="In one place">
            <h3>In one place</h3>
            <table className="shortcuts-context">
              <tbody>
                {CONTEXT_KEYS.map((row) => (
                  <tr key={`${row.where}-${row.keys}`}>
                    <td>
                      {row.where}: {row.action}
                    </td>
                    <td>
                      {/* One key cap per alternative, so a long row wraps between them. */}
                      {row.keys.split(', ').map((keys) => (
                        <kbd key={keys}>{keys}</kbd>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
        <p className="shortcuts-note">
          {IS_MAC ? '⌘ is the Command key.' : 'Ctrl is the Control key.'}
        </p>
      </div>
    </div>
  )
}
