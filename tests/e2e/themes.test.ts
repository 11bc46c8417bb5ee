// Light and dark themes, the settings view, and accessibility: axe-core finds no
// serious or critical problem on the main screens in either theme.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectAccessible } from './harness/axe'
import { importFixture } from './harness/fixture'
import { appSession } from './harness/appSession'
import { scrollToRow } from './harness/paperList'

const session = appSession()

const OXE =
  'OXE-AugE: A Large-Scale Robot Augmentation of OXE for Scaling Cross-Embodiment Policy Learning'

const NOTE = [
  '## Why it matters',
  '',
  'Augmenting with $9$ embodiments lifts success by **24–45%** on unseen grippers.',
  '',
  '```python',
  'success = {"pi_0": 0.62, "OpenVLA": 0.48}  # table 3',
  '```',
  '',
  '- [x] skim results',
  '- [ ] compare with [RT-X](https://robotics-transformer-x.github.io)',
].join('\n')

function theme(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.documentElement.dataset['theme'])
}

function background(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor)
}

/** The main screen as a user sees it: the fixture, a paper with math, and a note. */
async function mainScreen(page: Page): Promise<void> {
  await importFixture(page)
  await page.getByRole('button', { name: 'Dismiss' }).click()
  await (await scrollToRow(page, OXE)).click()
  await expect.poll(() => page.getByTestId('paper-abstract').locator('.katex').count()).toBe(1)
  await page.getByTestId('note-input').fill(NOTE)
  await expect.poll(() => page.getByTestId('save-indicator').textContent()).toBe('Saved')
}

describe('themes', () => {
  it('switches to dark and back from the settings view, and both pass axe-core', async () => {
    const app = await session.launch({ colorScheme: 'light' })
    const { page } = app
    await mainScreen(page)
    expect(await theme(page)).toBe('light')
    await expectAccessible(page, 'main screen, light')
    await app.screenshot('theme-light')

    // Settings, by the keyboard shortcut.
    await page.keyboard.press('Control+,')
    const dialog = page.getByRole('dialog', { name: 'Settings' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    expect(await page.getByTestId('settings-library-path').inputValue()).toBe(app.libraryDir)
    expect(await page.getByTestId('settings-backups').textContent()).toContain(
      'Offprint backs the library up when it starts',
    )
    await expectAccessible(page, 'settings, light')
    await app.screenshot('settings-light')

    await dialog.getByRole('radio', { name: 'Dark' }).check()
    await expect.poll(() => theme(page)).toBe('dark')
    expect(await background(page)).toBe('rgb(27, 26, 24)')
    await expectAccessible(page, 'settings, dark')
    await app.screenshot('settings-dark')

    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    await expectAccessible(page, 'main screen, dark')
    await app.screenshot('theme-dark')

    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('radio', { name: 'Light' }).check()
    await expect.poll(() => theme(page)).toBe('light')
    expect(await background(page)).toBe('rgb(247, 246, 243)')
  })

  it('follows the system theme live until one is chosen', async () => {
    const app = await session.launch({ colorScheme: 'dark' })
    const { page } = app
    await expect.poll(() => page.getByTestId('welcome').isVisible()).toBe(true)
    expect(await theme(page)).toBe('dark')
    await expectAccessible(page, 'welcome, dark')
    await app.screenshot('welcome-dark')
    await page.emulateMedia({ colorScheme: 'light' })
    await expect.poll(() => theme(page)).toBe('light')
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect.poll(() => theme(page)).toBe('dark')
  })

  it('sets abstracts and note previews at the reading font size', async () => {
    const app = await session.launch()
    const { page } = app
    await mainScreen(page)
    const size = (testId: string) =>
      page.getByTestId(testId).evaluate((element) => getComputedStyle(element).fontSize)
    expect(await size('paper-abstract')).toBe('16px')
    await page.getByRole('button', { name: 'Settings' }).click()
    const slider = page.getByTestId('settings-font-size')
    await slider.focus()
    for (let step = 0; step < 4; step++) await page.keyboard.press('ArrowRight')
    await expect.poll(() => size('paper-abstract')).toBe('20px')
    expect(await size('note-preview')).toBe('19px')
    await page.keyboard.press('Escape')

    // With the notes closed the paper pane is wide, yet lines stay a comfortable length.
    await page.getByRole('button', { name: 'Notes' }).click()
    await expect.poll(() => page.getByTestId('note-input').count()).toBe(0)
    const charsPerLine = await page.getByTestId('paper-abstract').evaluate((element) => {
      const probe = document.createElement('span')
      probe.textContent = 'the quick brown fox jumps over a lazy dog'
      element.append(probe)
      const perChar = probe.getBoundingClientRect().width / (probe.textContent?.length ?? 1)
      probe.remove()
      return element.getBoundingClientRect().width / perChar
    })
    expect(charsPerLine).toBeGreaterThan(55)
    expect(charsPerLine).toBeLessThan(76)
    await app.screenshot('reading-size-20')
  })
})
