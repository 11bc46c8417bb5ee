// Search end to end: ranking and marking as you type, titles as text, the
// is:starred filter. The built renderer in Chromium over the real core.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appSession } from './harness/appSession'
import { importIntoList, NEWEST_TITLE, TOOL_RETRIEVAL_TITLES } from './harness/fixture'
import { focusedTestId } from './harness/focus'
import { listbox, rowTitles, selectedTitle } from './harness/paperList'

const session = appSession()

describe('search', () => {
  it('ranks the tool-retrieval papers first as you type, and marks the matches', async () => {
    const app = await session.launch()
    const { page } = app
    await importIntoList(page)

    // "/" from anywhere focuses the search box.
    await page.keyboard.press('/')
    await expect.poll(() => focusedTestId(page)).toBe('search-input')
    await page.keyboard.type('tool retrieval', { delay: 20 })

    await expect
      .poll(async () => new Set((await rowTitles(page)).slice(0, 3)))
      .toEqual(new Set(TOOL_RETRIEVAL_TITLES))
    await expect.poll(() => page.getByTestId('search-count').textContent()).toMatch(/^\d+ matches$/)
    const count = Number((await page.getByTestId('search-count').textContent())?.split(' ')[0])
    expect(count).toBeGreaterThan(3)
    expect(count).toBeLessThan(53)

    // The matched words are marked in the rows...
    const marks = await page.locator('#paper-row-0 .paper-row-title mark').allTextContents()
    expect(marks.map((mark) => mark.toLowerCase())).toEqual(
      expect.arrayContaining(['tool', 'retrieval']),
    )
    // ...and in the first result's title and abstract, which is selected.
    await expect
      .poll(() => page.locator('#paper-title').textContent())
      .toBe((await rowTitles(page))[0])
    await expect
      .poll(() => page.getByTestId('paper-abstract').locator('mark').count())
      .toBeGreaterThan(1)
    const abstractMarks = await page.getByTestId('paper-abstract').locator('mark').allTextContents()
    expect(abstractMarks.every((mark) => /^(tool|retriev)/i.test(mark))).toBe(true)
    await app.screenshot('search-highlighted-results')

    // Enter goes to the results; Esc in the box clears the search.
    await page.keyboard.press('Enter')
    await expect.poll(() => focusedTestId(page)).toBe('paper-list')
    const chosen = await selectedTitle(page)
    await page.keyboard.press('/')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('search-input').inputValue()).toBe('')
    // The whole library is back, newest first, with the paper you were on still selected.
    await expect.poll(() => page.getByTestId('search-count').count()).toBe(0)
    await expect.poll(() => selectedTitle(page)).toBe(chosen)
    await listbox(page).evaluate((element) => element.scrollTo(0, 0))
    await expect
      .poll(() => page.locator('#paper-row-0 .paper-row-title').textContent())
      .toBe(NEWEST_TITLE)

    // A query that matches nothing says so; an unknown qualifier is just words.
    await page.getByTestId('search-input').fill('zebrafish')
    await expect
      .poll(() => page.getByTestId('paper-list-empty').textContent())
      .toBe('No papers here match “zebrafish”.')
    await page.getByTestId('search-input').fill('foo:bar "unclosed')
    await expect.poll(() => page.getByTestId('search-count').textContent()).toBe('0 matches')
  })

  it('renders matched titles as text, never as markup', async () => {
    const app = await session.launch()
    const { page } = app
    const hostile = '<img src=x onerror="document.title=\'pwned\'"> Tool retrieval <b>bold</b>'
    const listing = join(await session.scratchDir(), 'hostile.txt')
    await writeFile(
      listing,
      [
        'Daily Papers',
        '',
        hostile,
        '',
        'An abstract about <script>alert(1)</script> tool retrieval, ending here.',
        '',
        '  • 2 authors',
        '·',
        'Jan 5, 2026 3',
        '',
      ].join('\n'),
    )
    await importIntoList(page, listing)
    await page.getByTestId('search-input').fill('tool retrieval')
    await expect
      .poll(() => page.locator('#paper-row-0 .paper-row-title').textContent())
      .toBe(hostile)
    expect(await page.locator('#paper-row-0 mark').allTextContents()).toEqual(['Tool', 'retrieval'])
    expect(
      await page
        .locator('img, b, script', { hasText: '' })
        .evaluateAll((nodes) => nodes.filter((node) => node.closest('#root') !== null).length),
    ).toBe(0)
    await expect
      .poll(() => page.getByTestId('paper-abstract').textContent())
      .toContain('<script>alert(1)</script>')
    expect(await page.title()).toBe('Offprint')
  })

  it('lists the starred papers with is:starred', async () => {
    const app = await session.launch()
    const { page } = app
    await importIntoList(page)
    // Star the first and third papers with the keyboard.
    await page.keyboard.press('Control+1')
    await page.keyboard.press('s')
    await expect.poll(() => page.locator('#paper-row-0').getAttribute('data-starred')).toBe('true')
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await page.keyboard.press('s')
    await expect.poll(() => page.locator('#paper-row-2').getAttribute('data-starred')).toBe('true')
    const third = await selectedTitle(page)

    await page.keyboard.press('Control+f')
    await page.keyboard.type('is:starred')
    await expect.poll(() => page.getByTestId('search-count').textContent()).toBe('2 matches')
    // A filter keeps the list's order (newest first).
    expect((await rowTitles(page)).map((title) => title.replace(/^★\s*/, ''))).toEqual([
      NEWEST_TITLE,
      third,
    ])
    await page.getByTestId('search-input').fill('is:starred spotlighting')
    await expect.poll(() => page.getByTestId('search-count').textContent()).toBe('1 match')
  })
})
