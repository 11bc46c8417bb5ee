// Offprint 0.1 end to end: the built renderer in Chromium over the real core.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { dropFile } from './harness/dropFile'
import { appSession } from './harness/appSession'
import { pageCallsArrived, stopPageClock } from './harness/pageClock'
import { collectRowIds, listbox, scrollToRow } from './harness/paperList'

const FIXTURE = fileURLToPath(new URL('../fixtures/hf-daily-papers.txt', import.meta.url))
const TOOLRL = 'ToolRL: Reward is All Tool Learning Needs'
const GRASP = 'Learning to Grasp Anything by Playing with Random Toys'
const GENAGENT = 'GenAgent: Scaling Text-to-Image Generation via Agentic Multimodal Reasoning'
const ADAREASONER = 'AdaReasoner: Dynamic Tool Orchestration for Iterative Visual Reasoning'

const session = appSession()

/** What a row shows besides its title: date, byline (organization or authors), upvotes. */
async function rowMeta(page: Page, title: string): Promise<(string | null)[]> {
  const row = await scrollToRow(page, title)
  const part = (name: string): Promise<string | null> =>
    row
      .locator(`.paper-row-${name}`)
      .evaluateAll((found) => (found.length === 0 ? null : (found[0]?.textContent ?? '')))
  return [await part('date'), await part('byline'), await part('upvotes')]
}

/**
 * Records every text the save indicator shows from now on, in order (a
 * MutationObserver in the page, so no state is missed between two polls).
 */
async function watchSaveIndicator(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = []
    const read = (): void => {
      const text = document.querySelector('[data-testid=save-indicator]')?.textContent ?? ''
      if (seen.at(-1) !== text) seen.push(text)
    }
    read()
    new MutationObserver(read).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    })
    Object.assign(window, { savedStates: seen })
  })
  return () => page.evaluate(() => (window as unknown as { savedStates: string[] }).savedStates)
}

async function fixtureAbstractOf(title: string): Promise<string> {
  const lines = (await readFile(FIXTURE, 'utf8')).split('\n')
  const at = lines.indexOf(title)
  return (lines[at + 2] ?? '').trim()
}

