// Steps of the PDF reader's e2e tests: the Daily Papers listing imported, a
// paper opened, a PDF attached through Attach PDF…'s file dialog, and the
// reader ready with a page drawn.
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { confirmPreview } from './fixture'
import { scrollToRow } from './paperList'

const LISTING = fileURLToPath(new URL('../../fixtures/hf-daily-papers.txt', import.meta.url))
/** The TraceMonkey paper (14 pages), a real PDF: tests/fixtures/pdf/README.md. */
export const PAPER_PDF = fileURLToPath(
  new URL('../../fixtures/pdf/tracemonkey.pdf', import.meta.url),
)
export const TOOLRL = 'ToolRL: Reward is All Tool Learning Needs'

export async function importListing(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('welcome').isVisible()).toBe(true)
  await page.getByTestId('import-file-input').setInputFiles(LISTING)
  await confirmPreview(page, '53 new papers')
  await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('53 papers')
}

export async function openPaper(page: Page, title: string): Promise<void> {
  await (await scrollToRow(page, title)).click()
  await expect.poll(() => page.locator('#paper-title').textContent()).toBe(title)
}

/** Attach PDF… in the paper pane, answering the file dialog with `file`. */
export async function attachPdf(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('attach-pdf').click()
  await (await chooser).setFiles(file)
}

/** The reader has its PDF open, and `pageNumber` is drawn with its text layer laid out. */
export async function readerReady(page: Page, pageNumber = 1): Promise<void> {
  await expect.poll(() => page.getByTestId('pdf-reader').getAttribute('data-ready')).toBe('true')
  await expect
    .poll(() => page.locator(`.page[data-page-number="${pageNumber}"] .textLayer span`).count())
    .toBeGreaterThan(10)
}

/**
 * The listing imported, ToolRL opened, `file` attached to it (the reader opens
 * on it); resolves with ToolRL's id once the reader shows the PDF's text.
 */
export async function readPdfOfToolRl(page: Page, file = PAPER_PDF): Promise<string> {
  await importListing(page)
  await openPaper(page, TOOLRL)
  const paperId = (await page.getByTestId('paper-view').getAttribute('data-paper-id')) ?? ''
  await attachPdf(page, file)
  await readerReady(page)
  return paperId
}
