// Organizing end to end: collections, drag and drop, tags, stars, filters,
// the Trash and undo, in the built renderer over the real core.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { appSession } from './harness/appSession'
import { expectAccessible } from './harness/axe'
import type { RunningApp } from './harness/launchApp'
import { listbox } from './harness/paperList'
import { sidebarCount, sidebarRow } from './harness/sidebar'

const session = appSession()
/** The running test's app, for screenshots. */
let app: RunningApp | undefined

const rows = (page: Page) => listbox(page).locator('[data-testid="paper-row"]')
const titles = (page: Page) => rows(page).locator('.paper-row-title').allTextContents()
const selectedTitles = (page: Page) =>
  listbox(page).locator('[aria-selected="true"] .paper-row-title').allTextContents()
const listCount = (page: Page) => page.getByTestId('list-count').textContent()
const status = (page: Page) => page.getByTestId('action-status').textContent()

async function startWithSample(): Promise<Page> {
  app = await session.launch()
  const { page } = app
  await page.getByRole('button', { name: 'Import the sample library' }).click()
  await expect.poll(() => listCount(page)).toBe('53 papers')
  await page.getByTestId('import-status').getByRole('button', { name: 'Dismiss' }).click()
  return page
}

/** The weight of a row's title: unread papers are bold. */
const titleWeight = (page: Page, index: number) =>
  rows(page)
    .nth(index)
    .locator('.paper-row-title')
    .evaluate((element) => Number(getComputedStyle(element).fontWeight))

/** Types a name into the sidebar's inline field and confirms it. */
async function typeName(page: Page, name: string): Promise<void> {
  const input = page.getByTestId('name-input')
  await input.fill(name)
  await input.press('Enter')
  await expect.poll(() => sidebarRow(page, name).count()).toBe(1)
}

