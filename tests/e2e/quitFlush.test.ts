// Quitting while a note waits for its pause in typing: main asks the page to
// flush (window.offprint.onFlushRequest) and waits for it before closing the
// library. Here the page's clock is stopped, so the 400 ms autosave can never
// be what saved the text: only the flush can.
import { describe, expect, it } from 'vitest'
import { appSession } from './harness/appSession'
import { FLUSH_FUNCTION } from './harness/bridgeScript'

const session = appSession()
const SLOW = { timeout: 20_000 }

describe('quitting with a note still being typed', () => {
  it('saves the draft when main asks the page to flush, before any autosave', async () => {
    const app = await session.launch()
    const { page } = app
    await page.getByRole('button', { name: 'Import the sample library' }).click()
    await expect.poll(() => page.getByTestId('library-count').textContent(), SLOW).toBe('53 papers')
    await page.locator('[data-testid=paper-view]').waitFor()
    await expect.poll(() => page.getByTestId('save-indicator').textContent(), SLOW).toBe('Saved')
    const paperId = await page.locator('[data-testid=paper-view]').getAttribute('data-paper-id')

    await page.clock.install() // timers set from now on wait for the test
    const text = 'The last sentence, typed a moment before Ctrl+Q.'
    await page.getByTestId('note-input').fill(text)
    expect(await page.getByTestId('save-indicator').textContent()).toBe('Unsaved changes')
    expect(await app.dispatch('getNote', { paperId })).toMatchObject({ ok: true, value: null })

    // What preload does when main sends offprint:flush; it answers once this resolves.
    await page.evaluate(
      (name) => (window as unknown as Record<string, () => Promise<void>>)[name]?.(),
      FLUSH_FUNCTION,
    )
    expect(await app.dispatch('getNote', { paperId })).toMatchObject({
      ok: true,
      value: { body: text },
    })
  })
})
