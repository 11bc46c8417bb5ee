// Import and export end to end: a BibTeX file through the preview (with its
// duplicate count), confirmed; a collection exported to BibTeX through
// File > Export…; that file imported again, adding nothing.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { Library } from '../../src/main/core/library'
import { LibraryStore } from '../../src/main/core/store/libraryStore'
import { dropFile } from './harness/dropFile'
import { appSession } from './harness/appSession'
import { makeLibraryDir } from './harness/launchApp'

const BIB = fileURLToPath(new URL('../fixtures/formats/zotero-export.bib', import.meta.url))

// Two papers the user already has, with less detail than the file brings.
const SEED = `@article{attention, title = {Attention is all you need}, year = 2017}
@article{bert, title = {BERT}, year = 2019, doi = {10.48550/arxiv.1810.04805}}`

const session = appSession()

describe('import and export', () => {
  it('imports BibTeX through the preview, exports a collection, and re-imports it with 0 added', async () => {
    // A library with two papers and a "Thesis" collection holding both.
    const libraryDir = await makeLibraryDir()
    const seed = await Library.open(libraryDir)
    const seeded = await seed.api.importText({ text: SEED, fileName: 'seed.bib' })
    await seed.close()
    // Collections have no UI yet: the collection goes straight into the store.
    const store = await LibraryStore.open(libraryDir)
    await store.commit({
      collections: {
        put: [
          {
            id: 'thesis',
            name: 'Thesis',
            position: 0,
            paperIds: seeded.addedIds,
            createdAt: '2026-02-10T00:00:00.000Z',
            updatedAt: '2026-02-10T00:00:00.000Z',
          },
        ],
      },
    })
    await store.close()
    const app = await session.launch({ libraryDir })
    const { page } = app
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('2 papers')

    // Import: the preview counts new papers, duplicates (with what they add) and unreadable entries.
    await page.getByTestId('import-file-input').setInputFiles(BIB)
    const preview = page.getByTestId('import-preview')
    await expect.poll(() => preview.isVisible()).toBe(true)
    expect(await page.getByRole('dialog', { name: 'Import zotero-export.bib' }).isVisible()).toBe(
      true,
    )
    expect(await page.getByTestId('preview-new').textContent()).toBe('3 new papers')
    expect(await page.getByTestId('preview-duplicates').textContent()).toBe(
      '2 duplicates (2 would gain details)',
    )
    expect(await page.getByTestId('preview-skipped').textContent()).toBe('2 unreadable entries')
    expect(await page.getByTestId('preview-skipped-list').locator('li').allTextContents()).toEqual([
      'Line 47 (entry 5): expected "}" or "," at line 53, found "@misc{smith2021surve"',
      'Line 62 (entry 7): @book{notitle} has no title',
    ])
    expect(await preview.getByText('Attention is all you need').isVisible()).toBe(true)
    await app.screenshot('import-preview')
    // Nothing is written before the user confirms.
    expect(await page.getByTestId('library-count').textContent()).toBe('2 papers')

    await page.getByTestId('import-confirm').click()
    await expect
      .poll(() => page.getByTestId('import-status').textContent())
      .toContain('Imported zotero-export.bib: 3 added, 2 already present, 2 skipped.')
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('5 papers')

    // File > Export…: the Thesis collection as BibTeX.
    await app.emit({ type: 'menu-command', command: 'export' })
    const dialog = page.getByRole('dialog', { name: 'Export' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await dialog.getByLabel('A collection').check()
    expect(await page.getByTestId('export-collection').locator('option').allTextContents()).toEqual(
      ['Thesis (2)'],
    )
    await app.screenshot('export-dialog')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-confirm').click(),
    ])
    expect(download.suggestedFilename()).toBe('Offprint Thesis.bib')
    const downloads = await session.scratchDir()
    const saved = join(downloads, download.suggestedFilename())
    await download.saveAs(saved)
    const bib = await readFile(saved, 'utf8')
    // The two papers, now with what the import merged into them.
    expect([...bib.matchAll(/^@(\w+)\{([^,]+),/gm)].map((m) => `${m[1]}:${m[2]}`)).toEqual([
      'article:attention',
      'article:bert',
    ])
    expect(bib).toContain('Kaiser, {\\L}ukasz')
    await expect
      .poll(() => page.getByTestId('export-message').textContent())
      .toBe('Exported 2 papers as Offprint Thesis.bib.')
    await dialog.getByRole('button', { name: 'Close' }).click()

    // Re-import the export: both are duplicates, nothing is added.
    await page.getByTestId('import-file-input').setInputFiles(saved)
    await expect.poll(() => page.getByTestId('preview-new').textContent()).toBe('0 new papers')
    expect(await page.getByTestId('preview-duplicates').textContent()).toBe('2 duplicates')
    await page.getByTestId('import-confirm').click()
    await expect
      .poll(() => page.getByTestId('import-status').textContent())
      .toContain('Imported Offprint Thesis.bib: 0 added, 2 already present, 0 skipped.')
    expect(await page.getByTestId('library-count').textContent()).toBe('5 papers')
  })

  it('shows progress on a 10k-entry import, stays responsive, and cancels with nothing written', async () => {
    const libraryDir = await makeLibraryDir()
    const seed = await Library.open(libraryDir)
    await seed.api.importText({ text: SEED, fileName: 'seed.bib' })
    await seed.close()
    const app = await session.launch({ libraryDir, coreInChildProcess: true })
    const { page } = app
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('2 papers')

    const big = Array.from(
      { length: 10_000 },
      (_, i) =>
        `@article{big${i},\n  title = {Generated Paper Number ${i}},\n  author = {Doe, Jane and Roe, Richard},\n` +
        `  journal = {Journal of Tests}, year = ${2000 + (i % 25)},\n  abstract = {${'Words of an abstract. '.repeat(20)}}\n}\n`,
    ).join('')
    // However fast the machine, the core is held still in the middle of the
    // import (its process stopped at its first count of entries read), so the
    // test acts while the import runs.
    const midImport = app.pauseCoreOn(
      (event) =>
        event.type === 'progress' &&
        event.progress.label === 'Importing ten-thousand.bib' &&
        event.progress.done > 0,
    )
    await dropFile(page, 'ten-thousand.bib', big)
    await midImport

    // The task's progress bar counts the entries read.
    const task = page.getByTestId('task-progress').filter({ hasText: 'Importing ten-thousand.bib' })
    const bar = task.getByRole('progressbar')
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')))
      .toBeGreaterThan(0)
    expect(await bar.getAttribute('aria-valuemax')).toBe('10000')
    expect(await task.textContent()).toMatch(
      /^Importing ten-thousand\.bib: Reading entries \([\d,]+ of 10,000\)Cancel/,
    )
    await app.screenshot('import-progress-bibtex')

    // The user opens another paper, then cancels. The core answers the paper
    // between two slices of the import, and the import stops at the next one.
    await page.locator('#paper-row-1').click()
    await task.getByRole('button', { name: 'Cancel' }).click()
    app.resumeCore()
    await expect
      .poll(() => page.locator('#paper-title').textContent())
      .toBe('Attention is all you need')

    // Cancelled: the bar goes, the status says nothing was added, and the library is as it was.
    await expect
      .poll(() => page.getByTestId('import-status').textContent())
      .toContain('Import of ten-thousand.bib cancelled. Nothing was added')
    expect(await page.getByTestId('task-progress').count()).toBe(0)
    expect(await page.getByTestId('import-preview').count()).toBe(0)
    expect(await page.getByTestId('library-count').textContent()).toBe('2 papers')
    await app.restartCore()
    await page.reload()
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('2 papers')
  })
})