describe('organizing papers', () => {
  it('nests collections, drags papers in, tags, stars, filters, trashes, undoes and restores', async () => {
    const page = await startWithSample()

    // "Tool learning", and "Retrieval" inside it.
    await page.getByRole('button', { name: 'New collection' }).click()
    await typeName(page, 'Tool learning')
    await sidebarRow(page, 'Tool learning').click({ button: 'right' })
    await page.getByRole('menuitem', { name: 'New subcollection' }).click()
    await typeName(page, 'Retrieval')
    expect(await sidebarRow(page, 'Retrieval').getAttribute('aria-level')).toBe('3')

    // Select three rows (click, Shift-click) and drag them onto Retrieval.
    await sidebarRow(page, 'Library').click()
    const three = (await titles(page)).slice(0, 3)
    await rows(page).nth(0).click()
    await rows(page)
      .nth(2)
      .click({ modifiers: ['Shift'] })
    await expect.poll(() => selectedTitles(page)).toEqual(three)
    await expect
      .poll(() => page.getByTestId('selection-summary').locator('h1').textContent())
      .toBe('3 papers selected')
    await app?.screenshot('organize-multi-select')
    await rows(page).nth(1).dragTo(sidebarRow(page, 'Retrieval'))
    await expect.poll(() => sidebarCount(page, 'Retrieval')).toBe('3')
    expect(await status(page)).toContain('Add 3 papers to “Retrieval”')
    expect(await sidebarCount(page, 'Tool learning')).toBe('0')
    expect(await sidebarCount(page, 'Unfiled')).toBe('50')

    // The collection lists exactly them.
    await sidebarRow(page, 'Retrieval').click()
    await expect
      .poll(() => page.getByTestId('list-title').textContent())
      .toBe('Tool learning › Retrieval')
    await expect.poll(() => titles(page)).toEqual(three)

    // Tag two of them: select two with Shift+↓, press T, type the tag.
    await rows(page).nth(0).click()
    await listbox(page).press('Shift+ArrowDown')
    await expect.poll(() => selectedTitles(page)).toEqual(three.slice(0, 2))
    await listbox(page).press('t')
    await page.getByTestId('tag-input').fill('retrieval-augmented')
    await page.getByTestId('tag-input').press('Enter')
    await expect.poll(() => sidebarCount(page, 'retrieval-augmented')).toBe('2')

    // Star the third with S.
    await rows(page).nth(2).click()
    await listbox(page).press('s')
    await expect.poll(() => rows(page).nth(2).getByLabel('Starred').count()).toBe(1)
    expect(await sidebarCount(page, 'Starred')).toBe('1')

    // Filter by the tag: two papers.
    await sidebarRow(page, 'retrieval-augmented').click()
    await expect.poll(() => titles(page)).toEqual(three.slice(0, 2))
    expect(await page.locator('.list-tag-filter').textContent()).toContain('retrieval-augmented')

    // Trash one from its context menu, opened from the keyboard.
    await rows(page).nth(0).click()
    await listbox(page).press('Shift+F10')
    const menu = page.getByRole('menu')
    await expect
      .poll(() =>
        menu
          .getByRole('menuitem')
          .first()
          .evaluate((e) => e === document.activeElement),
      )
      .toBe(true)
    await app?.screenshot('organize-context-menu')
    await page.keyboard.press('End')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(
      'Move to Trash',
    )
    await page.keyboard.press('Enter')
    await expect.poll(() => menu.count()).toBe(0)
    await expect.poll(() => titles(page)).toEqual([three[1]])
    await expect.poll(() => sidebarCount(page, 'Trash')).toBe('1')
    expect(await sidebarCount(page, 'Retrieval')).toBe('2')

    // Undo brings it back, with its tag and its place in the collection.
    await listbox(page).press('Control+z')
    await expect.poll(() => titles(page)).toEqual(three.slice(0, 2))
    await expect.poll(() => sidebarCount(page, 'Trash')).toBe('0')
    expect(await status(page)).toContain('Undone: Move 1 paper to the Trash')

    // Trash it again (Shift+Delete), then restore it from the Trash.
    await rows(page).nth(0).click()
    await listbox(page).press('Shift+Delete')
    await expect.poll(() => sidebarCount(page, 'Trash')).toBe('1')
    await sidebarRow(page, 'Trash').click()
    await expect.poll(() => titles(page)).toEqual([three[0]])
    await rows(page).nth(0).click()
    await page.getByRole('note').getByRole('button', { name: 'Restore' }).click()
    await expect.poll(() => sidebarCount(page, 'Trash')).toBe('0')
    await expect.poll(() => rows(page).count()).toBe(0)
    expect(await sidebarCount(page, 'Retrieval')).toBe('3')
    expect(await sidebarCount(page, 'retrieval-augmented')).toBe('2')

    await sidebarRow(page, 'Retrieval').click()
    await expect.poll(() => titles(page)).toEqual(three)
    await expect.poll(() => rows(page).nth(2).getByLabel('Starred').count()).toBe(1)
    await rows(page).nth(0).click()
    await expect
      .poll(() => page.getByTestId('paper-collections').textContent())
      .toContain('Tool learning › Retrieval')
    expect(await page.getByTestId('paper-tags').textContent()).toContain('retrieval-augmented')
    await app?.screenshot('organize-sidebar-and-list')
  })
})

