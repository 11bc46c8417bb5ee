// The online commands end to end, from the palette, against a stub server on
// 127.0.0.1 named by OFFPRINT_HF_API and OFFPRINT_ARXIV_API: Get Daily Papers…
// (a day picked in the dialog; the recorded /api/daily_papers answer of
// 2026-06-12, 30 papers, previewed and imported) and Find on arXiv by title (a
// paper without ids gains its arXiv id and authors). The page itself never
// goes online: the core fetches.
import { describe, expect, it } from 'vitest'
import { Library } from '../../src/main/core/library'
import { startStubServer } from '../unit/lookupStubServer'
import { appSession } from './harness/appSession'
import { stubServices } from './harness/stubServices'
import { makeLibraryDir } from './harness/launchApp'

const session = appSession()
const services = stubServices(startStubServer)

describe('Get Daily Papers…', () => {
  it('fetches the day picked in the dialog, previews its 30 papers and imports them', async () => {
    const app = await session.launch()
    const { page } = app
    // A new library: the welcome shows, and the palette works from there too.
    await expect.poll(() => page.getByTestId('welcome').isVisible()).toBe(true)
    await page.keyboard.press('Control+k')
    await expect.poll(() => page.getByTestId('command-palette').isVisible()).toBe(true)
    await page.keyboard.type('daily papers')
    await expect
      .poll(() => page.getByTestId('palette-item').first().textContent())
      .toContain('Get Daily Papers…')
    await page.keyboard.press('Enter')

    const dialog = page.getByRole('dialog', { name: 'Get Daily Papers' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    // A day by default, today's; a week and a month are one choice away.
    expect(await page.getByTestId('daily-period').getAttribute('type')).toBe('date')
    await dialog.getByLabel('A week').check()
    expect(await page.getByTestId('daily-period').getAttribute('type')).toBe('week')
    await dialog.getByLabel('A day').check()
    await page.getByTestId('daily-period').fill('2026-06-12')
    await app.screenshot('get-daily-papers')
    await page.getByTestId('daily-fetch').click()

    const preview = page.getByRole('dialog', { name: 'Import Daily Papers 2026-06-12' })
    await expect.poll(() => preview.isVisible()).toBe(true)
    expect(await page.getByTestId('preview-new').textContent()).toBe('30 new papers')
    expect(services.current().requests.map((r) => r.path)).toEqual([
      '/api/daily_papers?date=2026-06-12&limit=100',
    ])
    await page.getByTestId('import-confirm').click()
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('30 papers')
  })

  it('finds a paper without ids on arXiv by its title, and it gains its id and authors', async () => {
    const libraryDir = await makeLibraryDir()
    const seed = await Library.open(libraryDir)
    await seed.api.importText({
      text: 'TY  - JOUR\nTI  - Attention is all you need\nPY  - 2017\nER  - \n',
      fileName: 'page.ris',
    })
    await seed.close()
    const app = await session.launch({ libraryDir })
    const { page } = app
    await expect
      .poll(() => page.getByTestId('paper-title').textContent())
      .toBe('Attention is all you need')
    await page.getByTestId('paper-list').focus()
    await page.keyboard.press('Control+k')
    await page.keyboard.type('find on arxiv')
    await expect
      .poll(() => page.getByTestId('palette-item').first().textContent())
      .toContain('Find on arXiv by title')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.getByTestId('preview-duplicates').textContent())
      .toBe('1 duplicate (1 would gain details)')
    expect(await page.getByRole('dialog', { name: 'Import from arXiv by title' }).isVisible()).toBe(
      true,
    )
    await app.screenshot('find-on-arxiv-preview')
    await page.getByTestId('import-confirm').click()
    await expect.poll(() => page.getByTestId('paper-arxiv').textContent()).toBe('1706.03762')
    expect(await page.getByTestId('paper-authors').textContent()).toContain('Ashish Vaswani')
    expect(services.current().requests.map((r) => r.path)).toEqual([
      '/api/query?search_query=ti%3A%22Attention+is+all+you+need%22&max_results=5',
    ])
  })

  it('goes where Settings > Online services says when no variable overrides it', async () => {
    delete process.env['OFFPRINT_HF_API']
    const app = await session.launch()
    const { page } = app
    await expect.poll(() => page.getByTestId('welcome').isVisible()).toBe(true)
    await page.keyboard.press('Control+,')
    const field = page.getByTestId('settings-origin-huggingFace')
    await expect.poll(() => field.inputValue()).toBe('https://huggingface.co')
    await field.fill('not an address')
    await page.getByTestId('settings-origin-arxivApi').focus()
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Not saved: an address starts with http:// or https://')
    await field.fill(`${services.current().origin}/`)
    await page.getByTestId('settings-origin-arxivApi').focus()
    await app.screenshot('settings-online-services')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('settings-dialog').isVisible()).toBe(false)

    await page.keyboard.press('Control+k')
    await page.keyboard.type('daily papers')
    await page.keyboard.press('Enter')
    await page.getByTestId('daily-period').fill('2026-07-31')
    await page.getByTestId('daily-fetch').click()
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('5 papers')
    expect(services.current().requests.map((r) => r.path)).toEqual([
      '/api/daily_papers?date=2026-07-31&limit=100',
    ])
  })
})
