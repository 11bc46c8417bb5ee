// Citations end to end, in Chromium over the real core: `[@` inserts a key,
// the preview formats a note citing three papers in APA and then IEEE
// (switched live), a key no paper has reads as broken with "Find paper…",
// the paper pane shows the key, and Quick Copy puts HTML and text on the
// clipboard. Expected strings are the style guides' (see tests/unit/citations.test.ts).
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { runAxe, seriousOnes } from './harness/axe'
import { appSession } from './harness/appSession'
import { scrollToRow } from './harness/paperList'
import { newNote } from './harness/notes'
import { guideBibtex } from '../support/styleGuideExamples'

const session = appSession()

const BIB = guideBibtex('mccauley2019', 'sapolsky2017', 'payne1985')

async function importPapers(page: Page): Promise<void> {
  const dir = await session.scratchDir()
  const file = join(dir, 'guides.bib')
  await writeFile(file, BIB)
  await expect.poll(() => page.getByTestId('welcome').isVisible()).toBe(true)
  // A small file is imported at once, without a preview.
  await page.getByTestId('import-file-input').setInputFiles(file)
  await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('3 papers')
}

describe('citations in notes', () => {
  it('cites three papers with [@, shows APA then IEEE live, and marks a missing key', async () => {
    const app = await session.launch()
    const { page } = app
    await importPapers(page)
    await newNote(page, 'Related work')

    await page.keyboard.type('Language is use [@mcc', { delay: 15 })
    const suggestions = page.getByTestId('citation-suggestions')
    await expect
      .poll(() => suggestions.getByRole('option').first().textContent())
      .toBe(
        '@mccauley2019Language learning as language use: A crosslinguistic model of child language developmentMcCauley and Christiansen, 2019',
      )
    await page.keyboard.press('Enter')
    await page.keyboard.type(', p. 12]. ', { delay: 10 })
    await page.keyboard.type('@sapolsky2017 disagrees; networks came first [@payne1985].', {
      delay: 5,
    })
    const editor = page.getByTestId('note-input')
    expect(await editor.inputValue()).toBe(
      'Language is use [@mccauley2019, p. 12]. @sapolsky2017 disagrees; networks came first [@payne1985].',
    )

    const preview = page.getByTestId('note-preview')
    const citations = preview.locator('[data-citation="resolved"]')
    const references = preview.locator('.references .reference')
    await expect
      .poll(() => citations.allTextContents())
      .toEqual([
        '(McCauley & Christiansen, 2019, p. 12)',
        'Sapolsky (2017)',
        '(Payne & Stern, 1985)',
      ])
    await expect
      .poll(() => references.allTextContents())
      .toEqual([
        'McCauley, S. M., & Christiansen, M. H. (2019). Language learning as language use: A crosslinguistic model of child language development. Psychological Review, 126(1), 1–51. https://doi.org/10.1037/rev0000126',
        'Payne, D. B., & Stern, J. R. (1985). Wavelength-switched passively coupled single-mode optical network. Proc. IOOC-ECOC, 585–590.',
        'Sapolsky, R. M. (2017). Behave: The biology of humans at our best and worst. Penguin Books.',
      ])
    // The journal and volume are in italics, as APA sets them.
    expect(await references.first().locator('i').allTextContents()).toEqual([
      'Psychological Review',
      '126',
    ])
    await app.screenshot('citations-apa')

    await page.getByTestId('citation-style').selectOption('ieee')
    await expect
      .poll(() => citations.allTextContents())
      .toEqual(['[1, p. 12]', 'Sapolsky [2]', '[3]'])
    await expect
      .poll(() => references.allTextContents())
      .toEqual([
        '[1] S. M. McCauley and M. H. Christiansen, “Language learning as language use: A crosslinguistic model of child language development,” Psychological Review, vol. 126, no. 1, pp. 1–51, 2019, doi: 10.1037/rev0000126.',
        '[2] R. M. Sapolsky, Behave: The biology of humans at our best and worst. Penguin Books, 2017.',
        '[3] D. B. Payne and J. R. Stern, “Wavelength-switched passively coupled single-mode optical network,” in Proc. IOOC-ECOC, 1985, pp. 585–590.',
      ])
    await app.screenshot('citations-ieee')
    expect(seriousOnes(await runAxe(page))).toEqual([])

    // A key no paper has: broken, and "Find paper…" points it at one.
    await editor.focus()
    await page.keyboard.press('End')
    await page.keyboard.type(' See also [@nobody2020, p. 3].', { delay: 5 })
    const broken = preview.locator('[data-citation="broken"]')
    await expect.poll(() => broken.allTextContents()).toEqual(['[@nobody2020, p. 3]'])
    await broken.click()
    const picker = page.getByTestId('broken-link-menu')
    await picker.getByRole('combobox').fill('wavelength')
    // Enter takes the first paper found once the search has answered.
    await expect
      .poll(() => picker.getByRole('option').allTextContents())
      .toEqual([expect.stringContaining('Wavelength-switched')])
    await page.keyboard.press('Enter')
    await expect.poll(() => editor.inputValue()).toContain('See also [@payne1985, p. 3].')
    await expect.poll(() => broken.count()).toBe(0)

    // The note as a document, through the same download path as the other exports.
    await expect.poll(() => page.getByTestId('save-indicator').textContent()).toBe('Saved')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-note').selectOption('html'),
    ])
    expect(download.suggestedFilename()).toBe('Related work.html')
    const saved = join(await session.scratchDir(), 'note.html')
    await download.saveAs(saved)
    const html = await readFile(saved, 'utf8')
    expect(html).toContain('<h2>References</h2>')
    expect(html).toContain('networks came first [3]. See also [3, p. 3].')
  })

  it('keeps the line being read in place when the citations above it change', async () => {
    const app = await session.launch()
    const { page } = app
    await importPapers(page)
    await newNote(page, 'Long review')
    // Forty paragraphs of different lengths, each citing all three papers.
    const paragraphs = Array.from(
      { length: 40 },
      (_, i) =>
        `Paragraph ${i}: ${'the argument goes on '.repeat(3 + (i % 7))}[@mccauley2019] and [@sapolsky2017; @payne1985].`,
    )
    await page.getByTestId('note-input').fill(paragraphs.join('\n\n'))
    const preview = page.getByTestId('note-preview')
    const citations = preview.locator('[data-citation="resolved"]')
    await expect.poll(() => citations.count()).toBe(80)
    expect(await citations.nth(0).textContent()).toBe('(McCauley & Christiansen, 2019)')

    // The reader scrolls to paragraph 30 and reads it at the top of the pane.
    const paragraph = preview.locator('.note-preview-content > p').nth(30)
    const below = (): Promise<number> =>
      paragraph.evaluate((element) => {
        const pane = element.closest('[data-testid="note-preview"]')
        const top = pane?.getBoundingClientRect().top ?? 0
        return Math.round(element.getBoundingClientRect().top - top)
      })
    await paragraph.evaluate((element) => element.scrollIntoView({ block: 'start' }))
    // The pane has told the preview where the reader is (scroll events come before the next frame).
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)))
    expect(await paragraph.textContent()).toMatch(/^Paragraph 30: /)
    const reading = await below()

    // IEEE's numbers are far shorter than APA's names: every paragraph above shrinks.
    await page.getByTestId('citation-style').selectOption('ieee')
    await expect.poll(() => citations.nth(0).textContent()).toBe('[1]')
    expect(await paragraph.textContent()).toMatch(/^Paragraph 30: /)
    expect(await below()).toBe(reading)
    await app.screenshot('citations-reading-place')
  })

  it("shows a paper's key in the paper pane and Quick Copy puts the bibliography on the clipboard", async () => {
    const app = await session.launch()
    const { page } = app
    await importPapers(page)
    const row = await scrollToRow(
      page,
      'Wavelength-switched passively coupled single-mode optical network',
    )
    await row.click()
    await expect
      .poll(() => page.getByTestId('paper-citation-key').locator('code').textContent())
      .toBe('payne1985')

    // What the copy puts on the clipboard, read where a paste would read it:
    // after the page's own handler (on the document), as the event reaches the window.
    await page.evaluate(() => {
      const copied: Record<string, string> = {}
      ;(window as unknown as { copied: Record<string, string> }).copied = copied
      window.addEventListener('copy', (event) => {
        copied['text/html'] = event.clipboardData?.getData('text/html') ?? ''
        copied['text/plain'] = event.clipboardData?.getData('text/plain') ?? ''
      })
    })
    await page.getByRole('listbox', { name: 'Papers' }).focus()
    await page.keyboard.press('Control+Shift+C')
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { copied: Record<string, string> }).copied),
      )
      .toEqual({
        'text/plain':
          'Payne, D. B., & Stern, J. R. (1985). Wavelength-switched passively coupled single-mode optical network. Proc. IOOC-ECOC, 585–590.',
        'text/html':
          '<div class="csl-bib-body">\n<div class="csl-entry">Payne, D. B., &#38; Stern, J. R. (1985). Wavelength-switched passively coupled single-mode optical network. <i>Proc. IOOC-ECOC</i>, 585–590.</div>\n</div>',
      })
  })
})
