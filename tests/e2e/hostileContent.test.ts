// Hostile content in every field a user can see, through the real UI in
// Chromium: the payloads of tests/fixtures/xss-payloads.json, a batch of them
// at a time, are placed in every visible field of one paper (and its note),
// and the test walks the list paper by paper. Nothing may run (no dialog, no
// canary call, no CSP violation, no console error), nothing may load from
// outside the app, the page must not navigate, and no executable element,
// event handler or javascript:/data: link may survive in the DOM.
import { describe, expect, it } from 'vitest'
import { MAX_QUERY_CHARS } from '../../src/shared/api/limits'
import { dropFile } from './harness/dropFile'
import { auditDom } from './harness/domAudit'
import { appSession } from './harness/appSession'
import { FIELDS, seedHostileLibrary } from './harness/hostileLibrary'
import type { RunningApp } from './harness/launchApp'
import { listbox } from './harness/paperList'
import { inBatches, payloads, type Payload } from './harness/payloads'

/** Rendering megabytes or hundreds of papers takes a while on a busy machine. */
const SLOW = { timeout: 20_000 }

/**
 * Payloads a page shows at once: each field holds a batch, so the walk renders
 * a page per batch rather than per payload (the corpus has well over a thousand).
 */
const BATCH = 8
/** Batches of payloads as the fields hold them: blocks of a note, words of a title. */
async function batches(separator = '\n\n'): Promise<Payload[]> {
  return inBatches(await payloads(), BATCH, separator)
}
/** A walk over the whole corpus takes minutes when the two cores are shared. */
const WALK = 300_000

const WHOLE_WINDOW = 'body'
/** The search box with its count, the list with its highlights, and the paper shown. */
const SEARCH_PARTS = '[role=search], [data-testid=paper-list], .pane-paper'
/** The parts of the window that change when another paper is selected. */
const CHANGING_PARTS = '[data-testid=paper-list], .pane-paper, .pane-notes'

const session = appSession()

/** Everything that went wrong since the last call, labelled with the payload being shown. */
function newTrouble(running: RunningApp, seen: { count: number }, label: string): string[] {
  const all = [...running.foreignRequests, ...running.pageErrors, ...running.securityEvents]
  const fresh = all.slice(seen.count).map((what) => `${label}: ${what}`)
  seen.count = all.length
  return fresh
}

/** Waits until the paper `paperId` and its note (holding `noteBody`) are on screen. */
async function waitForPaper(running: RunningApp, paperId: string, noteBody: string): Promise<void> {
  await running.page.waitForFunction(
    ([id, body]) =>
      document.querySelector(`[data-testid=paper-view][data-paper-id="${id}"]`) !== null &&
      document.querySelector<HTMLTextAreaElement>('[data-testid=note-input]')?.value === body,
    // A text box holds line breaks as \n, whatever the text had.
    [paperId, noteBody.replace(/\r\n?/g, '\n')] as const,
    SLOW,
  )
}

/**
 * Which of `selectors` match nothing once the parts that load on their own
 * (links, related papers) had their moment; at least a frame passes, so
 * anything a payload set in motion runs first.
 */
async function missingOnceLoaded(running: RunningApp, selectors: string[]): Promise<string[]> {
  const { page } = running
  const allThere = (wanted: string[]) =>
    wanted.every((selector) => document.querySelector(selector) !== null)
  await page.waitForFunction(allThere, selectors, { timeout: 5000, polling: 'raf' }).catch(() => {})
  return page.evaluate(async (wanted) => {
    await new Promise((resolve) => requestAnimationFrame(resolve))
    return wanted.filter((selector) => document.querySelector(selector) === null)
  }, selectors)
}

/**
 * Drops `content` as a file named `fileName` on the window, confirms the
 * preview, then selects every imported paper in turn and audits the window:
 * nothing may run, load, navigate or survive as markup. Returns how many
 * papers were added.
 */
