// The preview's section of merged citation keys (issue 15): d2l-en's real
// bibliography cites some papers under two keys (Vapnik's 1994 paper as both
// Vapnik.Levin.Le-Cun.1994 and vapnik1994measuring). The preview says how
// many keys become aliases, lists each with the key it joins, and the import
// then adds one paper for each pair.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { appSession } from './harness/appSession'

const CORPUS = fileURLToPath(new URL('../fixtures/bibtex-corpus/corpus.zip', import.meta.url))
const D2L = unzipSync(readFileSync(CORPUS), { filter: (file) => file.name === 'd2l-en.bib' })[
  'd2l-en.bib'
]

const session = appSession()

describe('the import preview of a file that cites papers under two keys', () => {
  it('lists the 11 keys kept as aliases, each with the key it joins, then imports 477 papers', async () => {
    expect(D2L).toBeDefined()
    const app = await session.launch()
    const { page } = app
    await page.getByTestId('import-file-input').setInputFiles({
      name: 'd2l-en.bib',
      mimeType: 'text/x-bibtex',
      buffer: Buffer.from(strFromU8(D2L ?? new Uint8Array())),
    })
    const section = page.getByTestId('preview-merged-keys')
    await expect.poll(() => section.isVisible()).toBe(true)
    expect(await page.getByTestId('preview-new').textContent()).toBe('477 new papers')
    expect(await page.getByTestId('preview-duplicates').textContent()).toBe('11 duplicates')
    expect(await section.locator('summary').textContent()).toBe(
      '11 citation keys kept as aliases of the same paper',
    )
    // Closed until asked for; opened, it lists every pair in file order.
    expect(await section.locator('li').first().isVisible()).toBe(false)
    await section.locator('summary').click()
    expect(await section.locator('li').allTextContents()).toEqual([
      'vapnik1994measuring → Vapnik.Levin.Le-Cun.1994',
      'thomee2016yfcc100m → Thomee.Shamma.Friedland.ea.2016',
      'Vapnik98 → Vapnik.1998',
      'VapChe64 → Vapnik.Chervonenkis.1964',
      'VapChe68 → Vapnik.Chervonenkis.1968',
      'VapChe71 → Vapnik.Chervonenkis.1971',
      'VapChe74 → Vapnik.Chervonenkis.1974',
      'VapChe74b → Vapnik.Chervonenkis.1974*1',
      'VapChe81 → Vapnik.Chervonenkis.1981',
      'VapChe91 → Vapnik.Chervonenkis.1991',
      'ba2016layer → Ba.Kiros.Hinton.2016',
    ])
    await app.screenshot('import-preview-merged-keys')

    await page.getByTestId('import-confirm').click()
    await expect
      .poll(() => page.getByTestId('import-status').textContent())
      .toContain('Imported d2l-en.bib: 477 added, 11 already present, 0 skipped.')
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('477 papers')
  })
})
