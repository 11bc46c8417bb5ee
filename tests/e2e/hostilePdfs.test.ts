// The hostile-content suite, PDF cases: PDFs that carry a JavaScript open
// action, a `javascript:` link, a `file:` link, a launch action or a malformed
// object (made by tests/support/pdfFixtures.ts), and a real AcroForm whose
// buttons carry JavaScript actions (tests/fixtures/pdf/js-buttons.pdf), are
// attached, opened in the reader and clicked where their payloads sit. Nothing
// may run (no dialog, no canary call, no CSP violation, no console error — the
// session checks these after each test), nothing may open outside the app, and
// the page must not navigate. A real web link, by contrast, goes to the
// system browser and nowhere else.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { HOSTILE_KINDS, HOSTILE_TEXT, hostilePdf } from '../support/pdfFixtures'
import { appSession } from './harness/appSession'
import { auditDom } from './harness/domAudit'
import { openedUrls, recordOpened } from './harness/openedUrls'
import { TOOLRL, attachPdf, importListing, openPaper } from './harness/pdfReader'

const JS_BUTTONS = fileURLToPath(new URL('../fixtures/pdf/js-buttons.pdf', import.meta.url))
const WEB_LINK = fileURLToPath(
  new URL('../fixtures/pdf/annotation-link-text-popup.pdf', import.meta.url),
)

const session = appSession()

/** ToolRL with `file` attached, the reader open on it (its text drawn or not: a hostile file may have none). */
async function openPaperWithPdf(page: Page, file: string): Promise<void> {
  await importListing(page)
  await openPaper(page, TOOLRL)
  await attachPdf(page, file)
  await expect.poll(() => page.getByTestId('pdf-reader').isVisible()).toBe(true)
}

/** Clicks the middle of every link and form field pdf.js laid over page 1. */
async function clickEveryAnnotation(page: Page): Promise<number> {
  const annotations = page.locator('.page[data-page-number="1"] .annotationLayer section')
  const count = await annotations.count()
  for (let i = 0; i < count; i++) {
    const box = await annotations.nth(i).boundingBox()
    if (box !== null) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  }
  return count
}

describe('hostile PDFs in the reader', () => {
  it('show their page and run none of their payloads', async () => {
    const app = await session.launch()
    const { page } = app
    const dir = await session.scratchDir()
    const files = await Promise.all(
      HOSTILE_KINDS.map(async (kind) => {
        const file = join(dir, `${kind}.pdf`)
        await writeFile(file, await hostilePdf(kind))
        return file
      }),
    )
    await openPaperWithPdf(page, files[0] ?? '')
    await recordOpened(page)
    for (const [index, kind] of HOSTILE_KINDS.entries()) {
      if (index > 0) {
        await page.getByTestId('pdf-close').click()
        await attachPdf(page, files[index] ?? '')
      }
      const reader = page.getByTestId('pdf-reader')
      // Each opens on its own words (the malformed one as far as it can be read).
      await expect
        .poll(() => page.locator('.page[data-page-number="1"] .textLayer').textContent())
        .toContain(HOSTILE_TEXT)
      const text = page.locator('.page[data-page-number="1"] .textLayer span').first()
      const line = await text.boundingBox()
      if (line === null) throw new Error(`${kind}: no text on screen`)
      // Where the link of the link kinds lies: over the first line.
      await page.mouse.click(line.x + 20, line.y + line.height / 2)
      await clickEveryAnnotation(page)
      expect(await reader.getAttribute('data-ready'), kind).toBe('true')
      expect(await openedUrls(page), kind).toEqual([])
      await app.screenshot(`pdf-hostile-${kind}`)
      expect(await page.evaluate(auditDom, '[data-testid=pdf-reader]'), kind).toEqual([])
    }
    // All five are attached to the paper, listed by their names.
    await page.getByTestId('pdf-close').click()
    await expect
      .poll(() => page.getByTestId('attachment-list').locator('li').count())
      .toBe(HOSTILE_KINDS.length)
  })

  it('draw a real form whose buttons carry JavaScript, and clicking them runs nothing', async () => {
    const app = await session.launch()
    const { page } = app
    await openPaperWithPdf(page, JS_BUTTONS)
    await recordOpened(page)
    await expect.poll(() => page.getByTestId('pdf-reader').getAttribute('data-ready')).toBe('true')
    // Forms are drawn, not made into fields: no input of the PDF's reaches the page.
    await expect
      .poll(() => page.locator('.page[data-page-number="1"] .canvasWrapper canvas').count())
      .toBeGreaterThan(0)
    expect(
      await page.locator('.pdf-reader input[type=checkbox], .pdf-reader input[type=radio]').count(),
    ).toBe(0)
    await clickEveryAnnotation(page)
    const box = await page.locator('.page[data-page-number="1"]').boundingBox()
    if (box === null) throw new Error('no page')
    // Clicks across the drawn buttons, where a form's own fields would be.
    for (let y = 0.1; y < 0.9; y += 0.1)
      await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * y)
    expect(await openedUrls(page)).toEqual([])
    await app.screenshot('pdf-hostile-js-buttons')
  })

  it('open a PDF’s web link in the system browser, and only there', async () => {
    const app = await session.launch()
    const { page } = app
    await openPaperWithPdf(page, WEB_LINK)
    await recordOpened(page)
    await expect.poll(() => page.getByTestId('pdf-reader').getAttribute('data-ready')).toBe('true')
    const link = page.locator('.page[data-page-number="1"] .annotationLayer .linkAnnotation a')
    await expect.poll(() => link.count()).toBe(1)
    expect(await link.getAttribute('href')).toBe('http://www.mozilla.org/')
    await link.click()
    expect(await openedUrls(page)).toEqual(['http://www.mozilla.org/'])
  })
})
