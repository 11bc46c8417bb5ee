// The Daily Papers fixture, imported through the window as a user does it.
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import type { Page } from 'playwright-core'

export const FIXTURE = fileURLToPath(new URL('../../fixtures/hf-daily-papers.txt', import.meta.url))

/** Imports the fixture with the file picker and waits for its report. */
export async function importFixture(page: Page): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles(FIXTURE)
  await expect.poll(() => page.getByTestId('import-status').textContent()).toContain('53 added')
}
