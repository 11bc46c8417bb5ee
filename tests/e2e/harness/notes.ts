// Writing notes through the window as a user does.
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** Creates a standalone note from the Notes tab, names it, and leaves the caret in its body. */
export async function newNote(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name: 'Notes' }).click()
  await page.getByRole('button', { name: 'New note' }).click()
  const title = page.getByTestId('note-title')
  // A new note's title is focused and selected, so typing replaces "Untitled".
  await expect
    .poll(() => title.evaluate((input) => input.ownerDocument.activeElement === input))
    .toBe(true)
  await page.keyboard.type(name)
  await page.keyboard.press('Enter')
  const editor = page.getByTestId('note-input')
  await expect
    .poll(() => editor.evaluate((area) => area.ownerDocument.activeElement === area))
    .toBe(true)
}
