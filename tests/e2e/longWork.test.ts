// Long work besides imports, in the window: an export of 10,000 papers shows
// its progress in the Export dialog and can be cancelled there (nothing is
// saved); the next export is saved with its summary; Find duplicates reports
// what it found.
import { describe, expect, it } from 'vitest'
import { synthesize, writeSyntheticLibrary, type SyntheticLibrary } from '../bench/syntheticLibrary'
import { appSession } from './harness/appSession'

const session = appSession()
const PAPERS = 10_000

/**
 * The synthetic library with three pairs that are one paper each, one per
 * reason Find duplicates gives: the last three papers take the DOI, the arXiv
 * id (another version) or the title (in capitals) and year of the first three.
 * Nothing else pairs up: the other titles are 6–15 random words and the arXiv
 * ids are numbered, which the test checks before it counts on it.
 */
function withThreeDuplicatePairs(library: SyntheticLibrary): SyntheticLibrary {
  const papers = library.papers.map((paper) => ({ ...paper }))
  const at = (i: number) => papers.at(i) ?? expect.fail(`no paper ${i}`)
  at(0).doi = '10.5555/offprint.twin'
  at(-1).doi = '10.5555/offprint.twin'
  at(-2).arxivId = `${at(1).arxivId ?? ''}v2`
  at(-3).title = at(2).title.toUpperCase()
  at(-3).published = at(2).published
  return { ...library, papers }
}

describe('long work in the dialogs', () => {
  it('shows an export’s progress, cancels it, then saves the next one with a summary', async () => {
    const libraryDir = await session.scratchDir()
    const library = withThreeDuplicatePairs(synthesize(PAPERS))
    const titleYears = library.papers.map(
      (p) => `${p.title.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} ${p.published?.slice(0, 4)}`,
    )
    expect(new Set(titleYears).size).toBe(PAPERS - 1)
    expect(new Set(library.papers.map((p) => p.arxivId)).size).toBe(PAPERS)
    await writeSyntheticLibrary(libraryDir, library)
    const app = await session.launch({ libraryDir })
    const { page } = app
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('10,000 papers')

    let downloads = 0
    page.on('download', () => downloads++)
    await page.getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export' })
    await dialog.getByRole('radio', { name: 'BibTeX (.bib)' }).check()
    await page.getByTestId('export-confirm').click()

    // The dialog shows the export's bar filling, out of 10,000 papers.
    const task = dialog.getByTestId('task-progress')
    const bar = task.getByRole('progressbar')
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 })
      .toBeGreaterThan(0)
    expect(await bar.getAttribute('aria-valuemax')).toBe(String(PAPERS))
    expect(await task.textContent()).toMatch(
      /^Exporting to BibTeX: Writing entries \([\d,]+ of 10,000\)Cancel/,
    )
    await app.screenshot('export-progress')

    await task.getByRole('button', { name: 'Cancel' }).click()
    await expect
      .poll(() => dialog.getByTestId('export-message').textContent())
      .toBe('Export cancelled. Nothing was saved.')
    expect(await dialog.getByTestId('task-progress').count()).toBe(0)
    expect(await page.getByRole('progressbar').count()).toBe(0)
    expect(downloads).toBe(0)

    // The next export runs to the end and says what it saved.
    await dialog.getByRole('radio', { name: 'RIS (.ris)' }).check()
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('export-confirm').click(),
    ])
    expect(download.suggestedFilename()).toBe('Offprint library.ris')
    await expect
      .poll(() => dialog.getByTestId('export-message').textContent())
      .toBe('Exported 10000 papers as Offprint library.ris.')
    // Focus stayed in the dialog throughout, so Esc closes it.
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)

    // Find duplicates compares every paper and finds the three pairs, each with its reason.
    await page.getByRole('button', { name: 'Find duplicates' }).click()
    const duplicates = page.getByTestId('duplicates-dialog')
    await expect
      .poll(() => duplicates.getByTestId('duplicates-found').textContent(), { timeout: 30_000 })
      .toBe('3 groups of papers look like the same paper.')
    expect((await duplicates.locator('.duplicate-reason').allTextContents()).sort()).toEqual([
      'same DOI — keep:',
      'same arXiv id — keep:',
      'same title and year — keep:',
    ])
  })
})
