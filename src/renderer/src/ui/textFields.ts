// Whether keyboard focus is in a place that types text: there, keys like
// Ctrl+Z and single letters belong to the field, not to the app's shortcuts.

const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
])

export function isTextField(element: Element | null): boolean {
  if (element === null) return false
  if (element instanceof HTMLTextAreaElement) return true
  if (element instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(element.type)
  return element instanceof HTMLElement && element.isContentEditable
}

/**
 * Whether a key press types a character ("/", "?", a letter) rather than
 * running something (Ctrl/Cmd or Alt held, or a named key like Escape). In a
 * text field such a key is text, whatever shortcut it also stands for.
 */
export function typesCharacter(
  press: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): boolean {
  return [...press.key].length === 1 && !press.ctrlKey && !press.metaKey && !press.altKey
}
