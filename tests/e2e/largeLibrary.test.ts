// A 100k-paper library in the real UI: the list opens, scrolls to the end and
// keeps only the rows on screen in the DOM.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { synthesize, writeSyntheticLibrary } from '../bench/syntheticLibrary'
import { closeBrowser, launchApp, type RunningApp } from './harness/launchApp'
import { listbox } from './harness/paperList'

const PAPERS = 100_000
/** The list mounts the rows on screen plus a few above and below; never the library. */
const MAX_MOUNTED_ROWS = 100

let dir: string
let app: RunningApp | undefined

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-100k-'))
  await writeSyntheticLibrary(dir, synthesize(PAPERS))
}, 300_000)

afterAll(async () => {
  await app?.close()
  await closeBrowser()
  await rm(dir, { recursive: true, force: true })
})

describe('a 100k-paper library', () => {
  it('lists, scrolls to the end and mounts only the visible rows', async () => {
    app = await launchApp({ libraryDir: dir })
    const { page } = app
    const list = listbox(page)
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('100,000 papers')
    await expect.poll(() => page.locator('#paper-row-0 .paper-row-title').count()).toBe(1)
    const mountedRows = () => page.locator('.paper-row-slot').count()
    expect(await mountedRows()).toBeLessThanOrEqual(MAX_MOUNTED_ROWS)

    // Scroll through in big jumps: rows arrive page by page, the DOM stays small.
    for (const fraction of [0.25, 0.5, 0.75, 1]) {
      await list.evaluate((element, f) => {
        element.scrollTop = (element.scrollHeight - element.clientHeight) * f
      }, fraction)
      await page.waitForTimeout(100)
      expect(await mountedRows()).toBeLessThanOrEqual(MAX_MOUNTED_ROWS)
    }
    // The last row is there, with its data.
    await expect
      .poll(() => page.locator(`#paper-row-${PAPERS - 1} .paper-row-title`).textContent())
      .not.toBe(null)

    // Keyboard: Home selects the first paper, End the last one, and the panes follow.
    await list.focus()
    await page.keyboard.press('Home')
    await expect.poll(() => page.locator('#paper-row-0').getAttribute('aria-selected')).toBe('true')
    const firstTitle = await page.locator('#paper-row-0 .paper-row-title').textContent()
    await expect.poll(() => page.locator('#paper-title').textContent()).toBe(firstTitle)
    await page.keyboard.press('End')
    await expect
      .poll(() => page.locator(`#paper-row-${PAPERS - 1}`).getAttribute('aria-selected'))
      .toBe('true')
    const lastTitle = await page.locator(`#paper-row-${PAPERS - 1} .paper-row-title`).textContent()
    await expect.poll(() => page.locator('#paper-title').textContent()).toBe(lastTitle)
    expect(await mountedRows()).toBeLessThanOrEqual(MAX_MOUNTED_ROWS)
    await app.screenshot('large-library-end')
  })
})