async function importAndWalk(app: RunningApp, fileName: string, content: string): Promise<number> {
  const { page } = app
  await dropFile(page, fileName, content)
  // More than a handful of entries: the preview asks first (its text is inert too).
  const confirm = page.getByTestId('import-confirm')
  await confirm.waitFor(SLOW)
  const trouble: string[] = [
    ...(await page.evaluate(auditDom, WHOLE_WINDOW)).map((what) => `preview: ${what}`),
  ]
  await confirm.click()
  const status = page.getByTestId('import-status')
  await expect.poll(() => status.textContent(), SLOW).toContain(`Imported ${fileName}:`)
  const added = Number((await page.getByTestId('import-added').textContent())?.split(' ')[0])
  // The skipped entries' reasons quote what the file said: shown as text too.
  if ((await status.locator('details').count()) > 0) await status.locator('summary').click()

  trouble.push(...(await page.evaluate(auditDom, WHOLE_WINDOW)))
  const seen = { count: 0 }
  trouble.push(...newTrouble(app, seen, 'import report'))
  await listbox(page).focus()
  await page.keyboard.press('Home')
  let previous = ''
  for (let row = 0; row < added; row++) {
    if (row > 0) await page.keyboard.press('ArrowDown')
    const view = page.locator('[data-testid=paper-view]')
    await expect.poll(() => view.getAttribute('data-paper-id'), SLOW).not.toBe(previous)
    previous = (await view.getAttribute('data-paper-id')) ?? ''
    const audit = await page.evaluate(auditDom, CHANGING_PARTS)
    trouble.push(...audit.map((what) => `row ${row}: ${what}`))
    trouble.push(...newTrouble(app, seen, `row ${row}`))
  }
  expect(page.url()).toMatch(/\/index\.html$/)
  trouble.push(
    ...(await page.evaluate(auditDom, WHOLE_WINDOW)).map((what) => `whole window: ${what}`),
  )
  await app.screenshot(`hostile-content-imported-${fileName.split('.').at(-1) ?? 'file'}`)
  expect(trouble).toEqual([])
  return added
}

