// State that persists: pane sizes, open panes, sort, selected paper and theme
// are restored after a restart; the panes and commands work from the keyboard.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { OffprintBridge } from '../../src/shared/api'
import { importFixture } from './harness/fixture'
import { appSession } from './harness/appSession'
import { pageCallsArrived, recordingCalls, stopPageClock, ticking } from './harness/pageClock'
import { listbox, scrollToRow } from './harness/paperList'
import { sidebarRow } from './harness/sidebar'

const session = appSession()

const SYMBOLIC = 'Symbolic Discovery of Optimization Algorithms'

/** The settings the core has acknowledged (what a restart must bring back). */
async function coreSettings(page: Page): Promise<unknown> {
  const response = await page.evaluate(() =>
    (window as unknown as { offprint: OffprintBridge }).offprint.getSettings({}),
  )
  return response.ok ? response.value : response.error
}

function paneWidth(page: Page, name: string): Promise<number> {
  return page
    .getByRole('region', { name, exact: true })
    .evaluate((element) => Math.round(element.getBoundingClientRect().width))
}

function selectedTitle(page: Page): Promise<string | null> {
  return listbox(page).locator('[aria-selected="true"] .paper-row-title').textContent()
}

describe('layout across a restart', () => {
  it('restores pane sizes, open panes, sort, the selected paper and the theme', async () => {
    const app = await session.launch()
    const { page } = app
    await importFixture(page)
    await page.getByRole('button', { name: 'Dismiss' }).click()
    expect(await paneWidth(page, 'Paper list')).toBe(360)

    // Widen the list by three key steps on its border.
    await page.getByRole('separator', { name: 'Resize paper list' }).focus()
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight')
    await expect.poll(() => paneWidth(page, 'Paper list')).toBe(432)

    // Close the notes (shortcut), sort by title, pick a paper near the end.
    await page.keyboard.press('Control+Shift+N')
    await expect.poll(() => page.getByRole('region', { name: 'Notes' }).count()).toBe(0)
    const first = await selectedTitle(page)
    await page.getByTestId('sort-select').selectOption('title')
    // The selection stays, and the list scrolls to where it now sits.
    await expect.poll(() => page.locator('#paper-row-0').count()).toBe(0)
    expect(await selectedTitle(page)).toBe(first)
    await listbox(page).evaluate((element) => element.scrollTo(0, 0))
    await expect
      .poll(() => page.locator('#paper-row-0 .paper-row-title').textContent())
      .toMatch(/^A/)
    await (await scrollToRow(page, SYMBOLIC)).click()
    await expect.poll(() => page.getByTestId('paper-title').textContent()).toBe(SYMBOLIC)
    const selectedId = await listbox(page)
      .locator('[aria-selected="true"]')
      .getAttribute('data-paper-id')

    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('radio', { name: 'Dark' }).check()
    await page.keyboard.press('Escape')

    // Every change has reached the core, durably, before the restart.
    await expect
      .poll(() => coreSettings(page), { timeout: 10_000 })
      .toMatchObject({
        listPaneWidth: 432,
        notesPaneOpen: false,
        sort: 'title',
        selectedPaperId: selectedId,
        theme: 'dark',
      })

    await app.restartCore()
    await page.reload()

    await expect.poll(() => page.getByTestId('paper-title').textContent()).toBe(SYMBOLIC)
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark')
    expect(await paneWidth(page, 'Paper list')).toBe(432)
    expect(await page.getByRole('region', { name: 'Notes' }).count()).toBe(0)
    expect(await page.getByTestId('sort-select').inputValue()).toBe('title')
    // The selected row was scrolled into view in the long list, without the user looking for it.
    await expect.poll(() => selectedTitle(page)).toBe(SYMBOLIC)
    expect(await listbox(page).locator('[aria-selected="true"]').isVisible()).toBe(true)
    await app.screenshot('layout-restored-dark')

    // Reset from the settings view.
    await page.keyboard.press('Control+,')
    await page.getByRole('button', { name: 'Reset pane layout' }).click()
    await page.keyboard.press('Escape')
    await expect.poll(() => paneWidth(page, 'Paper list')).toBe(360)
    expect(await page.getByRole('region', { name: 'Notes' }).count()).toBe(1)
  })

  it('restores the collection chosen in the sidebar, with the paper selected in it', async () => {
    const app = await session.launch()
    const { page } = app
    await importFixture(page)
    await page.getByRole('button', { name: 'Dismiss' }).click()

    // File two papers in "Optimizers" with the picker, then show that collection. Each
    // step waits for the last (the paper shown, then filed): on a busy machine the
    // second "c" could act on the paper still selected, or on a stale picker.
    const titles = [SYMBOLIC, 'Learning to Grasp Anything by Playing with Random Toys']
    for (const [index, title] of titles.entries()) {
      await (await scrollToRow(page, title)).click()
      await expect.poll(() => page.getByTestId('paper-title').textContent()).toBe(title)
      await listbox(page).press('c')
      await page.getByTestId('collection-picker-input').fill('Optimizers')
      await page.getByTestId('collection-picker-input').press('Enter')
      await expect
        .poll(() => sidebarRow(page, 'Optimizers').locator('.sidebar-count').textContent())
        .toBe(String(index + 1))
    }
    await sidebarRow(page, 'Optimizers').click()
    await expect.poll(() => page.getByTestId('list-title').textContent()).toBe('Optimizers')
    await expect.poll(() => listbox(page).locator('.paper-row-title').count()).toBe(2)
    await (await scrollToRow(page, SYMBOLIC)).click()
    await expect
      .poll(() => coreSettings(page), { timeout: 10_000 })
      .toMatchObject({ listScope: { kind: 'collection' } })

    await app.restartCore()
    await page.reload()

    // The sidebar, the list and the paper are where they were.
    await expect.poll(() => page.getByTestId('list-title').textContent()).toBe('Optimizers')
    expect(await sidebarRow(page, 'Optimizers').getAttribute('aria-selected')).toBe('true')
    await expect.poll(() => listbox(page).locator('.paper-row-title').count()).toBe(2)
    await expect.poll(() => selectedTitle(page)).toBe(SYMBOLIC)
    await expect.poll(() => page.getByTestId('paper-title').textContent()).toBe(SYMBOLIC)
    await app.screenshot('layout-restored-collection')

    // A view that is gone (the collection trashed meanwhile) leaves the list on the library.
    await sidebarRow(page, 'Optimizers').click({ button: 'right' })
    await page.getByRole('menuitem', { name: 'Delete collection…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Move to Trash' }).click()
    await expect.poll(() => page.getByTestId('list-title').textContent()).toBe('Library')
    await expect
      .poll(() => coreSettings(page), { timeout: 10_000 })
      .toMatchObject({ listScope: { kind: 'library' } })
  })

  it('opens and closes panes from the toolbar, the shortcuts and the menu', async () => {
    const app = await session.launch()
    const { page } = app
    await importFixture(page)
    const listButton = page.getByRole('button', { name: 'Paper list' })
    expect(await listButton.getAttribute('aria-pressed')).toBe('true')
    await listButton.click()
    await expect.poll(() => page.getByRole('region', { name: 'Paper list' }).count()).toBe(0)
    expect(await listButton.getAttribute('aria-pressed')).toBe('false')
    await page.keyboard.press('Control+Shift+L')
    await expect.poll(() => page.getByRole('region', { name: 'Paper list' }).count()).toBe(1)

    await app.emit({ type: 'menu-command', command: 'toggle-notes' })
    await expect.poll(() => page.getByRole('region', { name: 'Notes' }).count()).toBe(0)
    await app.emit({ type: 'menu-command', command: 'settings' })
    await expect.poll(() => page.getByRole('dialog', { name: 'Settings' }).isVisible()).toBe(true)
  })
})

