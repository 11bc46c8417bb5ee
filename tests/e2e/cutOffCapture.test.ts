// A real text-browser capture of a Hugging Face search page that ends in the
// middle of a paper: the preview lists that paper under "Imported incomplete"
// with what is missing, before anything is written, and the report after.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { appSession } from './harness/appSession'

const LYNX = fileURLToPath(new URL('../fixtures/formats/hf-search-lynx-dump.txt', import.meta.url))

const CUT =
  'Line 939: "Reducing Distraction in Long-Context Language Models by Focused Learning": the capture ends inside its abstract; imported with the first 123 characters of it, and no authors, date or comments'

const session = appSession()

describe('a capture cut off mid-paper', () => {
  it('says in the preview and in the report which paper is imported incomplete', async () => {
    const app = await session.launch()
    const { page } = app
    await page.getByTestId('import-file-input').setInputFiles(LYNX)
    const preview = page.getByTestId('import-preview')
    await expect.poll(() => preview.isVisible()).toBe(true)
    expect(await page.getByTestId('preview-new').textContent()).toBe('34 new papers')
    expect(await page.getByTestId('preview-skipped').textContent()).toBe('0 unreadable entries')
    expect(await page.getByTestId('preview-partial-list').locator('li').allTextContents()).toEqual([
      CUT,
    ])
    await app.screenshot('import-preview-incomplete')
    await page.getByTestId('import-confirm').click()
    await expect
      .poll(() => page.getByTestId('import-status').textContent())
      .toContain(
        'Imported hf-search-lynx-dump.txt: 34 added, 0 already present, 0 skipped. 1 imported incomplete (see below).',
      )
    const report = page.getByTestId('import-status').locator('details', {
      hasText: 'Imported incomplete',
    })
    await report.locator('summary').click()
    expect(await report.locator('li').allTextContents()).toEqual([CUT])
    await app.screenshot('import-report-incomplete')
  })
})
