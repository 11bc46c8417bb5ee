// Hostile markup in a note's preview, through the real UI in Chromium: raw
// HTML may format a note but never act as the app. It cannot make links the
// preview follows in the app (wiki-links) or behind its back (image maps), nor
// draw over the toolbar, the search box or the editor.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { formatWikiLink } from '../../src/shared/text/wikiLinks'
import { appSession } from './harness/appSession'
import { auditDom } from './harness/domAudit'
import type { RunningApp } from './harness/launchApp'
import { listbox } from './harness/paperList'
import { openedUrls, recordOpened } from './harness/openedUrls'
import { inBatches, payloads } from './harness/payloads'
import { clickEveryLink, hitTestParts, linkLikeIn } from './harness/previewProbe'
import { daysBefore, noteRecord, paperRecord, seedLibrary } from './harness/seedLibrary'

const session = appSession()

const PREVIEW = '[data-testid=note-preview]'
const PREVIEW_CONTENT = `${PREVIEW} .note-preview-content`
/** The parts of the window a note must never cover. */
const APP_PARTS = {
  toolbar: 'header.toolbar',
  'search box': '[role=search]',
  editor: '[data-testid=note-input]',
}
/** A 1×1 transparent GIF: a raster image the preview may show. */
const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=='

/**
 * A library of two papers: "Victim" (listed first) whose note is `body`, and
 * "Official errata" (id `target`), plus a standalone note "Reading list". The
 * app opens with Victim selected and its note shown.
 */
async function openNote(body: string): Promise<RunningApp> {
  const dir = await session.scratchDir()
  await seedLibrary(dir, {
    papers: [
      paperRecord('victim', { title: 'Victim', published: daysBefore(0) }),
      paperRecord('target', { title: 'Official errata', published: daysBefore(1) }),
    ],
    notes: [
      noteRecord('victim-note', 'victim', { body }),
      noteRecord('reading', undefined, { title: 'Reading list', body: 'Papers to read.' }),
    ],
  })
  const app = await session.launch({ libraryDir: dir })
  await showPaper(app.page, 'victim', body)
  return app
}

async function showPaper(page: Page, paperId: string, body: string): Promise<void> {
  await listbox(page).focus()
  await page.keyboard.press('Home')
  await page.waitForFunction(
    ([id, text]) =>
      document.querySelector(`[data-testid=paper-view][data-paper-id="${id}"]`) !== null &&
      document.querySelector<HTMLTextAreaElement>('[data-testid=note-input]')?.value === text,
    [paperId, body] as const,
  )
}

async function shownPaper(page: Page): Promise<string | null> {
  return page.getByTestId('paper-view').getAttribute('data-paper-id')
}