describe('the three-pane reader', () => {
  it('imports the listing, shows its papers, and keeps a note across a restart', async () => {
    // Every note save the window asks the core for, to see that typing is debounced.
    const saves: string[] = []
    const app = await session.launch({
      interceptDispatch: (dispatch) => (method, args) => {
        if (method === 'saveNote') saves.push((args as { body: string }).body)
        return dispatch(method, args)
      },
    })
    const { page } = app

    // First run: an empty library offers the sample; we import our own file instead.
    await expect.poll(() => page.getByTestId('welcome').isVisible()).toBe(true)
    await page.getByTestId('import-file-input').setInputFiles(FIXTURE)
    // 53 entries are more than a handful: the preview asks first.
    await expect.poll(() => page.getByTestId('preview-new').textContent()).toBe('53 new papers')
    await page.getByTestId('import-confirm').click()
    await expect
      .poll(() => page.getByTestId('import-status').textContent())
      .toContain('53 added, 0 already present, 0 skipped')
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('53 papers')

    // 53 rows, newest first: the list is virtualized, so scroll through it.
    const ids = await collectRowIds(page)
    expect(ids).toHaveLength(53)
    await listbox(page).evaluate((element) => element.scrollTo(0, 0))
    // Newest first (Jan 29, 2026, then Jan 26, 2026); the one undated entry comes last.
    await expect
      .poll(() => page.locator('#paper-row-0 .paper-row-title').textContent())
      .toBe(
        'Spotlighting Task-Relevant Features: Object-Centric Representations for Better Generalization in Robotic Manipulation',
      )
    expect(await page.locator('#paper-row-1 .paper-row-title').textContent()).toBe(GENAGENT)

    // Each row: its date, its organization or author count, its upvotes.
    expect(await rowMeta(page, GENAGENT)).toEqual(['Jan 26, 2026', '9 authors', '▲ 0'])
    expect(await rowMeta(page, GRASP)).toEqual(['Oct 14, 2025', 'UC Berkeley', '▲ 2'])
    // The entry without a footer: no date, no byline, no upvotes; listed last.
    expect(await rowMeta(page, ADAREASONER)).toEqual(['', null, '▲ 0'])
    expect(await listbox(page).locator('[data-testid=paper-row]').last().textContent()).toContain(
      ADAREASONER,
    )

    // An organization and a project page in the paper pane.
    await (await scrollToRow(page, GRASP)).click()
    await expect.poll(() => page.locator('#paper-title').textContent()).toBe(GRASP)
    expect(await page.getByTestId('paper-organization').textContent()).toBe('UC Berkeley')
    expect(await page.getByTestId('paper-links').getByRole('link').allTextContents()).toEqual([
      'Project page · lego-grasp.github.io',
    ])

    // Selecting a paper shows its metadata and abstract, as text.
    await (await scrollToRow(page, TOOLRL)).click()
    await expect.poll(() => page.locator('#paper-title').textContent()).toBe(TOOLRL)
    expect(await page.getByTestId('paper-abstract').textContent()).toBe(
      await fixtureAbstractOf(TOOLRL),
    )
    expect(await page.getByTestId('paper-published').textContent()).toBe('Apr 16, 2025')
    expect(await page.getByTestId('paper-authors').textContent()).toBe('8 authors')
    expect(await page.getByTestId('paper-upvotes').textContent()).toBe('3')

    // A note with a heading and a list: live preview, then saved after a pause in
    // typing (400 ms without a key), on a page clock that moves when the test says.
    const note = page.getByTestId('note-input')
    const indicator = page.getByTestId('save-indicator')
    await expect.poll(() => indicator.textContent()).toBe('Saved')
    const indicatorStates = await watchSaveIndicator(page)
    // "/" is text in the editor, never the search shortcut.
    const text = '# Reward design\n\n- fine-grained rewards\n- GRPO beats PPO here (3/4 tasks)\n'
    await note.click()
    await stopPageClock(page)
    await note.pressSequentially(text)
    const preview = page.getByTestId('note-preview')
    await expect.poll(() => preview.locator('h1').textContent()).toBe('Reward design')
    // The preview follows the typing a moment behind (a deferred render): wait for the last key.
    await expect
      .poll(() => preview.locator('li').allTextContents())
      .toEqual(['fine-grained rewards', 'GRPO beats PPO here (3/4 tasks)'])
    // No time has passed since the last key: nothing is saved yet, and the indicator says so.
    await pageCallsArrived(page)
    expect(saves).toEqual([])
    expect(await indicator.textContent()).toBe('Unsaved changes')
    await page.clock.runFor(399)
    await pageCallsArrived(page)
    expect(saves).toEqual([])
    // At 400 ms the whole text is saved, in one save, and "Saved" means the core has it.
    await page.clock.runFor(1)
    await expect.poll(() => indicator.textContent()).toBe('Saved')
    expect(saves).toEqual([text])
    const states = await indicatorStates()
    expect(states.filter((state) => state !== 'Saving…')).toEqual([
      'Saved',
      'Unsaved changes',
      'Saved',
    ])
    await page.clock.resume()
    const paperId = await page.getByTestId('paper-view').getAttribute('data-paper-id')
    expect(await app.dispatch('getNote', { paperId })).toMatchObject({
      ok: true,
      value: { body: text },
    })
    await app.screenshot('reader-three-panes')

    // Restart the core over the same folder and reload the window: the note is there.
    await app.restartCore()
    await page.reload()
    await (await scrollToRow(page, TOOLRL)).click()
    await expect.poll(() => page.locator('#paper-title').textContent()).toBe(TOOLRL)
    await expect
      .poll(() => page.getByTestId('note-input').inputValue())
      .toBe('# Reward design\n\n- fine-grained rewards\n- GRPO beats PPO here (3/4 tasks)\n')
    expect(await page.getByTestId('note-preview').locator('h1').textContent()).toBe('Reward design')
  })
})

