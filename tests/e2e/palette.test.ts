// The command palette and keyboard-only reading, end to end: every shortcut
// the cheat sheet lists, with the focus always drawn. The built renderer in
// Chromium over the real core.
import { describe, expect, it } from 'vitest'
import { appSession } from './harness/appSession'
import {
  importIntoList,
  MIGE_TITLE,
  NEWEST_TITLE,
  SECOND_TITLE,
  TOOL_RETRIEVAL_TITLES,
} from './harness/fixture'
import { describeFocus, focusedTestId, focusShows } from './harness/focus'
import { pageCallsArrived, recordingCalls, stopPageClock, ticking } from './harness/pageClock'
import { listbox, rowTitles, selectedTitle } from './harness/paperList'
import { sidebarRow } from './harness/sidebar'

const session = appSession()

describe('command palette and keyboard', () => {
  it('jumps to a paper by three letters of its title', async () => {
    const app = await session.launch()
    const { page } = app
    await importIntoList(page)
    await page.keyboard.press('Control+k')
    await expect.poll(() => page.getByTestId('command-palette').isVisible()).toBe(true)
    // With nothing typed it lists the commands with their shortcuts.
    await expect
      .poll(() => page.getByTestId('palette-item').first().textContent())
      .toContain('Import…')
    expect(
      await page.getByTestId('palette-item').filter({ hasText: 'Command palette' }).textContent(),
    ).toContain('Ctrl+K')

    await page.keyboard.type('mig')
    await expect
      .poll(() => page.getByTestId('palette-item').first().textContent())
      .toBe(`Paper${MIGE_TITLE}`)
    expect(
      await page.getByTestId('palette-item').first().locator('mark').allTextContents(),
    ).toEqual(['MIG'])
    await app.screenshot('command-palette')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('command-palette').count()).toBe(0)
    await expect.poll(() => page.locator('#paper-title').textContent()).toBe(MIGE_TITLE)
    await expect.poll(() => selectedTitle(page)).toBe(MIGE_TITLE)
    await expect.poll(() => focusedTestId(page)).toBe('paper-list')

    // Commands run from the palette too; Esc closes it and gives focus back.
    await page.keyboard.press('Control+k')
    await page.keyboard.type('keyboard shortcuts')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('shortcuts-dialog').isVisible()).toBe(true)
    expect(await page.getByTestId('shortcuts-dialog').textContent()).toContain(
      'Star / unstar the paper',
    )
    await app.screenshot('keyboard-shortcuts')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('shortcuts-dialog').count()).toBe(0)
    await page.keyboard.press('Control+k')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('command-palette').count()).toBe(0)
    await expect.poll(() => focusedTestId(page)).toBe('paper-list')
  })

  it('jumps to a collection and a standalone note, and sets the theme', async () => {
    const app = await session.launch()
    const { page } = app
    await importIntoList(page)
    // A collection "Tool learning" holding "Retrieval" (the three tool-retrieval
    // papers), another with the survey, and a standalone note.
    const found = await app.dispatch('listPapers', {
      offset: 0,
      limit: 10,
      query: 'title:retrieval',
    })
    if (!found.ok) throw new Error('search failed')
    const retrievalIds = (found.value as { items: { id: string }[] }).items.map((item) => item.id)
    expect(retrievalIds).toHaveLength(3)
    const parent = await app.dispatch('createCollection', { name: 'Tool learning' })
    if (!parent.ok) throw new Error('no collection')
    const parentId = (parent.value as { id: string }).id
    await app.dispatch('createCollection', { name: 'Retrieval', parentId, paperIds: retrievalIds })
    const survey = await app.dispatch('listPapers', { offset: 0, limit: 1, query: 'title:survey' })
    if (!survey.ok) throw new Error('search failed')
    const surveyId = (survey.value as { items: { id: string }[] }).items[0]?.id ?? ''
    await app.dispatch('createCollection', { name: 'Surveys', paperIds: [surveyId] })
    await app.dispatch('createNote', {
      title: 'Reading group plan',
      body: 'Start with ToolGen, then the survey.',
    })
    await expect.poll(() => sidebarRow(page, 'Retrieval').count()).toBe(1)
    await expect.poll(() => sidebarRow(page, 'Reading group plan').count()).toBe(1)

    // A collection by a few letters of its path: the list shows it, as a click in the sidebar would.
    await page.keyboard.press('Control+k')
    await page.keyboard.type('tlret')
    await expect
      .poll(() => page.getByTestId('palette-item').first().textContent())
      .toBe('CollectionTool learning › Retrieval')
    await app.screenshot('command-palette-collection')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.getByTestId('list-title').textContent())
      .toBe('Tool learning › Retrieval')
    await expect
      .poll(() => sidebarRow(page, 'Retrieval').getAttribute('aria-selected'))
      .toBe('true')
    await expect.poll(() => focusedTestId(page)).toBe('paper-list')
    await expect
      .poll(async () => new Set(await rowTitles(page)))
      .toEqual(new Set(TOOL_RETRIEVAL_TITLES))

    // A search keeps the collection: "tool" finds 31 papers in the library, 3 here...
    await page.keyboard.press('/')
    await page.keyboard.type('tool')
    await expect.poll(() => page.getByTestId('search-count').textContent()).toBe('3 matches')
    await expect
      .poll(async () => new Set(await rowTitles(page)))
      .toEqual(new Set(TOOL_RETRIEVAL_TITLES))
    // ...unless the query names another collection.
    await page.getByTestId('search-input').fill('in:Surveys tool')
    await expect.poll(() => page.getByTestId('search-count').textContent()).toBe('1 match')
    expect(await rowTitles(page)).toEqual(['Tool Learning with Large Language Models: A Survey'])
    expect(await page.getByTestId('list-title').textContent()).toBe('Tool learning › Retrieval')
    await page.keyboard.press('Escape')

    // A standalone note by its title: it opens in the notes pane, ready to type in.
    await page.keyboard.press('Control+k')
    await page.keyboard.type('reading group')
    await expect
      .poll(() => page.getByTestId('palette-item').first().textContent())
      .toBe('NoteReading group plan')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('note-title').inputValue()).toBe('Reading group plan')
    await expect.poll(() => focusedTestId(page)).toBe('note-input')
    expect(await page.getByTestId('note-input').inputValue()).toBe(
      'Start with ToolGen, then the survey.',
    )

    // The theme is a command too, kept in the library's settings.
    const theme = () => page.evaluate(() => document.documentElement.dataset['theme'])
    expect(await theme()).toBe('light')
    await page.keyboard.press('Control+k')
    await page.keyboard.type('theme dark')
    await expect
      .poll(() => page.getByTestId('palette-item').first().textContent())
      .toBe('CommandTheme: dark')
    await page.keyboard.press('Enter')
    await expect.poll(theme).toBe('dark')
    await expect
      .poll(() => app.dispatch('getSettings', {}))
      .toMatchObject({ value: { theme: 'dark' } })
    await page.keyboard.press('Control+k')
    await page.keyboard.type('theme system')
    await page.keyboard.press('Enter')
    await expect.poll(theme).toBe('light')
  })

  it('reads, writes a note, stars and marks read with the keyboard only', async () => {
    const app = await session.launch()
    const { page } = app
    await importIntoList(page)

    await page.keyboard.press('Control+1')
    await expect.poll(() => focusedTestId(page)).toBe('paper-list')
    await page.keyboard.press('j')
    await expect.poll(() => page.locator('#paper-title').textContent()).toBe(SECOND_TITLE)
    // Ctrl+2 puts focus on the paper (to scroll it), Ctrl+1 back on the list.
    await page.keyboard.press('Control+2')
    await expect.poll(() => focusedTestId(page)).toBe('paper-view')
    await page.keyboard.press('Control+1')

    // Enter opens the note; Esc goes back to the list.
    await page.keyboard.press('Enter')
    await expect.poll(() => focusedTestId(page)).toBe('note-input')
    await page.keyboard.type(
      'Agentic generation: compare with MIGE_TITLE. s and r typed here stay text.',
    )
    await page.keyboard.press('Escape')
    await expect.poll(() => focusedTestId(page)).toBe('paper-list')
    await expect.poll(() => page.getByTestId('save-indicator').textContent()).toBe('Saved')

    // s stars, r marks read; the row and the paper pane show both.
    await page.keyboard.press('s')
    await page.keyboard.press('r')
    const row = page.locator('#paper-row-1')
    await expect.poll(() => row.getAttribute('data-starred')).toBe('true')
    await expect.poll(() => row.getAttribute('data-status')).toBe('read')
    // The paper pane shows it from its own query, which may answer after the row's.
    await expect
      .poll(() => page.getByTestId('star-button').getAttribute('aria-pressed'))
      .toBe('true')
    await expect
      .poll(() => page.getByRole('radio', { name: 'Read', exact: true }).isChecked())
      .toBe(true)
    await page.keyboard.press('i')
    await expect.poll(() => row.getAttribute('data-status')).toBe('reading')
    await expect.poll(() => row.locator('.paper-row-status').textContent()).toBe('reading')

    // Ctrl+Shift+L hides the list, Ctrl+1 brings it back focused; Alt+Left goes back.
    await page.keyboard.press('Control+Shift+L')
    await expect.poll(() => listbox(page).count()).toBe(0)
    await page.keyboard.press('Control+1')
    await expect.poll(() => focusedTestId(page)).toBe('paper-list')
    await page.keyboard.press('k')
    await expect.poll(() => page.locator('#paper-title').textContent()).toBe(NEWEST_TITLE)
    await page.keyboard.press('Alt+ArrowLeft')
    await expect.poll(() => page.locator('#paper-title').textContent()).toBe(SECOND_TITLE)
    await page.keyboard.press('Alt+ArrowRight')
    await expect.poll(() => page.locator('#paper-title').textContent()).toBe(NEWEST_TITLE)
    await app.screenshot('keyboard-flow')

    // All of it is in the library: after a restart the note, star and status are there.
    await app.restartCore()
    await page.reload()
    await expect.poll(() => page.locator('#paper-row-1').getAttribute('data-starred')).toBe('true')
    expect(await page.locator('#paper-row-1').getAttribute('data-status')).toBe('reading')
    await page.keyboard.press('/')
    await page.keyboard.type('has:note is:starred')
    await expect.poll(() => page.getByTestId('search-count').textContent()).toBe('1 match')
    await expect
      .poll(() => page.getByTestId('note-input').inputValue())
      .toBe('Agentic generation: compare with MIGE_TITLE. s and r typed here stay text.')
  })

  it('runs every shortcut the cheat sheet lists, with the focus always outlined', async () => {
    const calls: string[] = []
    const app = await session.launch({ interceptDispatch: recordingCalls(calls) })
    const { page } = app
    await importIntoList(page)
    await page.keyboard.press('Control+1')

    // ? opens the cheat sheet, with the keys of the issue beside their commands.
    await page.keyboard.press('?')
    const sheet = page.getByTestId('shortcuts-dialog')
    await expect.poll(() => sheet.isVisible()).toBe(true)
    const rows = await sheet
      .locator('tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')))
    const keysOf = new Map(rows.map(([what, keys]) => [what, keys]))
    expect(
      Object.fromEntries(
        [
          'Search the library',
          'Command palette…',
          'Next paper',
          'Previous paper',
          'Paper list: next / previous paper',
          'Paper list: edit the selected paper’s note',
          'Note: back to the paper list',
          'Write a note on the selected paper',
          'Star / unstar the paper',
          'Mark as unread',
          'Mark as read',
          'Focus the paper list',
          'Focus the paper',
          'Focus the note',
          'Show / hide the sidebar',
          'Back',
          'Forward',
          'Keyboard shortcuts',
        ].map((what) => [what, keysOf.get(what)]),
      ),
    ).toEqual({
      'Search the library': 'Ctrl+F or /',
      'Command palette…': 'Ctrl+K',
      'Next paper': 'J',
      'Previous paper': 'K',
      'Paper list: next / previous paper': '↓ / ↑',
      'Paper list: edit the selected paper’s note': 'Enter',
      'Note: back to the paper list': 'Esc',
      'Write a note on the selected paper': 'Ctrl+N',
      'Star / unstar the paper': 'S',
      'Mark as unread': 'U',
      'Mark as read': 'R',
      'Focus the paper list': 'Ctrl+1',
      'Focus the paper': 'Ctrl+2',
      'Focus the note': 'Ctrl+3',
      'Show / hide the sidebar': 'Ctrl+\\ or Ctrl+Shift+B',
      Back: 'Alt+←',
      Forward: 'Alt+→',
      'Keyboard shortcuts': '?',
    })
    await app.screenshot('keyboard-shortcuts-sheet')
    await page.keyboard.press('?')
    await expect.poll(() => sheet.count()).toBe(0)
    await expect.poll(() => focusedTestId(page)).toBe('paper-list')
    expect(await focusShows(page)).toBe(true)

    // ↓ and ↑ move through the list. From here the page's time moves when the
    // test says: an open paper is marked read after a delay (3 s by default).
    await stopPageClock(page)
    await page.keyboard.press('ArrowDown')
    await expect
      .poll(ticking(page, () => page.locator('#paper-title').textContent()))
      .toBe(SECOND_TITLE)
    await page.keyboard.press('ArrowUp')
    await expect
      .poll(ticking(page, () => page.locator('#paper-title').textContent()))
      .toBe(NEWEST_TITLE)

    // r then u: read, then unread again; and unread it stays, however long the
    // paper is open: a status set with a key is not overruled by the delay.
    const row = page.locator('#paper-row-0')
    await page.keyboard.press('r')
    await expect.poll(ticking(page, () => row.getAttribute('data-status'))).toBe('read')
    await page.keyboard.press('u')
    await expect.poll(ticking(page, () => row.getAttribute('data-status'))).toBe('unread')
    await page.clock.runFor(60_000)
    await pageCallsArrived(page)
    expect(calls.filter((method) => method === 'markRead')).toEqual([])
    expect(await row.getAttribute('data-status')).toBe('unread')
    await page.clock.resume()

    // Ctrl+N writes a note on the selected paper; Esc goes back; Ctrl+3 returns to it.
    await page.keyboard.press('Control+n')
    await expect.poll(() => focusedTestId(page)).toBe('note-input')
    expect(await focusShows(page)).toBe(true)
    await page.keyboard.type('Object-centric features.')
    await page.keyboard.press('Escape')
    await expect.poll(() => focusedTestId(page)).toBe('paper-list')
    await page.keyboard.press('Control+3')
    await expect.poll(() => focusedTestId(page)).toBe('note-input')
    expect(await page.getByTestId('note-input').inputValue()).toBe('Object-centric features.')
    await page.keyboard.press('Escape')

    // Ctrl+\ hides the sidebar and shows it again.
    await page.keyboard.press('Control+Backslash')
    await expect.poll(() => page.getByTestId('sidebar').count()).toBe(0)
    await page.keyboard.press('Control+Backslash')
    await expect.poll(() => page.getByTestId('sidebar').count()).toBe(1)

    // Tab walks the whole window; wherever it lands, the focus is drawn.
    await page.keyboard.press('Control+f')
    expect(await focusShows(page)).toBe(true)
    const unmarked: string[] = []
    const visited = new Set<string>()
    for (let stop = 0; stop < 40; stop++) {
      await page.keyboard.press('Tab')
      // Past the last stop, Chromium's focus leaves the page (Electron's wraps around).
      if (await page.evaluate(() => document.activeElement === document.body)) continue
      const where = await describeFocus(page)
      visited.add(where)
      if (!(await focusShows(page))) unmarked.push(where)
    }
    expect(unmarked).toEqual([])
    // The walk went through the toolbar, the sidebar, the list and the panes.
    expect(visited.size).toBeGreaterThan(20)
    await app.screenshot('keyboard-focus')
  })
})
