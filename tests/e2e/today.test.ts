// Today end to end: a library whose feeds (Hugging Face Daily Papers of
// 2026-06-12 and arXiv's cs.AI Atom feed of 2025-08-20, recorded answers served
// by a stub server on 127.0.0.1) filled its inbox with 116 items; 50 of them
// triaged by keyboard in Chromium (keep, skip, star, thumbs, keep all above,
// keep into a new collection, undo), what the window shows checked after each
// step, all of it still there after a restart, and a failed check shown in the
// Feeds column. Screenshots go to test-results/.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { Library } from '../../src/main/core/library'
import type { InboxPage } from '../../src/shared/model'
import { startFeedStub } from '../unit/feedStubServer'
import { appSession } from './harness/appSession'
import { stubServices } from './harness/stubServices'
import { makeLibraryDir } from './harness/launchApp'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'

const session = appSession()
const services = stubServices(startFeedStub)

/** A library of 5 papers (one starred) whose two feeds were checked on Friday 2026-06-12. */
async function seededLibrary(): Promise<string> {
  const dir = await makeLibraryDir()
  let now = Date.parse('2026-06-12T14:00:00Z')
  const seed = await Library.open(dir, {
    now: () => new Date((now += 1000)),
    lookup: services.current().options,
  })
  const json = await readFile(
    resolve(__dirname, '../fixtures/formats/hf-api-daily-papers-2026-07.json'),
    'utf8',
  )
  await seed.api.importText({ text: json, fileName: 'daily.json' })
  const [omniScope] = (await seed.api.listPapers({ offset: 0, limit: 1, query: 'OmniScope' })).items
  await seed.api.setStarred({ paperIds: [omniScope?.id ?? ''], starred: true })
  await seed.api.addFeed({ spec: 'hf-daily' })
  await seed.api.addFeed({ spec: 'arxiv:cs.AI' })
  const report = await seed.api.refreshFeeds({})
  expect(report.checks.map((c) => c.added)).toEqual([30, 86])
  await seed.close()
  return dir
}

const counts = (page: Page) => page.getByTestId('today-counts').textContent()
const inbox = (page: Page) => page.getByRole('listbox', { name: 'New papers' })
const currentTitle = (page: Page) =>
  inbox(page).locator('[aria-selected="true"] .today-item-title').textContent()

async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key)
}

/** Go > Today by its key, once the window takes keys (when the library is shown). */
async function openToday(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('library-count').textContent()).toMatch(/ papers?$/)
  await page.keyboard.press('Control+Shift+T')
}

