// The Daily Papers fixture, imported through the window as a user does it.
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import type { Page } from 'playwright-core'

export const FIXTURE = fileURLToPath(new URL('../../fixtures/hf-daily-papers.txt', import.meta.url))

/** Imports the fixture with the file picker, confirms its preview, and waits for its report. */
export async function importFixture(page: Page): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles(FIXTURE)
  await confirmPreview(page, '53 new papers')
  await expect.poll(() => page.getByTestId('import-status').textContent()).toContain('53 added')
}

/** Waits for the import preview to say `newPapers` ("53 new papers") and confirms it. */
export async function confirmPreview(page: Page, newPapers: string): Promise<void> {
  await expect.poll(() => page.getByTestId('preview-new').textContent()).toBe(newPapers)
  await page.getByTestId('import-confirm').click()
}
