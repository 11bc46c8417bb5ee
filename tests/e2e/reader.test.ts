// Offprint 0.1 end to end: the built renderer in Chromium over the real core.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { dropFile } from './harness/dropFile'
import { appSession } from './harness/appSession'
import { collectRowIds, listbox, scrollToRow } from './harness/paperList'

const FIXTURE = fileURLToPath(new URL('../fixtures/hf-daily-papers.txt', import.meta.url))
const TOOLRL = 'ToolRL: Reward is All Tool Learning Needs'

const session = appSession()

async function fixtureAbstractOf(title: string): Promise<string> {
  const lines = (await readFile(FIXTURE, 'utf8')).split('\n')
  const at = lines.indexOf(title)
  return (lines[at + 2] ?? '').trim()
}

describe('the three-pane reader', () => {
  it('imports the listing, shows its papers, and keeps a note across a restart', async () => {
    const app = await session.launch()
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
    expect(await page.locator('#paper-row-1 .paper-row-title').textContent()).toBe(
      'GenAgent: Scaling Text-to-Image Generation via Agentic Multimodal Reasoning',
    )

    // Selecting a paper shows its metadata and abstract, as text.
    await (await scrollToRow(page, TOOLRL)).click()
    await expect.poll(() => page.locator('#paper-title').textContent()).toBe(TOOLRL)
    expect(await page.getByTestId('paper-abstract').textContent()).toBe(
      await fixtureAbstractOf(TOOLRL),
    )
    expect(await page.getByTestId('paper-published').textContent()).toBe('Apr 16, 2025')
    expect(await page.getByTestId('paper-authors').textContent()).toBe('8 authors')
    expect(await page.getByTestId('paper-upvotes').textContent()).toBe('3')

    // A note with a heading and a list: live preview, then autosaved.
    const note = page.getByTestId('note-input')
    await note.click()
    await note.pressSequentially(
      '# Reward design\n\n- fine-grained rewards\n- GRPO beats PPO here\n',
      {
        delay: 5,
      },
    )
    const preview = page.getByTestId('note-preview')
    await expect.poll(() => preview.locator('h1').textContent()).toBe('Reward design')
    // The preview follows the typing a moment behind (a deferred render): wait for the last key.
    await expect
      .poll(() => preview.locator('li').allTextContents())
      .toEqual(['fine-grained rewards', 'GRPO beats PPO here'])
    await expect.poll(() => page.getByTestId('save-indicator').textContent()).toBe('Saved')
    await app.screenshot('reader-three-panes')

    // Restart the core over the same folder and reload the window: the note is there.
    await app.restartCore()
    await page.reload()
    await (await scrollToRow(page, TOOLRL)).click()
    await expect.poll(() => page.locator('#paper-title').textContent()).toBe(TOOLRL)
    await expect
      .poll(() => page.getByTestId('note-input').inputValue())
      .toBe('# Reward design\n\n- fine-grained rewards\n- GRPO beats PPO here\n')
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

    await drop(
      'essay.txt',
      'Lorem ipsum dolor sit amet.\n\nConsectetur adipiscing elit, sed do eiusmod.',
    )
    const status = page.getByTestId('import-status')
    await expect.poll(() => status.textContent()).toContain('Could not import essay.txt.')
    expect(await status.textContent()).toContain('it is not in a format Offprint reads (tried RIS,')
    expect(await status.getAttribute('role')).toBe('alert')
    // Nothing changed.
    expect(await page.getByTestId('library-count').textContent()).toBe('53 papers')
    await app.screenshot('import-error')
  })
})