describe('bringing papers in', () => {
  it('offers the bundled sample on first run and imports it with one click', async () => {
    const app = await session.launch()
    const { page } = app
    await page.getByRole('button', { name: 'Import the sample library' }).click()
    await expect
      .poll(() => page.getByTestId('import-status').textContent())
      .toContain('53 added, 0 already present, 0 skipped')
    // The sample's year-less dates are read from its fixed page date (Feb 9, 2026).
    await (
      await scrollToRow(
        page,
        'GenAgent: Scaling Text-to-Image Generation via Agentic Multimodal Reasoning',
      )
    ).click()
    await expect.poll(() => page.getByTestId('paper-published').textContent()).toBe('Jan 26, 2026')
    expect(await page.getByTestId('paper-authors').textContent()).toBe('9 authors')
    // Links found in the abstract open in the system browser (window.open, which
    // Electron's handler turns into shell.openExternal), cleaned of "{this url}".
    const link = page.getByTestId('paper-links').getByRole('link')
    expect(await link.allTextContents()).toEqual(['Code · github.com/deep-kaixun/GenAgent'])
    await page.evaluate(() => {
      const opened: string[] = []
      Object.assign(window, { openedUrls: opened })
      window.open = (url?: string | URL) => {
        opened.push(String(url))
        return null
      }
    })
    await link.click()
    expect(
      await page.evaluate(() => (window as unknown as { openedUrls: string[] }).openedUrls),
    ).toEqual(['https://github.com/deep-kaixun/GenAgent'])
    expect(page.url()).toMatch(/\/index\.html$/)
  })

  it('imports a dropped file, reports a repeat as already present, and explains bad input', async () => {
    const app = await session.launch()
    const { page } = app
    const listing = await readFile(FIXTURE, 'utf8')
    const drop = (name: string, text: string): Promise<void> => dropFile(page, name, text)
    // More than a handful of entries: each drop is previewed, then confirmed.
    await drop('feb-9.txt', listing)
    await expect.poll(() => page.getByTestId('preview-new').textContent()).toBe('53 new papers')
    await page.getByTestId('import-confirm').click()
    await expect
      .poll(() => page.getByTestId('import-status').textContent())
      .toContain('Imported feb-9.txt: 53 added, 0 already present, 0 skipped')

    await drop('feb-9-again.txt', listing)
    await expect
      .poll(() => page.getByTestId('preview-duplicates').textContent())
      .toBe('53 duplicates')
    await page.getByTestId('import-confirm').click()
    await expect
      .poll(() => page.getByTestId('import-status').textContent())
      .toContain('Imported feb-9-again.txt: 0 added, 53 already present, 0 skipped')

    // An entry that cannot be read is named by its line and why, before and after.
    const partial = [
      'Daily Papers',
      '',
      'A Paper Worth Keeping',
      '',
      'Its abstract is one sentence long, which is enough.',
      '',
      '  • 2 authors',
      '·',
      'Jan 5, 2026 3',
      '',
      'A Dangling Title',
      '',
    ].join('\n')
    await drop('partial.txt', partial)
    const skippedLine =
      'Line 11: "A Dangling Title": the text ends at its title, before its abstract, so it was not imported'
    await expect
      .poll(() => page.getByTestId('preview-skipped').textContent())
      .toBe('1 unreadable entry')
    expect(await page.getByTestId('preview-skipped-list').locator('li').allTextContents()).toEqual([
      skippedLine,
    ])
    await page.getByTestId('import-confirm').click()
    await expect
      .poll(() => page.getByTestId('import-status').textContent())
      .toContain('Imported partial.txt: 1 added, 0 already present, 1 skipped')
    const skippedList = page.getByTestId('import-status').locator('.import-skipped')
    await skippedList.locator('summary').click()
    expect(await skippedList.locator('li').allTextContents()).toEqual([skippedLine])
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('54 papers')

    await drop(
      'essay.txt',
      'Lorem ipsum dolor sit amet.\n\nConsectetur adipiscing elit, sed do eiusmod.',
    )
    const status = page.getByTestId('import-status')
    await expect.poll(() => status.textContent()).toContain('Could not import essay.txt.')
    expect(await status.textContent()).toContain('it is not in a format Offprint reads (tried RIS,')
    expect(await status.getAttribute('role')).toBe('alert')
    // Nothing changed.
    expect(await page.getByTestId('library-count').textContent()).toBe('54 papers')
    await app.screenshot('import-error')
  })
})
