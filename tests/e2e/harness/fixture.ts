// The Daily Papers fixture, imported through the window as a user does it.
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import type { Page } from 'playwright-core'

export const FIXTURE = fileURLToPath(new URL('../../fixtures/hf-daily-papers.txt', import.meta.url))

// Titles of the fixture's papers that tests look for. Read with the fixture
// page's date as today, NEWEST_TITLE (Jan 29, 2026) lists first, then
// SECOND_TITLE (Jan 26).
export const NEWEST_TITLE =
  'Spotlighting Task-Relevant Features: Object-Centric Representations for Better Generalization in Robotic Manipulation'
export const SECOND_TITLE =
  'GenAgent: Scaling Text-to-Image Generation via Agentic Multimodal Reasoning'
export const MIGE_TITLE =
  'MIGE: A Unified Framework for Multimodal Instruction-Based Image Generation and Editing'
/** The three papers a search for "tool retrieval" ranks first, in that order. */
export const TOOL_RETRIEVAL_TITLES = [
  'ToolGen: Unified Tool Retrieval and Calling via Generation',
  'Towards Completeness-Oriented Tool Retrieval for Large Language Models',
  'Data-Efficient Massive Tool Retrieval: A Reinforcement Learning Approach for Query-Tool Alignment with Language Models',
]

/** Imports the fixture with the file picker, confirms its preview, and waits for its report. */
export async function importFixture(page: Page): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles(FIXTURE)
  await confirmPreview(page, '53 new papers')
  await expect.poll(() => page.getByTestId('import-status').textContent()).toContain('53 added')
}

/**
 * Imports `file` with the file picker (confirming the preview when it is the
 * 53-paper fixture; a one-paper listing goes straight in), and waits until the
 * list shows its first row.
 */
export async function importIntoList(page: Page, file = FIXTURE): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles(file)
  if (file === FIXTURE) await confirmPreview(page, '53 new papers')
  await expect.poll(() => page.getByTestId('import-status').textContent()).toContain('added')
  await expect.poll(() => page.locator('#paper-row-0').count()).toBe(1)
}

/** Waits for the import preview to say `newPapers` ("53 new papers") and confirms it. */
export async function confirmPreview(page: Page, newPapers: string): Promise<void> {
  await expect.poll(() => page.getByTestId('preview-new').textContent()).toBe(newPapers)
  await page.getByTestId('import-confirm').click()
}
