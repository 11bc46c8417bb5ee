// Linked notes end to end: standalone notes, the `[[` autocomplete, links in the
// preview, "Linked from", related papers and back / forward, in Chromium over
// the real core.
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { runAxe, seriousOnes } from './harness/axe'
import { appSession } from './harness/appSession'
import { listbox, scrollToRow } from './harness/paperList'
import { confirmPreview } from './harness/fixture'
import { newNote } from './harness/notes'

const FIXTURE = fileURLToPath(new URL('../fixtures/hf-daily-papers.txt', import.meta.url))
const TOOLRL = 'ToolRL: Reward is All Tool Learning Needs'
const TOOLGEN = 'ToolGen: Unified Tool Retrieval and Calling via Generation'
const OXE =
  'OXE-AugE: A Large-Scale Robot Augmentation of OXE for Scaling Cross-Embodiment Policy Learning'
const BRIDGE = 'Bridge Data: Boosting Generalization of Robotic Skills with Cross-Domain Datasets'
const SHORTCUT =
  'Shortcut Learning in Generalist Robot Policies: The Role of Dataset Diversity and Fragmentation'
const GRASP = 'Learning to Grasp Anything by Playing with Random Toys'

const session = appSession()

async function importFixture(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('welcome').isVisible()).toBe(true)
  await page.getByTestId('import-file-input').setInputFiles(FIXTURE)
  await confirmPreview(page, '53 new papers')
  await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('53 papers')
}

/** Types `[[` and a query in the focused editor, waits for `title` to be offered, and takes it. */
async function linkVia(
  page: Page,
  query: string,
  title: string,
  screenshot?: () => Promise<unknown> | undefined,
): Promise<void> {
  await page.keyboard.type(`[[${query}`, { delay: 15 })
  const suggestions = page.getByTestId('link-suggestions')
  await expect.poll(() => suggestions.getByRole('option').first().textContent()).toContain(title)
  await screenshot?.()
  await page.keyboard.press('Enter')
  await expect.poll(() => suggestions.isVisible()).toBe(false)
}

function paperTitle(page: Page) {
  return page.locator('#paper-title')
}

/** The standalone notes the sidebar lists, in its order. */
function sidebarNotes(page: Page) {
  return page.getByTestId('sidebar').locator('[data-testid^="sidebar-note:"]')
}