describe('hostile content', () => {
  it(
    'shows every payload in every visible field as inert text',
    async () => {
      expect((await payloads()).length).toBeGreaterThanOrEqual(1400)
      const corpus = await batches()
      const dir = await session.scratchDir()
      const placements = await seedHostileLibrary(dir, corpus)

      const app = await session.launch({ libraryDir: dir })
      const { page } = app
      await expect
        .poll(() => page.getByTestId('library-count').textContent(), SLOW)
        .toBe(`${corpus.length} papers`)
      await listbox(page).focus()
      await page.keyboard.press('Home')

      const trouble: string[] = []
      const seen = { count: 0 }
      let fieldsChecked = 0
      for (const [index, { id, category, payload }] of corpus.entries()) {
        const label = `payload ${id} (${category})`
        if (index > 0) await page.keyboard.press('ArrowDown')
        await waitForPaper(app, `xss-${id}`, placements[index]?.note.body ?? '')
        const missing = await missingOnceLoaded(
          app,
          FIELDS.map((field) => field.shownIn),
        )
        for (const field of FIELDS) {
          if (missing.includes(field.shownIn)) trouble.push(`${label}: ${field.name} not shown`)
          else fieldsChecked++
        }
        // Plain fields are text: the title shows the payload's characters themselves
        // (unless it has math or \textbf-style runs, which are typeset).
        const title = (await page.locator('#paper-title').textContent()) ?? ''
        const typeset = payload.includes('$') || payload.includes('\\')
        if (!typeset && !title.startsWith(payload.slice(0, 200))) {
          trouble.push(`${label}: title not shown as text`)
        }
        // What changes from one paper to the next: the list, the paper and its note.
        const audit = await page.evaluate(auditDom, CHANGING_PARTS)
        trouble.push(...audit.map((what) => `${label}: ${what}`))
        trouble.push(...newTrouble(app, seen, label))
      }
      expect(page.url()).toMatch(/\/index\.html$/)
      // The whole window, the sidebar's collections and tags included.
      trouble.push(
        ...(await page.evaluate(auditDom, WHOLE_WINDOW)).map((what) => `whole window: ${what}`),
      )
      await app.screenshot('hostile-content-last-payload')
      expect(trouble).toEqual([])
      expect(fieldsChecked).toBe(corpus.length * FIELDS.length)
    },
    WALK,
  )

  it(
    'searches for every payload, showing the query, the count and the highlights inertly',
    async () => {
      // As many payloads a query as fit in one (a longer payload is a query of its own,
      // cut at the limit), so every payload is typed.
      const corpus = inBatches(await payloads(), Infinity, ' ', MAX_QUERY_CHARS)
      const dir = await session.scratchDir()
      await seedHostileLibrary(dir, corpus)
      const app = await session.launch({ libraryDir: dir })
      const { page } = app
      await expect
        .poll(() => page.getByTestId('library-count').textContent(), SLOW)
        .toBe(`${corpus.length} papers`)
      const box = page.getByTestId('search-input')
      const trouble: string[] = []
      const seen = { count: 0 }
      let answered = 0
      let cutAtLimit = 0
      for (const { id, category, payload } of corpus) {
        const label = `query ${id} (${category})`
        await box.fill(payload)
        // The query is answered: a count, or a message that nothing matches.
        await page.waitForFunction(
          () =>
            document.querySelector('[data-testid=search-count]') !== null ||
            document.querySelector('[data-testid=paper-list-empty]') !== null,
          undefined,
          SLOW,
        )
        // The box holds the query as text (a one-line field does its own thing with line
        // breaks, and stops at the length a query may have).
        const value = await box.inputValue()
        const shown = value.replace(/\s/g, '')
        if (!payload.replace(/\s/g, '').startsWith(shown) || shown === '') {
          trouble.push(`${label}: query not shown`)
        }
        if (payload.replace(/[\r\n]/g, '').length > MAX_QUERY_CHARS) {
          if (value.length === MAX_QUERY_CHARS) cutAtLimit++
          else trouble.push(`${label}: query of ${value.length} characters, not cut at the limit`)
        }
        answered++
        const audit = await page.evaluate(auditDom, SEARCH_PARTS)
        trouble.push(...audit.map((what) => `${label}: ${what}`))
        trouble.push(...newTrouble(app, seen, label))
      }
      // Some batches are longer than a query may be: the box stopped at the limit.
      expect(cutAtLimit).toBeGreaterThan(0)
      expect(page.url()).toMatch(/\/index\.html$/)
      await app.screenshot('hostile-content-search')
      expect(trouble).toEqual([])
      expect(answered).toBe(corpus.length)
    },
    WALK,
  )

  it(
    'imports a listing made of payloads, named by one, and shows it inertly',
    async () => {
      const corpus = await batches('\n')
      const app = await session.launch()
      // Each payload as a title (on one line, as a listing has it), an abstract
      // and, when short enough, an organization; URLs in it become links.
      const blocks = corpus.map(({ id, payload }) => {
        const line = payload.replace(/\s+/g, ' ').trim()
        const title = `Paper ${id}: ${line}`.slice(0, 290)
        const abstract = `Abstract ${id}: ${payload.replace(/\n\s*\n/g, '\n')} The end.`
        const organization =
          line.split(' ').length <= 6 && line.length <= 70 ? `org ${line}` : '  • 3 authors'
        return [
          title,
          '',
          abstract,
          '',
          organization,
          '·',
          `Jan ${(id % 28) + 1}, 2026 ${id}`,
          '',
        ].join('\n')
      })
      // NUL would make the file binary (and refused): the one character a listing cannot hold.
      const listing = ['Daily Papers', '', ...blocks].join('\n').replaceAll('\u0000', '')
      const added = await importAndWalk(app, '<img src=x onerror=__xss("file name")>.txt', listing)
      expect(added).toBeGreaterThanOrEqual(150)
    },
    WALK,
  )

  it(
    'imports BibTeX made of payloads (every field the paper pane shows) and shows it inertly',
    async () => {
      const corpus = await batches(' ')
      const app = await session.launch()
      // Every field the importer keeps; a payload that breaks BibTeX's braces is
      // skipped, with a reason quoting it (shown inertly in the report).
      const entries = corpus.map(({ id, payload }) => {
        const value = payload.replaceAll('\u0000', '')
        const fields = {
          title: `Paper ${id}: ${value}`,
          author: `${value} and Lovelace, Ada`,
          abstract: `Abstract ${id}: ${value}`,
          journal: value,
          publisher: value,
          volume: value.slice(0, 40),
          keywords: value,
          url: `https://example.org/${id}?q=${value}`,
          doi: `10.1234/xss.${id}`,
          year: '2025',
        }
        const body = Object.entries(fields)
          .map(([name, text]) => `  ${name} = {${text}}`)
          .join(',\n')
        return `@article{xss${id},\n${body}\n}`
      })
      const added = await importAndWalk(
        app,
        'payloads"><svg onload=__xss(1)>.bib',
        entries.join('\n\n'),
      )
      expect(added).toBeGreaterThanOrEqual(100)
    },
    WALK,
  )

  it(
    'imports RIS made of payloads and shows it inertly',
    async () => {
      const corpus = await batches(' ')
      const app = await session.launch()
      const entries = corpus.map(({ id, payload }) => {
        // RIS is one value per line.
        const value = payload.replaceAll('\u0000', '').replace(/\s+/g, ' ').trim()
        return [
          'TY  - JOUR',
          `TI  - Paper ${id}: ${value}`,
          `AU  - ${value}`,
          `AB  - Abstract ${id}: ${value}`,
          `JO  - ${value}`,
          `PB  - ${value}`,
          `KW  - ${value}`,
          `UR  - ${value}`,
          `DO  - 10.1234/xss.${id}`,
          'PY  - 2025',
          'ER  - ',
        ].join('\n')
      })
      const added = await importAndWalk(app, 'payloads.ris', entries.join('\n\n'))
      expect(added).toBe(corpus.length)
    },
    WALK,
  )

  it('finds what it looks for: the audit reports planted handlers, links and elements', async () => {
    const app = await session.launch()
    const { page } = app
    await page.getByTestId('welcome').waitFor()
    // Planted straight into the DOM, past the app and its sanitizer.
    await page.evaluate(() => {
      const holder = document.createElement('div')
      holder.setAttribute('data-testid', 'planted')
      const image = document.createElement('img')
      image.setAttribute('onerror', 'void 0')
      const link = document.createElement('a')
      link.setAttribute('href', ' JaVa\tScript:void 0')
      const frame = document.createElement('iframe')
      const pixel = document.createElement('img')
      pixel.setAttribute('src', 'data:text/html,x')
      holder.append(link, frame, pixel)
      holder.append(image)
      document.body.append(holder)
    })
    const found = await page.evaluate(auditDom, WHOLE_WINDOW)
    expect(found).toEqual(
      expect.arrayContaining([
        'element <iframe> in planted',
        'handler onerror on <img> in planted',
        'href=" JaVa\tScript:void 0" on <a> in planted',
        'src="data:text/html,x" on <img> in planted',
      ]),
    )
    // The planted iframe and image would load; the CSP refuses, and says so.
    app.securityEvents.splice(0)
    app.pageErrors.splice(0)
  })
})

