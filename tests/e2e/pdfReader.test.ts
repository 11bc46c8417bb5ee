// The PDF reader end to end, in Chromium over the real core: a real paper's
// PDF attached to a paper, opened in the paper's column, found in, selected,
// highlighted, commented, quoted into the paper's note with a link that opens
// the PDF at that spot again; dark pages; the last position kept per PDF.
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { makePdf } from '../support/pdfFixtures'
import type { Highlight } from '../../src/shared/model'
import { appSession } from './harness/appSession'
import { expectAccessible } from './harness/axe'
import { listbox, scrollToRow } from './harness/paperList'
import {
  PAPER_PDF,
  TOOLRL,
  importListing,
  openPaper,
  readPdfOfToolRl,
  readerReady,
} from './harness/pdfReader'

const session = appSession()

/**
 * Drags the mouse across the first page's text from the span starting `from` to
 * the end of the one ending `to`. A drag that pdf.js's text layer read as a longer
 * selection (its end-of-content area can catch a fast drag) is let go and done
 * again, as a person would: the test waits on what is selected, never on time.
 */
async function selectText(page: Page, from: string, to: string): Promise<void> {
  const spans = page.locator('.page[data-page-number="1"] .textLayer span')
  const selected = () =>
    page.evaluate(() => (window.getSelection()?.toString() ?? '').replace(/\s+/g, ' ').trim())
  for (let attempt = 0; attempt < 3; attempt++) {
    const start = await spans.filter({ hasText: from }).first().boundingBox()
    const end = await spans.filter({ hasText: to }).first().boundingBox()
    if (start === null || end === null) throw new Error('the words are not on screen')
    await page.mouse.move(start.x + 1, start.y + start.height / 2)
    await page.mouse.down()
    await page.mouse.move(end.x + end.width - 1, end.y + end.height / 2, { steps: 8 })
    await page.mouse.up()
    const text = await selected()
    if (text.startsWith(from) && text.endsWith(to)) return
    await page.evaluate(() => window.getSelection()?.removeAllRanges())
  }
  throw new Error(`could not select "${from} … ${to}": got "${await selected()}"`)
}

async function goToPage(page: Page, number: number): Promise<void> {
  await page.getByTestId('pdf-page').fill(String(number))
  await page.getByTestId('pdf-page').press('Enter')
  await expect.poll(() => page.getByTestId('pdf-page').inputValue()).toBe(String(number))
}

