// Long work shows progress: a 10,000-entry Daily Papers listing imported through
// the window reports its progress in a bar, can be cancelled, and ends with a summary.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { appSession } from './harness/appSession'
import { confirmPreview } from './harness/fixture'
import { syntheticListing } from '../support/syntheticListing'

const session = appSession()

interface SeenBar {
  label: string | null
  now: string | null
  max: string | null
  line: string
}

/**
 * Records every state of every progress bar the page shows. An import can be
 * quick, so the test does not race it: the page itself notes each change.
 */
async function recordProgressBars(page: Page): Promise<() => Promise<SeenBar[]>> {
  await page.evaluate(() => {
    const seen: SeenBar[] = []
    Object.assign(window, { progressSeen: seen })
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('[role="progressbar"]')) {
        seen.push({
          label: bar.getAttribute('aria-label'),
          now: bar.getAttribute('aria-valuenow'),
          max: bar.getAttribute('aria-valuemax'),
          line: bar.closest('[data-testid="task-progress"]')?.textContent ?? '',
        })
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true })
  })
  return () => page.evaluate(() => (window as unknown as { progressSeen: SeenBar[] }).progressSeen)
}

async function writeListing(name: string, count: number, prefix = ''): Promise<string> {
  const path = join(await session.scratchDir(), name)
  await writeFile(path, syntheticListing(count, prefix))
  return path
}

describe('a 10,000-paper import', () => {
  it('shows its progress in a bar, then a summary', async () => {
    const app = await session.launch()
    const { page } = app
    const file = await writeListing('daily-10k.txt', 10_000)
    await expect.poll(() => page.getByTestId('welcome').isVisible()).toBe(true)
    const seenBars = await recordProgressBars(page)

    await page.getByTestId('import-file-input').setInputFiles(file)
    // Reading it is the preview's task; adding the papers is the confirmed import's.
    await confirmPreview(page, '10,000 new papers')
    // A picture of the bar for the README, if the import is still running by then
    // (what the bar showed is asserted below from the page's own record).
    await page
      .getByTestId('task-progress')
      .filter({ hasText: 'Adding papers' })
      .waitFor({ timeout: 5_000 })
      .then(() => app.screenshot('import-progress'))
      .catch(() => undefined)
    await expect
      .poll(() => page.getByTestId('import-status').textContent(), { timeout: 60_000 })
      .toContain('10000 added, 0 already present, 0 skipped')
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('10,000 papers')
    // The import's bar is gone once it is done (selecting the first paper may
    // start "Finding similar papers", a task of its own with its own bar).
    await expect
      .poll(() => page.getByRole('progressbar', { name: 'Importing daily-10k.txt' }).count())
      .toBe(0)

    const seen = await seenBars()
    const ours = seen.filter((bar) => bar.label === 'Importing daily-10k.txt')
    // First an indeterminate bar while the file is read…
    expect(ours.some((bar) => bar.now === null && bar.line.includes('Reading entries'))).toBe(true)
    // …then a bar that fills as papers are added, out of 10,000.
    const partway = ours.filter(
      (bar) => bar.max === '10000' && Number(bar.now) > 0 && Number(bar.now) < 10_000,
    )
    expect(partway.length).toBeGreaterThan(0)
    expect(partway[0]?.line).toMatch(/Adding papers \([\d,]+ of 10,000\)Cancel/)
    const values = partway.map((bar) => Number(bar.now))
    expect(values).toEqual([...values].sort((a, b) => a - b)) // it never goes backwards
  })

  it('can be cancelled, leaving the library as it was', async () => {
    const app = await session.launch()
    const { page } = app
    const small = await writeListing('first.txt', 20)
    await page.getByTestId('import-file-input').setInputFiles(small)
    await confirmPreview(page, '20 new papers')
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('20 papers')

    // Cancelled at the preview, before anything is written. (Cancelling from the
    // progress bar while a file is read: importExport.test.ts.)
    const big = await writeListing('daily-10k.txt', 10_000, 'Second ')
    await page.getByTestId('import-file-input').setInputFiles(big)
    await expect.poll(() => page.getByTestId('preview-new').textContent()).toBe('10,000 new papers')
    await page
      .getByRole('dialog', { name: 'Import daily-10k.txt' })
      .getByRole('button', { name: 'Cancel' })
      .click()
    await app.screenshot('import-cancelling')
    await expect
      .poll(() => page.getByTestId('import-status').textContent(), { timeout: 60_000 })
      .toContain('Import of daily-10k.txt cancelled. Nothing was added')
    expect(await page.getByTestId('library-count').textContent()).toBe('20 papers')
    expect(await page.getByRole('progressbar').count()).toBe(0)
  })
})