describe("a note's raw HTML", () => {
  it('keeps no image-map link: clicking where the area was opens nothing and leaves the page', async () => {
    const body = [
      'Click the figure:',
      '',
      `<map name="m"><area shape="default" href="//elsewhere.example/x" alt="area link"></map>`,
      `<img usemap="#m" src="${PIXEL}" width="200" height="120" alt="figure">`,
    ].join('\n')
    const app = await openNote(body)
    const { page } = app
    const preview = page.getByTestId('note-preview')
    await preview.getByAltText('figure').waitFor()
    expect(await preview.locator('area, map, [usemap]').count()).toBe(0)
    await recordOpened(page)
    await preview.getByAltText('figure').click()
    expect(await openedUrls(page)).toEqual([])
    expect(page.url()).toMatch(/\/index\.html$/)
    expect(app.securityEvents).toEqual([])
  })

  it('cannot forge a wiki-link: a raw <a> with its attributes opens no paper and offers no repair', async () => {
    const body = [
      'See the <a data-wikilink="resolved" data-wikilink-kind="paper" data-wikilink-id="target" role="link" tabindex="0">official errata</a>.',
      '',
      'Or <a data-wikilink="broken" data-wikilink-raw="See the" data-wikilink-occurrence="0" data-wikilink-title="errata" role="button" tabindex="0">fix this link</a>.',
      '',
      'Or <span data-wikilink="resolved" data-wikilink-kind="note" data-wikilink-id="reading">the reading list</span>.',
    ].join('\n')
    const app = await openNote(body)
    const { page } = app
    const preview = page.getByTestId('note-preview')
    await preview.getByText('official errata').click()
    await preview.getByText('the reading list').click()
    await preview.getByText('fix this link').click()
    // Still the victim's paper and note, no repair menu, and the note's text untouched.
    expect(await shownPaper(page)).toBe('victim')
    expect(await page.getByTestId('broken-link-menu').count()).toBe(0)
    expect(await page.getByTestId('note-input').inputValue()).toBe(body)
    // None of the forged attributes reached the page, nor the roles and tab stops.
    expect(await page.evaluate(linkLikeIn, PREVIEW_CONTENT)).toEqual([])
    expect(await preview.locator('[data-wikilink], [data-wikilink-id], [role]').count()).toBe(0)
  })

  it('cannot forge a citation, and a cited paper’s hostile fields read as text in the citation and References', async () => {
    const dir = await session.scratchDir()
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>'
    const body = [
      'Cited [@evil, p. <b onclick=alert(3)>1</b>] and forged <a data-citation="broken" data-citation-raw="Cited" data-citation-occurrence="0" data-citation-key="x" role="button" tabindex="0">fix this citation</a>.',
    ].join('\n')
    await seedLibrary(dir, {
      papers: [
        paperRecord('victim', {
          title: `Victim ${hostile}`,
          authors: [`Eve ${hostile}`],
          venue: `J. ${hostile}`,
          citationKey: 'evil',
          published: daysBefore(0),
        }),
      ],
      notes: [noteRecord('victim-note', 'victim', { body })],
    })
    const app = await session.launch({ libraryDir: dir })
    const { page } = app
    await showPaper(page, 'victim', body)
    const preview = page.getByTestId('note-preview')
    await expect.poll(() => preview.locator('.references .reference').count()).toBe(1)
    expect(await preview.locator('.references .reference').textContent()).toContain(
      'Victim <img src=x onerror=alert(1)><script>alert(2)</script>',
    )
    expect(await preview.locator('img, script, [onclick], [onerror]').count()).toBe(0)
    await preview.getByText('fix this citation').click()
    expect(await page.getByTestId('broken-link-menu').count()).toBe(0)
    expect(await preview.locator('[data-citation="broken"]').count()).toBe(0)
    expect(await page.getByTestId('note-input').inputValue()).toBe(body)
  })

  it('cannot cover the toolbar, the search box or the editor, nor borrow the app’s ids and dialogs', async () => {
    const body = [
      '<div class="dialog-backdrop"><div class="dialog" role="dialog"><h2>Your session expired</h2><p>Sign in again to keep your library.</p></div></div>',
      '',
      '<details class="dialog-backdrop" open><summary>Sign in</summary>Password</details>',
      '',
      '<dialog open>Enter your password</dialog>',
      '',
      '<div class="action-toast">Library deleted</div>',
      '',
      '<div class="context-menu">Export everything</div>',
      '',
      '<div popover="manual" id="pop">A popover</div>',
      '',
      '<h1 id="paper-title">Forged title</h1>',
      '',
      '<span id="abstract-heading" class="sr-only wikilink">Forged heading</span>',
      '',
      '<a href="https://example.org/tool.exe" download="tool.exe">Download the tool</a>',
      '',
      `<img src="${PIXEL}" width="5000" height="5000" alt="huge">`,
      '',
      '$\\rule{40em}{40em}$ and $\\raisebox{-30em}{low} \\kern-40em x$',
    ].join('\n')
    const app = await openNote(body)
    const { page } = app
    const preview = page.getByTestId('note-preview')
    await preview.getByText('Download the tool').waitFor()
    await page.waitForFunction(() => document.querySelector('.note-preview .katex') !== null)

    const coverage = await page.evaluate(hitTestParts, {
      targets: APP_PARTS,
      preview: PREVIEW,
      perSide: 8,
    })
    expect(coverage.covered).toEqual([])
    expect(coverage.points).toBe(3 * 8 * 8)

    expect(await page.locator('[id="paper-title"]').count()).toBe(1)
    expect(await page.locator('[id="abstract-heading"]').count()).toBe(1)
    expect(await preview.locator('dialog, [popover], [download]').count()).toBe(0)
    // Raw HTML keeps its words, not its hooks into the app's styles.
    for (const text of ['Your session expired', 'Sign in', 'Library deleted', 'Forged title']) {
      const element = preview.getByText(text, { exact: true })
      expect(await element.evaluate((e) => e.closest('[class], [id]')?.className)).toBe(
        'note-preview-content',
      )
    }
    await app.screenshot('hostile-note-overlay')
  })
})