describe('the Content-Security-Policy', () => {
  it('blocks script injected into the live page even when no sanitizer stands in the way', async () => {
    const app = await session.launch()
    const { page } = app
    await page.getByTestId('welcome').waitFor()
    const outcome = await page.evaluate(async () => {
      const violations: string[] = []
      document.addEventListener('securitypolicyviolation', (event) =>
        violations.push(event.violatedDirective),
      )
      const ran: string[] = []
      Object.assign(window, { __ran: (what: string) => ran.push(what) })
      // An inline <script> element appended straight to the DOM.
      const script = document.createElement('script')
      script.textContent = '__ran("inline script")'
      document.body.append(script)
      // Markup set with innerHTML, bypassing DOMPurify: an inline handler.
      const holder = document.createElement('div')
      holder.innerHTML =
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="__ran(\'handler\')">'
      document.body.append(holder)
      // Remote content of each kind.
      const remote = document.createElement('img')
      remote.src = 'https://evil.example/pixel.png'
      document.body.append(remote)
      const fetched = await fetch('https://evil.example/steal').then(
        () => 'fetched',
        () => 'refused',
      )
      // No clock to wait on: the events themselves. The image with the handler has
      // loaded (so its handler had its chance), and the four refusals were reported.
      const image = holder.querySelector('img')
      if (image !== null && !image.complete) {
        await new Promise((resolve) => {
          image.addEventListener('load', resolve, { once: true })
          image.addEventListener('error', resolve, { once: true })
        })
      }
      const expected = ['connect-src', 'img-src', 'script-src-attr', 'script-src-elem']
      while (!expected.every((directive) => violations.includes(directive))) {
        await new Promise((resolve) => requestAnimationFrame(resolve))
      }
      return { ran, violations: [...new Set(violations)].sort(), fetched }
    })
    expect(outcome.ran).toEqual([])
    expect(outcome.fetched).toBe('refused')
    expect(outcome.violations).toEqual(
      expect.arrayContaining(['connect-src', 'img-src', 'script-src-attr', 'script-src-elem']),
    )
    // The CSP stopped the requests before they left: none reached the network.
    expect(app.foreignRequests).toEqual([])
    expect(app.securityEvents.every((event) => event.startsWith('csp: '))).toBe(true)
    expect(app.securityEvents.length).toBeGreaterThanOrEqual(4)
    // Chromium logs each refusal as a console error; they are the expected ones.
    expect(app.pageErrors.every((error) => /Content Security Policy|Refused to/.test(error))).toBe(
      true,
    )
    app.securityEvents.splice(0)
    app.pageErrors.splice(0)
  })
})