describe('keyboard operation', () => {
  it('reaches the list, moves through it, writes a note and comes back, keys only', async () => {
    const app = await session.launch()
    const { page } = app
    await importFixture(page)
    // Tab from the top of the window until the list has focus.
    await page.locator('body').focus()
    for (let step = 0; step < 20; step++) {
      if (await listbox(page).evaluate((element) => element === document.activeElement)) break
      await page.keyboard.press('Tab')
    }
    expect(await listbox(page).evaluate((element) => element === document.activeElement)).toBe(true)
    const first = await selectedTitle(page)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('j')
    // Two steps down: the third row is selected (whenever the second key lands).
    const third = await page.locator('#paper-row-2 .paper-row-title').textContent()
    expect(third).not.toBe(first)
    await expect.poll(() => selectedTitle(page)).toBe(third)
    await expect.poll(() => page.getByTestId('paper-title').textContent()).toBe(third)

    // The focused list shows where it is (a visible focus mark on the selected row).
    const mark = await listbox(page)
      .locator('[aria-selected="true"]')
      .evaluate((row) => getComputedStyle(row).boxShadow)
    expect(mark).not.toBe('none')
    // And one step back up.
    const second = await page.locator('#paper-row-1 .paper-row-title').textContent()
    await page.keyboard.press('ArrowUp')
    await expect.poll(() => selectedTitle(page)).toBe(second)
    await expect.poll(() => page.getByTestId('paper-title').textContent()).toBe(second)

    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.getByTestId('note-input').evaluate((e) => e === document.activeElement))
      .toBe(true)
    await page.keyboard.type('Read section 3 again.')
    await page.keyboard.press('Escape')
    expect(await listbox(page).evaluate((element) => element === document.activeElement)).toBe(true)
    await expect.poll(() => page.getByTestId('save-indicator').textContent()).toBe('Saved')

    // The settings dialog takes focus, and gives it back when closed.
    await page.keyboard.press('Control+,')
    const dialog = page.getByRole('dialog', { name: 'Settings' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    expect(await listbox(page).evaluate((element) => element === document.activeElement)).toBe(true)
  })
})

describe('reading status', () => {
  it('marks a paper read after the chosen delay, and by hand', async () => {
    const calls: string[] = []
    const markReads = (): number => calls.filter((method) => method === 'markRead').length
    const app = await session.launch({ interceptDispatch: recordingCalls(calls) })
    const { page } = app
    await importFixture(page)
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByTestId('settings-mark-read').selectOption('1')
    await page.keyboard.press('Escape')

    // From the click on, the page's time moves only when the test says.
    const target = await scrollToRow(page, SYMBOLIC)
    await stopPageClock(page)
    await target.click()
    const row = listbox(page).locator('[aria-selected="true"]')
    const status = page.getByRole('radiogroup', { name: 'Reading status' })
    const checked = (name: string) => () =>
      status.getByRole('radio', { name, exact: true }).isChecked()
    await expect.poll(ticking(page, checked('Unread'))).toBe(true)
    expect(await row.getAttribute('class')).toContain('unread')
    // 0.9 s later it is still unread: the page has not asked to mark it read.
    await page.clock.runFor(900)
    await pageCallsArrived(page)
    expect(markReads()).toBe(0)
    expect(await checked('Unread')()).toBe(true)
    // By 1.1 s it is read, in the pane and in the list.
    await page.clock.runFor(200)
    await expect.poll(ticking(page, checked('Read'))).toBe(true)
    await expect.poll(ticking(page, () => row.getAttribute('class'))).not.toContain('unread')
    expect(markReads()).toBe(1)
    // It happened by itself: not an undo step.
    expect(await page.getByRole('button', { name: '↶ Undo' }).isDisabled()).toBe(true)

    await status.getByText('Unread', { exact: true }).click()
    await expect.poll(ticking(page, checked('Unread'))).toBe(true)
    await expect.poll(ticking(page, () => row.getAttribute('class'))).toContain('unread')
    // Set by hand, it stays unread however long the paper stays open.
    await page.clock.runFor(60_000)
    await pageCallsArrived(page)
    expect(markReads()).toBe(1)
    expect(await checked('Unread')()).toBe(true)
    // By hand it is one.
    await expect
      .poll(ticking(page, () => page.getByRole('button', { name: '↶ Undo' }).getAttribute('title')))
      .toBe('Undo Mark 1 paper unread (Ctrl+Z)')
  })
})