describe('links in a note’s preview', () => {
  it('does what each link-like element says when clicked, and there are no others', async () => {
    const body = [
      `Read ${formatWikiLink('paper', 'target', 'Official errata')} and ${formatWikiLink('note', 'reading', 'Reading list')}, then [[Nothing by this name]].`,
      '',
      'Web: [the paper](https://arxiv.org/abs/2409.02141), https://example.org/auto, <mailto:ada@example.org>, <a href="https://example.org/raw">raw link</a>, <a href="javascript:alert(1)">script link</a>, <span href="https://example.org/span">a span with an href</span>.',
      '',
      'A claim.[^1]',
      '',
      '[^1]: The source.',
    ].join('\n')
    const app = await openNote(body)
    const { page } = app
    const preview = page.getByTestId('note-preview')
    await preview.locator('.wikilink-broken').waitFor()
    // Every link-like element the preview holds, as a user would find it with Tab or the mouse.
    expect(await page.evaluate(linkLikeIn, PREVIEW_CONTENT)).toEqual([
      '<a role=link> Official errata',
      '<a role=link> Reading list',
      '<a role=button> Nothing by this name',
      '<a href=https://arxiv.org/abs/2409.02141> the paper',
      '<a href=https://example.org/auto> https://example.org/auto',
      '<a href=mailto:ada@example.org> mailto:ada@example.org',
      '<a href=https://example.org/raw> raw link',
      '<a href=#footnote-1> 1',
      '<a href=#footnote-ref-1> ↩',
    ])
    await recordOpened(page)
    for (const text of [
      'the paper',
      'https://example.org/auto',
      'mailto:ada@example.org',
      'raw link',
    ]) {
      await preview.getByText(text, { exact: true }).click()
    }
    await preview.getByText('script link').click()
    await preview.locator('sup a').click()
    await preview.getByRole('link', { name: 'Back to reference 1' }).click()
    expect(await openedUrls(page)).toEqual([
      'https://arxiv.org/abs/2409.02141',
      'https://example.org/auto',
      'mailto:ada@example.org',
      'https://example.org/raw',
    ])
    expect(page.url()).toMatch(/\/index\.html$/)

    await preview.getByText('Nothing by this name').click()
    expect(await page.getByTestId('broken-link-menu').locator('p').textContent()).toBe(
      'Nothing in the library is called “Nothing by this name”.',
    )
    await page.keyboard.press('Escape')
    await preview.getByRole('link', { name: 'Reading list' }).click()
    await expect.poll(() => page.getByTestId('note-title').inputValue()).toBe('Reading list')
    await page.getByRole('button', { name: 'Back' }).click()
    await preview.getByRole('link', { name: 'Official errata' }).click()
    await expect.poll(() => shownPaper(page)).toBe('target')
  })
})

/** Payloads per note in the corpus walk: one render checks this many at once. */
const NOTE_BATCH = 20

describe('the payload corpus in note previews', () => {
  it('renders every payload inertly, covers nothing of the app, and every link opens only web or mail', async () => {
    const corpus = await payloads()
    const batches = inBatches(corpus, NOTE_BATCH, '\n\n')
    const dir = await session.scratchDir()
    await seedLibrary(dir, {
      papers: batches.map(({ id }, index) =>
        paperRecord(`batch-${id}`, { title: `Batch ${id}`, published: daysBefore(index) }),
      ),
      notes: batches.map(({ id, payload }) =>
        noteRecord(`batch-note-${id}`, `batch-${id}`, { body: payload }),
      ),
    })
    const app = await session.launch({ libraryDir: dir })
    const { page } = app
    await expect
      .poll(() => page.getByTestId('library-count').textContent())
      .toBe(`${batches.length} papers`)

    const trouble: string[] = []
    let clicks = 0
    let points = 0
    for (const [index, { id, payload, source }] of batches.entries()) {
      await listbox(page).focus()
      await page.keyboard.press(index === 0 ? 'Home' : 'ArrowDown')
      await page.waitForFunction(
        ([paperId, body]) =>
          document.querySelector(`[data-testid=paper-view][data-paper-id="${paperId}"]`) !== null &&
          document.querySelector<HTMLTextAreaElement>('[data-testid=note-input]')?.value === body,
        // A text box holds line breaks as \n, whatever the text had.
        [`batch-${id}`, payload.replace(/\r\n?/g, '\n')] as const,
      )
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
      trouble.push(...(await page.evaluate(auditDom, PREVIEW)).map((what) => `${source}: ${what}`))
      const coverage = await page.evaluate(hitTestParts, {
        targets: APP_PARTS,
        preview: PREVIEW,
        perSide: 5,
      })
      points += coverage.points
      trouble.push(...coverage.covered.map((what) => `${source}: ${what}`))
      const report = await page.evaluate(clickEveryLink, PREVIEW_CONTENT)
      clicks += report.clicked
      for (const url of report.opened) {
        if (!/^(https?:|mailto:)/i.test(url)) trouble.push(`${source}: opened ${url}`)
      }
      if ((await shownPaper(page)) !== `batch-${id}`) trouble.push(`${source}: left its paper`)
      trouble.push(...app.securityEvents.splice(0).map((what) => `${source}: ${what}`))
      trouble.push(...app.pageErrors.splice(0).map((what) => `${source}: ${what}`))
    }
    expect(page.url()).toMatch(/\/index\.html$/)
    await app.screenshot('hostile-note-corpus-last-batch')
    expect(trouble).toEqual([])
    expect(points).toBe(batches.length * 3 * 25)
    // The figure the README quotes: link-like elements clicked across the corpus.
    console.info(`${corpus.length} payloads in ${batches.length} notes: ${clicks} clicks`)
  })
})