describe('collections, tags and the Trash from the keyboard and menus', () => {
  it('files an imported page in a collection named after it', async () => {
    const { page } = await session.launch()
    await page.getByRole('button', { name: 'Import the sample library' }).click()
    const offer = page.getByTestId('import-offer')
    await offer.getByRole('button', { name: 'New collection “Daily Papers 2026-02-09”' }).click()
    await expect
      .poll(() => offer.textContent())
      .toBe('Filed the 53 new papers in “Daily Papers 2026-02-09”.')
    await expect.poll(() => sidebarCount(page, 'Daily Papers 2026-02-09')).toBe('53')
    expect(await sidebarCount(page, 'Unfiled')).toBe('0')
  })

  it('adds with the picker, renames with F2, reorders, deletes with confirmation, merges tags, empties the Trash', async () => {
    const page = await startWithSample()
    for (const name of ['Agents', 'Benchmarks']) {
      await page.getByRole('button', { name: 'New collection' }).click()
      await typeName(page, name)
    }
    await sidebarRow(page, 'Library').click()

    // C opens "Add to collection…": type to find, Enter to add; a new name creates one.
    await rows(page).nth(0).click()
    await listbox(page).press('c')
    await page.getByTestId('collection-picker-input').fill('bench')
    await page.getByTestId('collection-picker-input').press('Enter')
    await expect.poll(() => sidebarCount(page, 'Benchmarks')).toBe('1')
    await rows(page).nth(1).click()
    await listbox(page).press('c')
    await page.getByTestId('collection-picker-input').fill('Graphs')
    expect(await page.getByRole('option', { name: 'New collection “Graphs”' }).count()).toBe(1)
    await page.getByTestId('collection-picker-input').press('Enter')
    await expect.poll(() => sidebarCount(page, 'Graphs')).toBe('1')

    // F2 renames; Alt+↑ moves it up among its siblings.
    await sidebarRow(page, 'Graphs').focus()
    await page.keyboard.press('F2')
    await page.getByTestId('name-input').fill('Graph learning')
    await page.getByTestId('name-input').press('Enter')
    await expect.poll(() => sidebarRow(page, 'Graph learning').count()).toBe(1)
    await sidebarRow(page, 'Graph learning').focus()
    await page.keyboard.press('Alt+ArrowUp')
    const collectionNames = () =>
      page.locator('[data-key^="collection:"] .sidebar-label').allTextContents()
    await expect.poll(collectionNames).toEqual(['Agents', 'Graph learning', 'Benchmarks'])

    // Dragging a collection onto another nests it.
    await sidebarRow(page, 'Benchmarks').dragTo(sidebarRow(page, 'Agents'))
    await expect.poll(() => sidebarRow(page, 'Benchmarks').getAttribute('aria-level')).toBe('3')
    expect(await collectionNames()).toEqual(['Agents', 'Benchmarks', 'Graph learning'])

    // Deleting a collection that holds papers asks first; the papers stay.
    await sidebarRow(page, 'Graph learning').focus()
    await page.keyboard.press('Delete')
    const dialog = page.getByRole('dialog')
    expect(await dialog.textContent()).toContain('its paper stays in your library')
    await dialog.getByRole('button', { name: 'Move to Trash' }).click()
    await expect.poll(collectionNames).toEqual(['Agents', 'Benchmarks'])
    expect(await sidebarCount(page, 'Library')).toBe('53')
    expect(await sidebarCount(page, 'Trash')).toBe('1')

    // Tags: renaming "llm" to an existing tag merges them, after a confirmation.
    await rows(page).nth(2).click()
    await page.getByTestId('tag-input').fill('llm')
    await page.getByTestId('tag-input').press('Enter')
    await expect.poll(() => sidebarCount(page, 'llm')).toBe('1')
    await rows(page).nth(3).click()
    await page.getByTestId('tag-input').fill('LLMs')
    await page.getByTestId('tag-input').press('Enter')
    await expect.poll(() => sidebarCount(page, 'LLMs')).toBe('1')
    await sidebarRow(page, 'llm').click({ button: 'right' })
    await page.getByRole('menuitem', { name: 'Rename tag…' }).click()
    await page.getByTestId('name-input').fill('llms')
    await page.getByTestId('name-input').press('Enter')
    await page.getByRole('dialog').getByRole('button', { name: 'Merge tags' }).click()
    await expect.poll(() => sidebarCount(page, 'LLMs')).toBe('2')
    expect(await sidebarRow(page, 'llm').count()).toBe(0)

    // The Trash: the collection can come back; a paper is deleted for good by Empty Trash.
    await rows(page).nth(4).click()
    await listbox(page).press('Delete')
    await expect.poll(() => sidebarCount(page, 'Trash')).toBe('2')
    await sidebarRow(page, 'Trash').click()
    await expect
      .poll(() => page.getByTestId('trashed-collection').textContent())
      .toContain('Graph learning')
    await page.getByTestId('trashed-collection').getByRole('button', { name: 'Restore' }).click()
    await expect.poll(() => sidebarCount(page, 'Graph learning')).toBe('1')
    await page.getByRole('button', { name: 'Empty Trash…' }).click()
    const confirm = page.getByRole('dialog')
    expect(await confirm.textContent()).toContain('This cannot be undone')
    // The safe choice has the focus.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel')
    await confirm.getByRole('button', { name: 'Empty Trash' }).click()
    await expect.poll(() => sidebarCount(page, 'Trash')).toBe('0')
    expect(await sidebarCount(page, 'Library')).toBe('52')
    await app?.screenshot('organize-trash-emptied')
  })
})

