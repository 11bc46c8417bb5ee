import { describe, expect, it } from 'vitest'
import { listCommandFor, type KeyPress } from '../../src/renderer/src/features/papers/listShortcuts'

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
})

describe('the list’s keys', () => {
  it('maps the README’s keys to their commands', () => {
    expect(listCommandFor(press('s'))).toBe('star')
    expect(listCommandFor(press('u'))).toBe('status-unread')
    expect(listCommandFor(press('i'))).toBe('status-reading')
    expect(listCommandFor(press('r'))).toBe('status-read')
    expect(listCommandFor(press('t'))).toBe('tag')
    expect(listCommandFor(press('c'))).toBe('add-to-collection')
    expect(listCommandFor(press('Delete'))).toBe('delete')
    expect(listCommandFor(press('Backspace'))).toBe('delete')
    expect(listCommandFor(press('Delete', { shiftKey: true }))).toBe('trash')
    expect(listCommandFor(press('a', { ctrlKey: true }))).toBe('select-all')
    expect(listCommandFor(press('a', { metaKey: true }))).toBe('select-all')
    expect(listCommandFor(press('F10', { shiftKey: true }))).toBe('context-menu')
    expect(listCommandFor(press('ContextMenu'))).toBe('context-menu')
    expect(listCommandFor(press('Escape'))).toBe('collapse-selection')
  })

  it('leaves modified letters to the app and the browser (Ctrl+S, Ctrl+Z, Alt+S)', () => {
    expect(listCommandFor(press('s', { ctrlKey: true }))).toBeUndefined()
    expect(listCommandFor(press('z', { ctrlKey: true }))).toBeUndefined()
    expect(listCommandFor(press('s', { altKey: true }))).toBeUndefined()
    expect(listCommandFor(press('S', { shiftKey: true }))).toBeUndefined()
    expect(listCommandFor(press('x'))).toBeUndefined()
  })
})
