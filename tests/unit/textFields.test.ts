// Which key presses are text in a text field, never a shortcut.
import { describe, expect, it } from 'vitest'
import { typesCharacter } from '../../src/renderer/src/ui/textFields'

const press = (key: string, held: { ctrl?: boolean; meta?: boolean; alt?: boolean } = {}) => ({
  key,
  ctrlKey: held.ctrl === true,
  metaKey: held.meta === true,
  altKey: held.alt === true,
})

describe('typesCharacter', () => {
  it('is true for keys that type a character: "/", "?", letters, digits, non-Latin letters', () => {
    for (const key of ['/', '?', 's', 'J', '1', '[', 'é', 'π', '😀']) {
      expect(typesCharacter(press(key)), key).toBe(true)
    }
  })

  it('is false with Ctrl, Cmd or Alt held, and for named keys', () => {
    expect(typesCharacter(press('f', { ctrl: true }))).toBe(false)
    expect(typesCharacter(press('k', { meta: true }))).toBe(false)
    expect(typesCharacter(press('ArrowLeft', { alt: true }))).toBe(false)
    for (const key of ['Escape', 'Enter', 'ArrowDown', 'F2', 'Delete']) {
      expect(typesCharacter(press(key)), key).toBe(false)
    }
  })
})