describe('Today', () => {
  it('triages 50 of 116 new papers from the keyboard, and all of it survives a restart', async () => {
    const app = await session.launch({ libraryDir: await seededLibrary() })
    const { page } = app
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('5 papers')
    await openToday(page)
    await expect.poll(() => counts(page)).toBe('116 new · 0 kept · 0 skipped')
    const feeds = page.getByTestId('today-feed')
    expect(await feeds.locator('.today-feed-name').allTextContents()).toEqual([
      'HF Daily Papers30',
      'arXiv cs.AI86',
    ])
    // Ranked against the library: the first item is like the starred paper, and says so.
    const ranked = (await app.dispatch('listInbox', {})) as { ok: true; value: InboxPage }
    const top = ranked.value.items[0]
    expect(top?.reason).toMatch(/^like “OmniScope: Modality-Decoupled Token Compression/)
    expect(await currentTitle(page)).toBe(top?.title)
    expect(await inbox(page).locator('.today-item-reason').first().textContent()).toBe(top?.reason)
    await app.screenshot('today-inbox')

    // Enter opens the abstract in the paper pane.
    await page.keyboard.press('Enter')
    const pane = page.getByTestId('today-paper')
    await expect.poll(() => pane.locator('h2').textContent()).toBe(top?.title)
    expect(await pane.locator('.today-pane-abstract').textContent()).toBe(top?.abstract)
    await app.screenshot('today-abstract')

    // j / k move the cursor.
    const second = ranked.value.items[1]?.title
    await press(page, 'j')
    await expect.poll(() => currentTitle(page)).toBe(second)
    await press(page, 'k')
    await expect.poll(() => currentTitle(page)).toBe(top?.title)

    await press(page, 'a', 10)
    await expect.poll(() => counts(page)).toBe('106 new · 10 kept · 0 skipped')
    await press(page, 'x', 20)
    await expect.poll(() => counts(page)).toBe('86 new · 10 kept · 20 skipped')
    await press(page, 's', 5)
    await expect.poll(() => counts(page)).toBe('81 new · 15 kept · 20 skipped')
    // Thumbs stay in the inbox; Shift+A keeps the two items above the cursor.
    await press(page, '+')
    await press(page, 'j')
    await press(page, '-')
    await press(page, 'j')
    await expect
      .poll(() => inbox(page).locator('.today-item-title').nth(0).textContent())
      .toMatch(/^👍 /)
    await expect
      .poll(() => inbox(page).locator('.today-item-title').nth(1).textContent())
      .toMatch(/^👎 /)
    await page.keyboard.press('Shift+A')
    await expect.poll(() => counts(page)).toBe('79 new · 17 kept · 20 skipped')
    // c keeps into a collection, here a new one.
    await press(page, 'c')
    await page.keyboard.type('Reading group')
    await page.keyboard.press('Enter')
    await expect.poll(() => counts(page)).toBe('78 new · 18 kept · 20 skipped')
    await press(page, 'x', 12)
    await expect.poll(() => counts(page)).toBe('66 new · 18 kept · 32 skipped')
    // u undoes the last triage: one skip.
    await press(page, 'u')
    await expect.poll(() => counts(page)).toBe('67 new · 18 kept · 31 skipped')
    await app.screenshot('today-after-triage')

    // After a restart (the core closed and opened again, the page reloaded) nothing is lost.
    await app.restartCore()
    await page.reload()
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('23 papers')
    await openToday(page)
    await expect.poll(() => counts(page)).toBe('67 new · 18 kept · 31 skipped')
    const starred = (await app.dispatch('listPaperIds', {
      filter: { scope: { kind: 'view', view: 'starred' } },
    })) as { ok: true; value: string[] }
    expect(starred.value).toHaveLength(6)
  })

  it('from a fresh library, following the three kinds of feed fills the inbox', async () => {
    const app = await session.launch()
    const { page } = app
    await openToday(page)
    await expect.poll(() => counts(page)).toBe('0 new · 0 kept · 0 skipped')
    for (const spec of ['hf-daily', 'arxiv:cs.AI+cs.LG+math', 'arxiv-query:au:"A. Del Maestro"']) {
      const rows = await page.getByTestId('today-feed').count()
      await page.getByLabel('Follow a feed').fill(spec)
      await page.getByRole('button', { name: 'Follow', exact: true }).click()
      await expect.poll(() => page.getByTestId('today-feed').count()).toBe(rows + 1)
      await expect
        .poll(() => page.getByRole('button', { name: 'Check now' }).isEnabled())
        .toBe(true)
    }
    // Hugging Face lists nothing for today's real date in the recorded answers; arXiv's
    // feed (935 new and cross-listed papers) and the API query (10) fill the inbox.
    await expect.poll(() => counts(page)).toBe('945 new · 0 kept · 0 skipped')
    expect(
      await page.getByTestId('today-feed').locator('.today-feed-name').allTextContents(),
    ).toEqual(['HF Daily Papers0', 'arXiv cs.AI+cs.LG+math935', 'arXiv: au:"A. Del Maestro"10'])
    expect(await inbox(page).locator('.today-item').count()).toBe(945)
    await app.screenshot('today-follow')
  })

  it('shows in the Feeds column that a check failed, and why', async () => {
    const app = await session.launch({ libraryDir: await seededLibrary() })
    const { page } = app
    await openToday(page)
    await expect.poll(() => counts(page)).toBe('116 new · 0 kept · 0 skipped')
    const host = services.current().host
    await services.current().close()
    await page.getByRole('button', { name: 'Check now' }).click()
    await expect
      .poll(() => page.getByTestId('today-feed').first().locator('.today-feed-error').textContent())
      .toBe(
        ` · last check failed: offline: could not reach ${host}; it will be retried when you are online`,
      )
    await app.screenshot('today-offline')
  })
  it('renames a feed, sets how often it is checked and where kept papers go, and undo takes it back', async () => {
    const dir = await seededLibrary()
    const seed = await Library.open(dir)
    const group = await seed.api.createCollection({ name: 'Reading group' })
    await seed.close()
    const app = await session.launch({ libraryDir: dir })
    const { page } = app
    await openToday(page)
    await expect.poll(() => counts(page)).toBe('116 new · 0 kept · 0 skipped')
    const arxiv = page.getByTestId('today-feed').nth(1)
    expect(await arxiv.locator('.today-feed-status').textContent()).toMatch(
      /^Every 6 h · Last success/,
    )
    await arxiv.getByRole('button', { name: 'Settings of arXiv cs.AI' }).click()
    const form = page.getByRole('form', { name: 'Settings of arXiv cs.AI' })
    await form.getByLabel('Name').fill('Agents on arXiv')
    await form.getByLabel('Check every (hours)').fill('12')
    await form.getByLabel('Kept papers also go into').selectOption({ label: 'Reading group' })
    await app.screenshot('today-feed-settings')
    await form.getByRole('button', { name: 'Save' }).click()
    await expect
      .poll(() => arxiv.locator('.today-feed-name').textContent())
      .toBe('Agents on arXiv86')
    expect(await arxiv.locator('.today-feed-status').textContent()).toMatch(/^Every 12 h · /)
    const listed = (await app.dispatch('listFeeds', {})) as {
      ok: true
      value: { name: string; everyHours: number; collectionId?: string }[]
    }
    expect(listed.value.map((feed) => [feed.name, feed.everyHours, feed.collectionId])).toEqual([
      ['HF Daily Papers', 6, undefined],
      ['Agents on arXiv', 12, group.id],
    ])
    // Esc leaves the settings as they were; one undo takes back all three changes.
    await arxiv.getByRole('button', { name: 'Settings of Agents on arXiv' }).click()
    await page
      .getByRole('form', { name: 'Settings of Agents on arXiv' })
      .getByLabel('Name')
      .press('Escape')
    await expect.poll(() => page.getByRole('form').count()).toBe(0)
    await page.getByRole('button', { name: /Undo/ }).first().click()
    await expect.poll(() => arxiv.locator('.today-feed-name').textContent()).toBe('arXiv cs.AI86')
    const undone = (await app.dispatch('listFeeds', {})) as typeof listed
    expect(undone.value.map((feed) => [feed.name, feed.everyHours, feed.collectionId])).toEqual([
      ['HF Daily Papers', 6, undefined],
      ['arXiv cs.AI', 6, undefined],
    ])
  })
  it('says in the library’s sidebar what arrived since the last visit, and Today marks it', async () => {
    const app = await session.launch({ libraryDir: await seededLibrary() })
    const { page } = app
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('5 papers')
    // Never visited: all 116 are new since. Each feed says when its last check succeeded.
    const todayRow = page.getByTestId('sidebar-today')
    await expect.poll(() => todayRow.getByTestId('sidebar-count').textContent()).toBe('116 new')
    const feedRows = page.locator('[data-key^="feed:"]')
    expect(await feedRows.locator('.sidebar-label-detailed').allTextContents()).toEqual([
      expect.stringMatching(/^HF Daily Papers\s*Last success: \S.*2026/),
      expect.stringMatching(/^arXiv cs\.AI\s*Last success: \S.*2026/),
    ])
    expect(
      await page.locator('[data-key^="feed:"] [data-testid="sidebar-count"]').allTextContents(),
    ).toEqual(['30', '86'])
    await app.screenshot('today-sidebar')

    // From the keyboard: the tree's rows, down from Library to Today, Enter opens it.
    await page.getByTestId('sidebar-library').focus()
    await press(page, 'ArrowDown', 2)
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.getByTestId('today-arrived').textContent())
      .toBe('116 arrived since your last visit')
    await expect.poll(() => inbox(page).locator('.today-badge-arrived').count()).toBe(116)
    await page.keyboard.press('Escape')
    await expect.poll(() => todayRow.getByTestId('sidebar-count').textContent()).toBe('0 new')

    // An author's ten papers arrive after that visit, and the app restarts.
    await app.dispatch('addFeed', { spec: 'arxiv-query:au:"A. Del Maestro"' })
    await app.dispatch('refreshFeeds', { force: true })
    await app.restartCore()
    await page.reload()
    await expect.poll(() => todayRow.getByTestId('sidebar-count').textContent()).toBe('10 new')
    await openToday(page)
    await expect
      .poll(() => page.getByTestId('today-arrived').textContent())
      .toBe('10 arrived since your last visit')
    const marked = inbox(page).locator('.today-item:has(.today-badge-arrived) .today-item-meta')
    await expect.poll(() => marked.count()).toBe(10)
    expect(new Set(await marked.allTextContents())).toEqual(
      new Set(['arXiv: au:"A. Del Maestro"new since your last visit']),
    )
    await app.screenshot('today-new-since')

    // The same in the dark theme (the palette's command), Today and the sidebar.
    const theme = () => page.evaluate(() => document.documentElement.dataset['theme'])
    await page.keyboard.press('Control+k')
    await page.keyboard.type('theme dark')
    await page.keyboard.press('Enter')
    await expect.poll(theme).toBe('dark')
    // Scrolled to the marked items (an author's old papers rank last).
    await marked.first().scrollIntoViewIfNeeded()
    await app.screenshot('today-new-since-dark')
    await page.keyboard.press('Escape')
    await expect.poll(() => todayRow.getByTestId('sidebar-count').textContent()).toBe('0 new')
    await app.screenshot('today-sidebar-dark')
  })
})
