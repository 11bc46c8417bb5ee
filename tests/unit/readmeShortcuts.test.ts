// The README's shortcut table against the command catalogue (which the menus,
// the palette and the `?` cheat sheet are built from): a key added, changed or
// removed in src/shared/commands.ts must be written in the README too.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { COMMAND_IDS, COMMANDS, type KeyBinding } from '../../src/shared/commands'

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

/** The README's "Command palette and shortcuts" section, as markdown source. */
function shortcutSection(): string {
  const start = README.indexOf('### Command palette and shortcuts')
  const end = README.indexOf('\n### ', start + 1)
  expect(start, 'the README has a shortcuts section').toBeGreaterThan(-1)
  return README.slice(start, end)
}

const README_KEY_NAMES: Record<string, string> = {
  // A backslash is escaped in a markdown table.
  Backslash: '\\\\',
  ArrowLeft: '←',
  ArrowRight: '→',
}

/** How the README writes a binding: `s`, `/`, Ctrl/Cmd+Shift+E, Alt+←. */
function readmeKeys(binding: KeyBinding): string {
  const modifiers: string[] = []
  if (binding.mod === true) modifiers.push('Ctrl/Cmd')
  if (binding.alt === true) modifiers.push('Alt')
  // '?' is a shifted key already.
  if (binding.shift === true && binding.key !== '?') modifiers.push('Shift')
  const named = README_KEY_NAMES[binding.key]
  if (modifiers.length === 0 && named === undefined) return `\`${binding.key}\``
  return [...modifiers, named ?? binding.key.toUpperCase()].join('+')
}

describe('the README’s shortcut table', () => {
  it('writes every key of every command in the catalogue', () => {
    const section = shortcutSection()
    const missing = COMMAND_IDS.flatMap((id) =>
      COMMANDS[id].keys
        .map(readmeKeys)
        .filter((keys) => !section.includes(keys))
        .map((keys) => `${id}: ${keys}`),
    )
    expect(missing).toEqual([])
  })

  it('has the keys the issue names, as a researcher reads them', () => {
    const section = shortcutSection()
    for (const keys of [
      'Ctrl/Cmd+K',
      '`/` or Ctrl/Cmd+F',
      '`j` / `k`',
      '↓ / ↑',
      '| Enter ',
      '| Esc ',
      'Ctrl/Cmd+N',
      '`s`',
      '`u` / `i` / `r`',
      'Ctrl/Cmd+1',
      'Ctrl/Cmd+2',
      'Ctrl/Cmd+3',
      'Ctrl/Cmd+\\\\',
      'Alt+← / Alt+→',
      '`?`',
    ]) {
      expect(section, keys).toContain(keys)
    }
  })
})