describe('linked notes', () => {
  it('links two papers from a standalone note, follows a link, shows "Linked from", and goes back', async () => {
    const app = await session.launch()
    const { page } = app
    await importFixture(page)

    // A standalone note, from the Notes tab.
    await newNote(page, 'Tool learning reading list')
    const title = page.getByTestId('note-title')
    const editor = page.getByTestId('note-input')

    // Two links, each chosen from the `[[` autocomplete by a fuzzy part of the title.
    await page.keyboard.type('Compare ', { delay: 10 })
    await linkVia(page, 'toolrl', TOOLRL)
    await page.keyboard.type(' with ', { delay: 10 })
    await linkVia(page, 'toolgen unif', TOOLGEN, async () => {
      await app?.screenshot('link-autocomplete')
      // The notes tab, a standalone note and the open suggestion list.
      expect(seriousOnes(await runAxe(page))).toEqual([])
    })
    await page.keyboard.type('. Both teach an LLM to call tools.', { delay: 5 })

    // The paper pane still shows the paper selected before (the newest one); its
    // "Linked from" picks up a link to it as soon as the note saves, no refresh.
    const shownPaper = await paperTitle(page).textContent()
    expect(shownPaper).toMatch(/^Spotlighting Task-Relevant Features/)
    await expect.poll(() => page.getByTestId('backlink').count()).toBe(0)
    await page.keyboard.type(' Unrelated: ', { delay: 5 })
    await linkVia(page, 'spotlighting', shownPaper ?? '')
    await expect
      .poll(() => page.getByTestId('backlink').allTextContents())
      .toEqual([`NoteTool learning reading listUnrelated: ${shownPaper}`])

    const body = await editor.inputValue()
    expect(body).toMatch(
      /^Compare \[\[paper:[\w-]+\|ToolRL: Reward is All Tool Learning Needs\]\] with \[\[paper:[\w-]+\|ToolGen: Unified Tool Retrieval and Calling via Generation\]\]\. Both teach an LLM to call tools\. Unrelated: \[\[paper:[\w-]+\|Spotlighting [^\]]+\]\]$/,
    )
    const preview = page.getByTestId('note-preview')
    await expect
      .poll(() => preview.locator('a.wikilink').allTextContents())
      .toEqual([TOOLRL, TOOLGEN, shownPaper])
    await expect.poll(() => page.getByTestId('save-indicator').textContent()).toBe('Saved')
    expect(await page.getByTestId('note-row').allTextContents()).toEqual([
      expect.stringContaining('Tool learning reading list'),
    ])
    // The sidebar lists it under Notes, selected while it is open.
    await expect
      .poll(() => sidebarNotes(page).allTextContents())
      .toEqual(['Tool learning reading list'])
    expect(
      await page.getByTestId('sidebar-group:notes').getByTestId('sidebar-count').textContent(),
    ).toBe('1')
    expect(await sidebarNotes(page).first().getAttribute('aria-selected')).toBe('true')

    // Follow the second link: the paper opens, selected in the list.
    await preview.locator('a.wikilink', { hasText: TOOLGEN }).click()
    await expect.poll(() => paperTitle(page).textContent()).toBe(TOOLGEN)
    expect(await page.getByRole('tab', { name: 'Papers' }).getAttribute('aria-selected')).toBe(
      'true',
    )
    await expect
      .poll(() => listbox(page).locator('[aria-selected="true"] .paper-row-title').textContent())
      .toBe(TOOLGEN)

    // "Linked from" names the note, with the sentence around the link.
    const backlinks = page.getByTestId('backlinks')
    await expect
      .poll(() => backlinks.getByTestId('backlink').allTextContents())
      .toEqual([`NoteTool learning reading listCompare ${TOOLRL} with ${TOOLGEN}.`])
    expect(await backlinks.locator('mark').textContent()).toBe(TOOLGEN)

    // Related papers: the most similar ones, led by other tool-retrieval papers.
    const similar = page.getByTestId('similar-paper')
    await expect.poll(() => similar.count()).toBe(5)
    expect(await similar.allTextContents()).toEqual(
      expect.arrayContaining([
        'Towards Completeness-Oriented Tool Retrieval for Large Language Models',
        'Efficient and Scalable Estimation of Tool Representations in Vector Space',
      ]),
    )
    // Each with a bar for how similar: a meter from 0 to 100, the closest first.
    const closeness = await page
      .getByTestId('similar-papers')
      .getByRole('meter', { name: 'Similarity' })
      .evaluateAll((meters) => meters.map((meter) => Number(meter.getAttribute('aria-valuenow'))))
    expect(closeness).toHaveLength(5)
    expect(closeness).toEqual([...closeness].sort((a, b) => b - a))
    for (const value of closeness) expect(value > 0 && value <= 100).toBe(true)
    await backlinks.scrollIntoViewIfNeeded()
    const shot = await app.screenshot('paper-pane-backlinks-related')
    expect(shot).toMatch(/paper-pane-backlinks-related\.png$/)
    // Backlinks, relations and similar papers are usable with a screen reader too.
    expect(seriousOnes(await runAxe(page))).toEqual([])

    // Alt+Left: back to the note, in the Notes tab; Alt+Right: the paper again.
    await page.keyboard.press('Alt+ArrowLeft')
    await expect.poll(() => title.inputValue()).toBe('Tool learning reading list')
    expect(await page.getByRole('tab', { name: 'Notes' }).getAttribute('aria-selected')).toBe(
      'true',
    )
    await page.keyboard.press('Alt+ArrowRight')
    await expect.poll(() => paperTitle(page).textContent()).toBe(TOOLGEN)
    await page.getByRole('button', { name: 'Back' }).click()
    await expect.poll(() => title.inputValue()).toBe('Tool learning reading list')

    // From the paper, its "Linked from" entry opens the note that links to it.
    await page.getByRole('button', { name: 'Forward' }).click()
    await expect.poll(() => paperTitle(page).textContent()).toBe(TOOLGEN)
    expect(await title.count()).toBe(0)
    await backlinks.getByRole('button', { name: /Tool learning reading list$/ }).click()
    await expect.poll(() => title.inputValue()).toBe('Tool learning reading list')
    expect(await page.getByRole('tab', { name: 'Notes' }).getAttribute('aria-selected')).toBe(
      'true',
    )
  })

  it('updates backlinks as another note is typed, keeps the list in place, and relates papers by drag and drop', async () => {
    const app = await session.launch()
    const { page } = app
    await importFixture(page)

    // Select ToolRL far down the list; remember where the list is scrolled.
    await (await scrollToRow(page, TOOLRL)).click()
    await expect.poll(() => paperTitle(page).textContent()).toBe(TOOLRL)
    const scrolled = await listbox(page).evaluate((list) => list.scrollTop)
    expect(scrolled).toBeGreaterThan(0)

    // In ToolRL's own note, link to OXE-AugE.
    await page.getByTestId('note-input').click()
    await page.keyboard.type('Unlike ', { delay: 10 })
    await linkVia(page, 'oxe aug', OXE)
    await page.keyboard.type(', no robots here.', { delay: 5 })
    await page.getByTestId('note-preview').locator('a.wikilink', { hasText: OXE }).click()
    await expect.poll(() => paperTitle(page).textContent()).toBe(OXE)
    await expect
      .poll(() => page.getByTestId('backlink').allTextContents())
      .toEqual([`Paper note${TOOLRL}Unlike ${OXE}, no robots here.`])

    // Back: ToolRL again, the list where it was and ToolRL still selected.
    await page.getByRole('button', { name: 'Back' }).click()
    await expect.poll(() => paperTitle(page).textContent()).toBe(TOOLRL)
    expect(await listbox(page).evaluate((list) => list.scrollTop)).toBe(scrolled)
    expect(
      await listbox(page).locator('[aria-selected="true"] .paper-row-title').textContent(),
    ).toBe(TOOLRL)

    // Edit the link away in ToolRL's note: OXE's "Linked from" follows without a reload.
    await page.getByRole('button', { name: 'Forward' }).click()
    await expect.poll(() => paperTitle(page).textContent()).toBe(OXE)
    await page.getByRole('button', { name: 'Back' }).click()
    await page.getByTestId('note-input').fill('No links now.')
    await page.getByRole('button', { name: 'Forward' }).click()
    await expect.poll(() => paperTitle(page).textContent()).toBe(OXE)
    await expect.poll(() => page.getByTestId('backlink').count()).toBe(0)
    // What was typed right after Back went into ToolRL's note, not OXE-AugE's
    // (the note pane used to lag the Back button by a few milliseconds).
    const oxeId = await page.getByTestId('paper-view').getAttribute('data-paper-id')
    expect(await app.dispatch('getNote', { paperId: oxeId })).toEqual({ ok: true, value: null })

    // Drag "Shortcut Learning" from the list onto OXE-AugE's pane: a manual relation, on both.
    const shortcutRow = await scrollToRow(page, SHORTCUT)
    await shortcutRow.dragTo(page.getByTestId('paper-view'))
    const relation = page.getByTestId('relation')
    await expect.poll(() => relation.allTextContents()).toEqual([`→${SHORTCUT}×`])
    await relation.getByRole('combobox').fill('extends')
    await relation.getByRole('combobox').press('Tab')
    await relation.getByRole('button', { name: SHORTCUT, exact: true }).click()
    await expect.poll(() => paperTitle(page).textContent()).toBe(SHORTCUT)
    await expect
      .poll(() => page.getByTestId('relation').locator('input').inputValue())
      .toBe('extends')
    expect(await page.getByTestId('relation').textContent()).toBe(`←${OXE}×`)

    // The picker: a label, then a paper found as you type; × removes the relation again.
    await page.getByRole('button', { name: 'Add related paper…' }).click()
    await page.getByLabel('Relation label (optional)').fill('uses')
    await page.getByLabel('Find the related paper').fill('bridge data')
    await expect
      .poll(() => page.getByTestId('paper-picker').getByRole('option').first().textContent())
      .toContain(BRIDGE)
    await page.getByLabel('Find the related paper').press('Enter')
    await expect.poll(() => page.getByTestId('relation').count()).toBe(2)
    const added = page.getByTestId('relation').filter({ hasText: BRIDGE })
    expect(await added.locator('input').inputValue()).toBe('uses')
    await added.getByRole('button', { name: `Remove the relation to ${BRIDGE}` }).click()
    await expect.poll(() => page.getByTestId('relation').count()).toBe(1)
  })

  it('lists standalone notes in the sidebar, searches them, repairs broken links and hands web links to the browser', async () => {
    const app = await session.launch()
    const { page } = app
    await importFixture(page)

    // A link to nothing is visibly broken; "Create note" makes it whole.
    await newNote(page, 'Plans')
    await page.keyboard.type('Later: [[Ideas for later]]', { delay: 5 })
    await page.keyboard.press('Escape')
    const broken = page.getByTestId('note-preview').locator('.wikilink-broken')
    await expect.poll(() => broken.textContent()).toBe('Ideas for later')
    await broken.click()
    await page.getByRole('button', { name: 'Create note “Ideas for later”' }).click()
    await expect.poll(() => page.getByTestId('note-title').inputValue()).toBe('Ideas for later')
    // A standalone note lists the notes that link to it, as a paper does.
    const notesPane = page.getByRole('region', { name: 'Notes', exact: true })
    await expect
      .poll(() => notesPane.getByTestId('backlink').allTextContents())
      .toEqual(['NotePlansLater: Ideas for later'])
    await page.keyboard.press('Alt+ArrowLeft')
    await expect
      .poll(() => page.getByTestId('note-preview').locator('a.wikilink-note').textContent())
      .toBe('Ideas for later')
    expect(await page.getByTestId('note-preview').locator('.wikilink-broken').count()).toBe(0)
    await app.screenshot('notes-tab-standalone-note')

    // A note's link in the preview opens that note.
    await page.getByTestId('note-preview').locator('a.wikilink-note').click()
    await expect.poll(() => page.getByTestId('note-title').inputValue()).toBe('Ideas for later')
    await page.getByRole('button', { name: 'Back' }).click()
    await expect.poll(() => page.getByTestId('note-title').inputValue()).toBe('Plans')

    // Both notes are in the sidebar, by title; choosing one there opens it.
    await expect
      .poll(() => sidebarNotes(page).allTextContents())
      .toEqual(['Ideas for later', 'Plans'])
    await sidebarNotes(page).filter({ hasText: 'Ideas for later' }).click()
    await expect.poll(() => page.getByTestId('note-title').inputValue()).toBe('Ideas for later')
    expect(
      await sidebarNotes(page).filter({ hasText: 'Ideas for later' }).getAttribute('aria-selected'),
    ).toBe('true')

    // The Notes tab searches them.
    const search = page.getByRole('searchbox', { name: 'Search notes' })
    await search.fill('plans')
    await expect
      .poll(() => page.getByTestId('note-row').allTextContents())
      .toEqual([expect.stringContaining('Plans')])
    await search.fill('')
    await expect.poll(() => page.getByTestId('note-row').count()).toBe(2)

    // Trashing the note breaks the link again, visibly, and leaves the text as it was.
    await page.getByRole('button', { name: 'Move to Trash' }).click()
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'This note is in the Trash' }).count())
      .toBe(1)
    await page.getByRole('button', { name: 'Back' }).click()
    await expect.poll(() => broken.textContent()).toBe('Ideas for later')
    expect(await page.getByTestId('note-input').inputValue()).toBe('Later: [[Ideas for later]]')
    expect(await page.getByTestId('note-row').allTextContents()).toEqual([
      expect.stringContaining('Plans'),
    ])
    await expect.poll(() => sidebarNotes(page).allTextContents()).toEqual(['Plans'])

    // "Find paper…" points a broken link at a paper: the text then carries its id.
    const editor = page.getByTestId('note-input')
    await editor.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' Also [[Grasp Anything]]', { delay: 5 })
    await page.keyboard.press('Escape')
    await broken.filter({ hasText: 'Grasp Anything' }).click()
    await page.getByRole('button', { name: 'Find paper…' }).click()
    const found = page.getByTestId('paper-picker').getByRole('option', { name: GRASP })
    await expect.poll(() => found.count()).toBe(1)
    await found.click()
    await expect
      .poll(() => editor.inputValue())
      .toMatch(
        /^Later: \[\[Ideas for later\]\] Also \[\[paper:[\w-]+\|Learning to Grasp Anything by Playing with Random Toys\]\]$/,
      )
    await expect
      .poll(() => page.getByTestId('note-preview').locator('a.wikilink-paper').allTextContents())
      .toEqual([GRASP])

    // The autocomplete offers notes too, and the arrow keys move through it.
    await newNote(page, 'Links')
    await page.keyboard.type('See [[plans', { delay: 15 })
    const suggestions = page.getByTestId('link-suggestions').getByRole('option')
    await expect
      .poll(() => suggestions.allTextContents())
      .toContainEqual(expect.stringMatching(/^NotePlans/))
    const offered = await suggestions.allTextContents()
    const at = offered.findIndex((text) => text.startsWith('NotePlans'))
    if (offered.length > 1) {
      await page.keyboard.press('ArrowDown')
      expect(await suggestions.nth(1).getAttribute('aria-selected')).toBe('true')
      await page.keyboard.press('ArrowUp')
    }
    expect(await suggestions.nth(0).getAttribute('aria-selected')).toBe('true')
    for (let step = 0; step < at; step++) await page.keyboard.press('ArrowDown')
    expect(await suggestions.nth(at).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Tab')
    await expect.poll(() => editor.inputValue()).toMatch(/^See \[\[note:[\w-]+\|Plans\]\]$/)

    // Web links in a note open in the system browser; anything else opens nothing.
    await page.keyboard.type(
      ' Code: https://github.com/SqueezeAILab/Tool2Vec and [the paper](https://arxiv.org/abs/2409.02141), <mailto:ada@example.org>, [local](file:///etc/passwd).',
      { delay: 2 },
    )
    const preview = page.getByTestId('note-preview')
    await expect.poll(() => preview.locator('a').count()).toBeGreaterThanOrEqual(4)
    await page.evaluate(() => {
      const opened: string[] = []
      Object.assign(window, { openedUrls: opened })
      window.open = (url?: string | URL) => {
        opened.push(String(url))
        return null
      }
    })
    for (const text of [
      'https://github.com/SqueezeAILab/Tool2Vec',
      'the paper',
      'mailto:ada@example.org',
      'local',
    ]) {
      await preview.getByText(text, { exact: true }).click()
    }
    expect(
      await page.evaluate(() => (window as unknown as { openedUrls: string[] }).openedUrls),
    ).toEqual([
      'https://github.com/SqueezeAILab/Tool2Vec',
      'https://arxiv.org/abs/2409.02141',
      'mailto:ada@example.org',
    ])
    expect(page.url()).toMatch(/\/index\.html$/)
  })
})
