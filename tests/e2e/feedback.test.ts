// Errors are shown in the window with what happened and what to do, never as a
// blank pane; files the OS hands to Offprint are imported like any other.
import { describe, expect, it } from 'vitest'
import { confirmPreview, importFixture } from './harness/fixture'
import { appSession } from './harness/appSession'
import { stopPageClock, ticking } from './harness/pageClock'
import { listbox } from './harness/paperList'
import { syntheticListing } from '../support/syntheticListing'

const session = appSession()

describe('a pane that fails', () => {
  it('shows what happened in that pane while the others keep working', async () => {
    // Main answers getPaper with nothing at all: the paper pane cannot render it.
    const app = await session.launch({
      interceptDispatch: (dispatch) => async (method, args) =>
        method === 'getPaper' ? { ok: true, value: null } : dispatch(method, args),
    })
    const { page } = app
    await importFixture(page)
    const failure = page.getByRole('region', { name: 'Paper' }).getByTestId('pane-error')
    await expect.poll(() => failure.isVisible()).toBe(true)
    expect(await failure.textContent()).toContain('The paper pane ran into a problem.')
    expect(await failure.textContent()).toContain('Your library is unaffected.')
    expect(await failure.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true)
    await app.screenshot('pane-error')

    // The list and the notes still work.
    expect(await listbox(page).locator('[data-testid="paper-row"]').count()).toBeGreaterThan(5)
    await page.getByTestId('note-input').fill('still writing')
    await expect.poll(() => page.getByTestId('save-indicator').textContent()).toBe('Saved')

    // React reported the failure on the console (main copies it to its log file).
    expect(app.pageErrors.length).toBeGreaterThan(0)
    expect(app.pageErrors.some((error) => error.includes('The paper pane failed'))).toBe(true)
    app.pageErrors.length = 0
  })
})

describe('the line that says what an action did', () => {
  it('stays while the pointer or the focus is on it, and goes 6 s after they leave', async () => {
    const app = await session.launch()
    const { page } = app
    await importFixture(page)
    await page.getByTestId('import-status').getByRole('button', { name: 'Dismiss' }).click()
    await listbox(page).locator('[data-testid="paper-row"]').first().click()
    await stopPageClock(page)
    const toast = page.getByTestId('action-status')
    const shown = ticking(page, () => toast.count())

    await page.keyboard.press('s')
    await expect.poll(() => toast.locator('.action-text').textContent()).toBe('Star 1 paper')
    // Reaching for Undo takes as long as it takes: a minute with the pointer on it.
    await toast.hover()
    await page.clock.runFor(60_000)
    expect(await shown()).toBe(1)
    await page.mouse.move(0, 0)
    await page.clock.runFor(5_000)
    expect(await shown()).toBe(1)
    await page.clock.runFor(1_000)
    await expect.poll(shown).toBe(0)

    // The same from the keyboard: focus on Undo holds it, Undo works.
    await listbox(page).locator('[aria-selected="true"]').focus()
    await page.keyboard.press('s')
    await expect.poll(() => toast.locator('.action-text').textContent()).toBe('Unstar 1 paper')
    await toast.getByRole('button', { name: 'Undo' }).focus()
    await page.clock.runFor(60_000)
    expect(await shown()).toBe(1)
    await page.keyboard.press('Enter')
    await expect
      .poll(() => toast.locator('.action-text').textContent())
      .toBe('Undone: Unstar 1 paper')
  })
})

describe('files the OS asks Offprint to open', () => {
  it('imports an opened file with the usual report', async () => {
    const app = await session.launch()
    const { page } = app
    await expect.poll(() => page.getByTestId('welcome').isVisible()).toBe(true)
    await app.emit({
      type: 'open-file',
      fileName: 'opened-listing.txt',
      content: { ok: true, text: syntheticListing(7) },
    })
    await confirmPreview(page, '7 new papers')
    await expect
      .poll(() => page.getByTestId('import-status').textContent())
      .toContain('Imported opened-listing.txt: 7 added')
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('7 papers')
  })

  it('says why an opened file could not be imported', async () => {
    const app = await session.launch()
    const { page } = app
    await app.emit({
      type: 'open-file',
      fileName: 'locked.bib',
      content: { ok: false, message: "EACCES: permission denied, open '/home/a/locked.bib'" },
    })
    const status = page.getByRole('alert').filter({ hasText: 'locked.bib' })
    await expect.poll(() => status.textContent()).toContain('Could not import locked.bib.')
    expect(await status.textContent()).toContain('permission denied')
  })
})