describe('the PDF reader', () => {
  it('opens an attached paper at fit width and finds a word that is only in the PDF', async () => {
    const app = await session.launch()
    const { page } = app
    // pdf.js's stylesheet names some classes as the window does (.toggle-button,
    // .sidebar, .dialog): opening a PDF must not restyle the toolbar or the sidebar.
    const chrome = () =>
      page.evaluate(() => {
        const toggle = document.querySelector('[aria-label="Panes"] button')
        const sidebar = document.querySelector('.sidebar')
        return {
          toggleWidth: toggle?.getBoundingClientRect().width,
          toggleFont: toggle === null ? undefined : getComputedStyle(toggle).fontSize,
          sidebarBorder: sidebar === null ? undefined : getComputedStyle(sidebar).borderTopWidth,
          sidebarShadow: sidebar === null ? undefined : getComputedStyle(sidebar).boxShadow,
        }
      })
    await page.getByRole('group', { name: 'Panes' }).getByRole('button').first().waitFor()
    const before = await chrome()
    expect(before.toggleWidth).toBeGreaterThan(40)
    const paperId = await readPdfOfToolRl(page)
    expect(await chrome()).toEqual(before)
    expect(await page.getByTestId('pdf-page-count').textContent()).toBe('of 14')
    expect(await page.getByTestId('pdf-zoom').inputValue()).toBe('page-width')
    await app.screenshot('pdf-reader-open')

    // A highlight running from the foot of page 1 onto the head of page 2 is drawn on both.
    const attachments = await app.dispatch('listAttachments', { paperId })
    const [attachment] = (attachments.ok ? attachments.value : []) as { id: string }[]
    const made = await app.dispatch('createHighlight', {
      paperId,
      attachmentId: attachment?.id,
      position: { pageIndex: 0, rects: [[72, 80, 300, 92]], nextPageRects: [[72, 700, 300, 712]] },
      text: 'the last line of page 1 and the first of page 2',
      color: 'purple',
    })
    const id = made.ok ? (made.value as Highlight).id : ''
    await goToPage(page, 2)
    for (const number of [1, 2]) {
      await expect
        .poll(() =>
          page.locator(`.page[data-page-number="${number}"] [data-highlight-id="${id}"]`).count(),
        )
        .toBe(1)
    }
    await app.screenshot('pdf-highlight-two-pages')

    await page.getByTestId('pdf-find').fill('TraceMonkey')
    await expect.poll(() => page.getByTestId('pdf-find-count').textContent()).toMatch(/^1 of \d+$/)
    await app.screenshot('pdf-reader-find')
  })

  it('highlights a selection, comments it, quotes it in the note, and the link opens the PDF there again', async () => {
    const app = await session.launch()
    const { page } = app
    const paperId = await readPdfOfToolRl(page)

    // The paper's title line on page 1, selected with the mouse: the colours are offered.
    await selectText(page, 'Trace-based', 'Languages')
    await expect.poll(() => page.getByTestId('pdf-selection-menu').isVisible()).toBe(true)
    await app.screenshot('pdf-selection')
    await page.getByTestId('pdf-selection-menu').getByRole('button', { name: 'yellow (1)' }).click()

    // The highlight is drawn over the words (the title's two lines), chosen, and stored
    // with its page, one rectangle per line, and its words.
    await expect.poll(() => page.locator('.offprint-highlight.selected').count()).toBe(2)
    const answer = await app.dispatch('listHighlights', { paperId })
    const [stored] = (answer.ok ? answer.value : []) as Highlight[]
    expect(stored?.text).toBe('Trace-based Just-in-Time Type Specialization for Dynamic Languages')
    expect(stored?.color).toBe('yellow')
    expect(stored?.position.pageIndex).toBe(0)
    expect(stored?.position.rects).toHaveLength(2)
    // Made, it is one undo step, said at the bottom of the window with Undo at hand.
    const toast = page.getByTestId('action-status')
    await expect.poll(() => toast.locator('.action-text').textContent()).toBe('Highlight on p. 1')
    expect(await toast.getByRole('button', { name: 'Undo' }).isVisible()).toBe(true)

    // A comment, then "Quote in note": the note gets the quote, its link, the comment.
    await page
      .getByTestId('highlight-comment')
      .fill('The paper that introduced tracing JITs to JavaScript.')
    await page.getByTestId('highlight-to-note').click()
    const quote =
      `> Trace-based Just-in-Time Type Specialization for Dynamic Languages ` +
      `([[paper:${paperId}#hl=${stored?.id}|p. 1]])\n\nThe paper that introduced tracing JITs to JavaScript.\n`
    await expect.poll(() => page.getByTestId('note-input').inputValue()).toBe(quote)
    await expect.poll(() => page.getByTestId('save-indicator').textContent()).toBe('Saved')
    const link = page.getByTestId('note-preview').getByRole('link', { name: 'p. 1' })
    await expect.poll(() => link.isVisible()).toBe(true)
    // For the README's picture: the import's banner dismissed, the text extraction done.
    await page.getByTestId('import-status').getByRole('button', { name: 'Dismiss' }).click()
    await expect.poll(() => page.getByText('Reading PDFs').count()).toBe(0)
    await app.screenshot('pdf-highlight-and-note')

    // Away from the PDF (page 9, then back to the paper), the link brings it back at the highlight.
    await goToPage(page, 9)
    await page.getByTestId('pdf-close').click()
    await expect.poll(() => page.getByTestId('paper-pdf').isVisible()).toBe(true)
    expect(await page.getByTestId('highlight-list').textContent()).toContain(
      'p. 1Trace-based Just-in-Time Type Specialization for Dynamic Languages',
    )
    await link.click()
    await readerReady(page)
    await expect.poll(() => page.getByTestId('pdf-page').inputValue()).toBe('1')
    const mark = page.locator('.offprint-highlight.selected').first()
    await expect.poll(() => mark.isVisible()).toBe(true)
    // In view: within the pages' visible height.
    await expect
      .poll(async () => {
        const box = await mark.boundingBox()
        const pages = await page.getByTestId('pdf-pages').boundingBox()
        return box !== null && pages !== null && box.y >= pages.y && box.y < pages.y + pages.height
      })
      .toBe(true)

    // Dark pages: the drawn pages are inverted, the highlight keeps its colour.
    await page.getByTestId('pdf-dark').click()
    await expect
      .poll(() =>
        page
          .locator('.page[data-page-number="1"] .canvasWrapper')
          .evaluate((wrapper) => getComputedStyle(wrapper).filter),
      )
      .toBe('invert(0.92) hue-rotate(180deg)')
    expect(await mark.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
      'rgb(255, 212, 0)',
    )
    await app.screenshot('pdf-dark-pages')
    // The reader, its toolbar and the chosen highlight pass axe-core.
    await expectAccessible(page, 'the PDF reader')
  })

  it('comes back to where it was left in each PDF', async () => {
    const app = await session.launch()
    const { page } = app
    await readPdfOfToolRl(page)
    await page.getByTestId('pdf-zoom').selectOption('1.5')
    await goToPage(page, 6)
    await page.getByTestId('pdf-close').click()
    await page.getByTestId('open-pdf').click()
    await expect.poll(() => page.getByTestId('pdf-reader').getAttribute('data-ready')).toBe('true')
    await expect.poll(() => page.getByTestId('pdf-page').inputValue()).toBe('6')
    expect(await page.getByTestId('pdf-zoom').inputValue()).toBe('1.5')

    // A page gone to the moment before closing (Enter and the close in one go, before pdf.js
    // has had a frame to say where the reader is) is where it opens again too.
    await page.getByTestId('pdf-page').fill('3')
    await page.evaluate(() => {
      const input = document.querySelector('[data-testid="pdf-page"]')
      const close = document.querySelector<HTMLButtonElement>('[data-testid="pdf-close"]')
      input?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
      close?.click()
    })
    await expect.poll(() => page.getByTestId('pdf-reader').count()).toBe(0)
    await page.getByTestId('open-pdf').click()
    await expect.poll(() => page.getByTestId('pdf-reader').getAttribute('data-ready')).toBe('true')
    await expect.poll(() => page.getByTestId('pdf-page').inputValue()).toBe('3')
  })

  it('finds a word that is only in the PDF from the library search, and opens the PDF at its page', async () => {
    const app = await session.launch()
    const { page } = app
    await readPdfOfToolRl(page)
    await page.getByTestId('pdf-close').click()
    // The PDF's text is extracted in the background, then searchable.
    await expect
      .poll(async () => {
        const status = await app.dispatch('getPdfTextStatus', {})
        return status.ok ? (status.value as { indexed: number }).indexed : -1
      })
      .toBe(1)

    // "SpiderMonkey" is in no title or abstract of the 53 papers: only in the PDF.
    await page.getByTestId('search-input').fill('SpiderMonkey')
    await expect.poll(() => page.getByTestId('search-count').textContent()).toBe('1 match')
    expect(await listbox(page).locator('.paper-row-title').allTextContents()).toEqual([TOOLRL])
    const matches = page.getByTestId('pdf-matches')
    await expect.poll(() => matches.locator('li').count()).toBeGreaterThan(0)
    const first = matches.locator('li').first()
    expect(await first.locator('mark').first().textContent()).toBe('SpiderMonkey')
    const pageLabel = (await first.locator('.highlight-page').textContent()) ?? ''
    await matches.scrollIntoViewIfNeeded()
    await app.screenshot('pdf-search-matches')

    // Its page, with the word found in the reader.
    const pageNumber = pageLabel.replace('p. ', '')
    await first.getByRole('button').click()
    await readerReady(page, Number(pageNumber))
    // The match pdf.js marks as the current one is on that page.
    await expect
      .poll(() =>
        page
          .locator('.textLayer .highlight.selected')
          .first()
          .evaluate((mark) => mark.closest('.page')?.getAttribute('data-page-number')),
      )
      .toBe(pageNumber)
    expect(await page.getByTestId('pdf-find').inputValue()).toBe('SpiderMonkey')
    await expect
      .poll(() => page.getByTestId('pdf-find-count').textContent())
      .toMatch(/^\d+ of \d+$/)
  })

  it('quotes every highlight in page order with "Add all highlights to note", and one with the q key', async () => {
    const app = await session.launch()
    const { page } = app
    const paperId = await readPdfOfToolRl(page)
    const attachments = await app.dispatch('listAttachments', { paperId })
    const [attachment] = (attachments.ok ? attachments.value : []) as { id: string }[]
    // Two highlights made out of page order: page 2 first, then page 1.
    for (const [pageIndex, text, color] of [
      [1, 'A second-page quote', 'blue'],
      [0, 'A first-page quote', 'green'],
    ] as const) {
      const made = await app.dispatch('createHighlight', {
        paperId,
        attachmentId: attachment?.id,
        position: { pageIndex, rects: [[72, 700, 300, 712]] },
        text,
        color,
      })
      expect(made.ok).toBe(true)
    }
    await page.getByTestId('pdf-close').click()
    await expect.poll(() => page.getByTestId('highlight-list').locator('li').count()).toBe(2)
    // The pane lists them in page order.
    expect(
      await page.getByTestId('highlight-list').locator('.highlight-text').allTextContents(),
    ).toEqual(['A first-page quote', 'A second-page quote'])
    await page.getByTestId('all-highlights-to-note').click()
    await expect
      .poll(() => page.getByTestId('note-input').inputValue())
      .toMatch(
        /^> A first-page quote \(\[\[paper:[^\]]+\|p\. 1\]\]\)\n\n> A second-page quote \(\[\[paper:[^\]]+\|p\. 2\]\]\)\n$/,
      )

    // Choosing one (a click opens the PDF at it), then q: it is quoted once more at the end.
    await page.getByTestId('highlight-list').getByRole('button').nth(1).click()
    await readerReady(page, 2)
    await expect.poll(() => page.getByTestId('pdf-page').inputValue()).toBe('2')
    await page.getByTestId('pdf-pages').focus()
    await page.keyboard.press('q')
    await expect
      .poll(() => page.getByTestId('note-input').inputValue())
      .toMatch(/p\. 2\]\]\)\n\n> A second-page quote \(\[\[paper:[^\]]+\|p\. 2\]\]\)\n$/)

    // A new colour, then Undo on the line at the bottom of the window: blue again.
    const toast = page.getByTestId('action-status')
    const said = () => toast.locator('.action-text').textContent()
    const colours = async () => {
      const listed = await app.dispatch('listHighlights', { paperId })
      return ((listed.ok ? listed.value : []) as Highlight[]).map((h) => h.color)
    }
    const editor = page.getByTestId('highlight-editor')
    await editor.getByRole('button', { name: 'red (2)' }).click()
    await expect.poll(said).toBe('Highlight on p. 2 made red')
    expect(await colours()).toEqual(['green', 'red'])
    await toast.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(said).toBe('Undone: Change the colour of the highlight on p. 2')
    expect(await colours()).toEqual(['green', 'blue'])
    // Deleted, then brought back the same way.
    await editor.getByRole('button', { name: 'Delete' }).click()
    await expect.poll(said).toBe('Delete the highlight on p. 2')
    expect(await colours()).toEqual(['green'])
    await toast.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(said).toBe('Undone: Delete the highlight on p. 2')
    expect(await colours()).toEqual(['green', 'blue'])
  })

  it('attaches a PDF dropped on the paper pane to that paper', async () => {
    const app = await session.launch()
    const { page } = app
    await importListing(page)
    await openPaper(page, TOOLRL)
    const bytes = (await readFile(PAPER_PDF)).toString('base64')
    await page.evaluate((base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const transfer = new DataTransfer()
      transfer.items.add(new File([data], 'tracemonkey.pdf', { type: 'application/pdf' }))
      const target = document.querySelector('[data-testid=paper-view] .paper-abstract')
      const init = { dataTransfer: transfer, bubbles: true, cancelable: true }
      target?.dispatchEvent(new DragEvent('dragover', init))
      target?.dispatchEvent(new DragEvent('drop', init))
    }, bytes)
    await readerReady(page)
    expect(await page.getByTestId('pdf-page-count').textContent()).toBe('of 14')
    await page.getByTestId('pdf-close').click()
    await expect
      .poll(() => page.getByTestId('attachment-list').textContent())
      .toBe('tracemonkey.pdf paper · 992 KB · 14 pages')
    // Nothing was imported from the drop: still 53 papers.
    expect(await page.getByTestId('library-count').textContent()).toBe('53 papers')
  })

  it('finds the paper of a PDF dropped on the window by its title, and opens it there', async () => {
    const app = await session.launch()
    const { page } = app
    await importListing(page)
    await openPaper(page, TOOLRL)
    const toolRlId = await page.getByTestId('paper-view').getAttribute('data-paper-id')
    await (
      await scrollToRow(
        page,
        'MIGE: A Unified Framework for Multimodal Instruction-Based Image Generation and Editing',
      )
    ).click()
    // A PDF whose title is a paper of the listing, dropped on the sidebar (no paper pane).
    const bytes = await makePdf({
      title: TOOLRL,
      pages: [[TOOLRL, 'Reward design for tool selection and application.']],
    })
    await page.evaluate((base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const transfer = new DataTransfer()
      transfer.items.add(new File([data], 'toolrl.pdf', { type: 'application/pdf' }))
      const init = { dataTransfer: transfer, bubbles: true, cancelable: true }
      const target = document.querySelector('[data-testid=sidebar]')
      target?.dispatchEvent(new DragEvent('dragover', init))
      target?.dispatchEvent(new DragEvent('drop', init))
    }, Buffer.from(bytes).toString('base64'))
    // ToolRL now has the PDF (its reader was asked for it): selecting the paper shows it.
    await expect
      .poll(async () => {
        const answer = await app.dispatch('listAttachments', { paperId: toolRlId })
        return answer.ok ? (answer.value as { fileName: string }[]).map((a) => a.fileName) : []
      })
      .toEqual(['toolrl.pdf'])
    await (await scrollToRow(page, TOOLRL)).click()
    await expect.poll(() => page.getByTestId('pdf-reader').getAttribute('data-ready')).toBe('true')
    expect(await page.getByTestId('library-count').textContent()).toBe('53 papers')
  })
})