describe('many papers at once, and every way in and out of a collection', () => {
  it('Ctrl-click selects, keys act on all selected, tags autocomplete and combine, undo and redo', async () => {
    const page = await startWithSample()
    const all = await titles(page)

    // Unread papers are bold.
    expect(await titleWeight(page, 0)).toBeGreaterThanOrEqual(600)

    // Ctrl-click adds rows to the selection and takes one out again.
    await rows(page).nth(0).click()
    await rows(page)
      .nth(2)
      .click({ modifiers: ['Control'] })
    await rows(page)
      .nth(4)
      .click({ modifiers: ['Control'] })
    await rows(page)
      .nth(2)
      .click({ modifiers: ['Control'] })
    await expect.poll(() => selectedTitles(page)).toEqual([all[0], all[4]])

    // R and S act on both: no longer bold, both starred; the rows between are untouched.
    await listbox(page).press('r')
    await expect.poll(() => titleWeight(page, 4)).toBeLessThan(600)
    expect(await titleWeight(page, 0)).toBeLessThan(600)
    expect(await titleWeight(page, 2)).toBeGreaterThanOrEqual(600)
    expect(await sidebarCount(page, 'Unread')).toBe('51')
    await listbox(page).press('s')
    await expect.poll(() => sidebarCount(page, 'Starred')).toBe('2')

    // One step each: Ctrl+Z unstars both, Ctrl+Shift+Z stars them again.
    await listbox(page).press('Control+z')
    await expect.poll(() => sidebarCount(page, 'Starred')).toBe('0')
    await listbox(page).press('Control+Shift+Z')
    await expect.poll(() => sidebarCount(page, 'Starred')).toBe('2')
    expect(await status(page)).toContain('Redone: Star 2 papers')

    // The context menu files both in a new collection.
    await listbox(page).press('Shift+F10')
    await page.getByRole('menuitem', { name: 'Add to collection…' }).click()
    await page.getByTestId('collection-picker-input').fill('Reading list')
    await expectAccessible(page, 'collection picker')
    await page.getByTestId('collection-picker-input').press('Enter')
    await expect.poll(() => sidebarCount(page, 'Reading list')).toBe('2')

    // T tags both; on a third paper the tag field suggests the tag as you type.
    await listbox(page).press('t')
    await page.getByTestId('tag-input').fill('survey')
    await page.getByTestId('tag-input').press('Enter')
    await expect.poll(() => sidebarCount(page, 'survey')).toBe('2')
    await rows(page).nth(1).click()
    await page.getByTestId('tag-input').fill('sur')
    const suggestion = page.getByRole('listbox', { name: 'Existing tags' }).getByRole('option')
    await expect.poll(() => suggestion.allTextContents()).toEqual(['survey 2'])
    await page.getByTestId('tag-input').press('ArrowDown')
    await page.getByTestId('tag-input').press('Enter')
    await expect.poll(() => sidebarCount(page, 'survey')).toBe('3')
    await rows(page).nth(0).click()
    await page.getByTestId('tag-input').fill('agents')
    await page.getByTestId('tag-input').press('Enter')
    await expect.poll(() => sidebarCount(page, 'agents')).toBe('1')

    // Filter by one tag, Ctrl-click a second: only papers with both.
    await sidebarRow(page, 'survey').click()
    await expect.poll(() => titles(page)).toEqual([all[0], all[1], all[4]])
    await sidebarRow(page, 'agents').click({ modifiers: ['Control'] })
    await expect.poll(() => titles(page)).toEqual([all[0]])
    const chips = page.getByRole('list', { name: 'Tags the list is filtered by' })
    expect(await chips.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('survey'),
      expect.stringContaining('agents'),
    ])
    await expectAccessible(page, 'sidebar with collections, tags and a tag filter')
    await app?.screenshot('organize-two-tags')
    await chips.getByRole('button', { name: 'Stop filtering by agents' }).click()
    await expect.poll(() => titles(page)).toEqual([all[0], all[1], all[4]])

    // In the note, Ctrl+Z undoes typing, not the last organizing step.
    await page.getByTestId('note-input').click()
    await page.keyboard.type('Skim first')
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.getByTestId('note-input').inputValue()).not.toBe('Skim first')
    expect(await sidebarCount(page, 'agents')).toBe('1')
    expect(await sidebarCount(page, 'survey')).toBe('3')
  })

  it('removes from a collection without deleting, nests with Move to…, hides the sidebar, files an import in an existing collection', async () => {
    app = await session.launch()
    const { page } = app
    // A collection made before anything is imported.
    await page.getByRole('button', { name: 'New collection' }).click()
    await typeName(page, 'Inbox')
    await page.getByRole('button', { name: 'Import the sample library' }).click()
    const offer = page.getByTestId('import-offer')
    await offer.getByRole('button', { name: 'Another collection…' }).click()
    await page.getByTestId('collection-picker-input').fill('inb')
    await page.getByTestId('collection-picker-input').press('Enter')
    await expect.poll(() => offer.textContent()).toBe('Filed the 53 new papers in “Inbox”.')
    await expect.poll(() => sidebarCount(page, 'Inbox')).toBe('53')

    // In a collection, Delete takes papers out of it; they stay in the library.
    await sidebarRow(page, 'Inbox').click()
    await expect.poll(() => rows(page).count()).toBeGreaterThan(0)
    const first = (await titles(page))[0]
    await rows(page).nth(0).click()
    await listbox(page).press('Delete')
    await expect.poll(() => sidebarCount(page, 'Inbox')).toBe('52')
    expect(await titles(page)).not.toContain(first)
    expect(await sidebarCount(page, 'Trash')).toBe('0')
    expect(await sidebarCount(page, 'Library')).toBe('53')
    // The paper pane's × does the same.
    await rows(page).nth(0).click()
    const second = await page.getByTestId('paper-title').textContent()
    await page.getByRole('button', { name: 'Remove from Inbox' }).click()
    await expect.poll(() => sidebarCount(page, 'Inbox')).toBe('51')
    expect(await titles(page)).not.toContain(second)
    expect(await sidebarCount(page, 'Library')).toBe('53')

    // Move to… nests a collection inside another.
    await page.getByRole('button', { name: 'New collection' }).click()
    await typeName(page, 'Projects')
    await sidebarRow(page, 'Inbox').click({ button: 'right' })
    await page.getByRole('menuitem', { name: 'Move to…' }).click()
    const picker = page.getByTestId('collection-picker-input')
    await picker.fill('Proj')
    await picker.press('Enter')
    await expect.poll(() => sidebarRow(page, 'Inbox').getAttribute('aria-level')).toBe('3')
    expect(await sidebarRow(page, 'Projects').getAttribute('aria-expanded')).toBe('true')

    // Ctrl+Shift+B hides the sidebar and shows it again.
    await listbox(page).focus()
    await page.keyboard.press('Control+Shift+B')
    await expect.poll(() => page.getByRole('tree', { name: 'Library' }).count()).toBe(0)
    await page.keyboard.press('Control+Shift+B')
    await expect.poll(() => page.getByRole('tree', { name: 'Library' }).count()).toBe(1)
    await app.screenshot('organize-moved-collection')
  })
})
