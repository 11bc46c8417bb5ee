// A large BibTeX file's entries appear as soon as its scan is done (issue 21):
// the corpus's ten real exports (Zotero, Mendeley, JabRef, DBLP, ACL
// Anthology…) as one 1.4 MB bibliography list their count and
// first titles under the import's progress bar while the rest are still being
// converted, and Cancel there leaves the library as it was. The core is held
// still (its process stopped) the moment it sends the entries, so the test
// sees that state whatever the machine's speed: no waiting on time.
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { Library } from '../../src/main/core/library'
import { appSession } from './harness/appSession'
import { makeLibraryDir } from './harness/launchApp'

const CORPUS = fileURLToPath(new URL('../fixtures/bibtex-corpus/corpus.zip', import.meta.url))
const ZOTERO = fileURLToPath(new URL('../fixtures/formats/zotero-export.bib', import.meta.url))

/** The corpus's exports (not the hand-kept bibliotex/ folder), in the zip's order, as one bibliography. */
function corpusExports(): string {
  const files = unzipSync(readFileSync(CORPUS), { filter: (file) => !file.name.includes('/') })
  return Object.values(files)
    .map((bytes) => strFromU8(bytes))
    .join('\n')
}

const session = appSession()

describe('a large BibTeX file being read', () => {
  it('lists its entries before they are converted, and Cancel leaves the library as it was', async () => {
    const libraryDir = await makeLibraryDir()
    const seed = await Library.open(libraryDir)
    await seed.api.importText({ text: await readFile(ZOTERO, 'utf8'), fileName: 'zotero.bib' })
    await seed.close()
    const app = await session.launch({ libraryDir, coreInChildProcess: true })
    const { page } = app
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('5 papers')

    const listed = app.pauseCoreOn(
      (event) => event.type === 'progress' && event.progress.entries !== undefined,
    )
    await page.getByTestId('import-file-input').setInputFiles({
      name: 'corpus.bib',
      mimeType: 'text/x-bibtex',
      buffer: Buffer.from(corpusExports()),
    })
    await listed

    // The entries are listed: their number, and the first titles with their keys…
    const found = page.getByTestId('entries-found')
    await expect.poll(() => found.locator('summary').textContent()).toBe('2,411 entries found')
    const items = await found.locator('li').allTextContents()
    expect(items.slice(0, 3)).toEqual([
      'Bogadottir2012 Fleece: Imperial metabolism in the pre\u00adColumbian Andes',
      'Clark2012a Guano: The global metabolic rift and the fertilizer trade',
      'Clark2012 Techno-fix: Ecological rifts and capital shifts',
    ])
    expect(items.length).toBe(201)
    expect(items.at(-1)).toBe('… and 2,211 more entries')
    // …while none has been converted yet: the bar stands at 0 of them, and Cancel is offered.
    const task = page.getByTestId('task-progress').filter({ hasText: 'Importing corpus.bib' })
    expect(await task.textContent()).toBe(
      'Importing corpus.bib: Reading entries (0 of 2,411)Cancel',
    )
    expect(await page.getByTestId('import-preview').count()).toBe(0)
    await app.screenshot('import-entries-found')

    await task.getByRole('button', { name: 'Cancel' }).click()
    app.resumeCore()
    await expect
      .poll(() => page.getByTestId('import-status').textContent())
      .toContain('Import of corpus.bib cancelled. Nothing was added')
    expect(await found.count()).toBe(0)
    expect(await page.getByTestId('task-progress').count()).toBe(0)
    expect(await page.getByTestId('library-count').textContent()).toBe('5 papers')
    expect(await app.dispatch('listPapers', { offset: 0, limit: 10 })).toMatchObject({
      ok: true,
      value: { total: 5 },
    })
  })
})
