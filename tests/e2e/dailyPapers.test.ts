// File > Get Daily Papers… end to end, from the palette: a day picked in the
// dialog, fetched from OFFPRINT_HF_API (a stub server on 127.0.0.1 serving the
// recorded /api/daily_papers answer of 2026-06-12, 30 papers), previewed, and
// imported. The page itself never goes online: the core fetches.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startStubServer, type StubServer } from '../unit/lookupStubServer'
import { closeBrowser, launchApp, makeLibraryDir, type RunningApp } from './harness/launchApp'

let app: RunningApp | undefined
let stub: StubServer
const before = process.env['OFFPRINT_HF_API']

beforeEach(async () => {
  stub = await startStubServer()
  // The in-process core reads its origins from this process's environment, as the app does.
  process.env['OFFPRINT_HF_API'] = stub.origin
})
afterEach(async () => {
  if (app !== undefined) {
    expect(app.foreignRequests).toEqual([])
    expect(app.pageErrors).toEqual([])
    await app.close()
    app = undefined
  }
  await stub.close()
  if (before === undefined) delete process.env['OFFPRINT_HF_API']
  else process.env['OFFPRINT_HF_API'] = before
})
afterAll(closeBrowser)

describe('Get Daily Papers…', () => {
  it('fetches the day picked in the dialog, previews its 30 papers and imports them', async () => {
    app = await launchApp({ libraryDir: await makeLibraryDir() })
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
    expect(stub.requests.map((r) => r.path)).toEqual([
      '/api/daily_papers?date=2026-06-12&limit=100',
    ])
    await page.getByTestId('import-confirm').click()
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('30 papers')
  })
})
