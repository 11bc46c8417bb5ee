// Math and rich markdown in the window: abstracts from the real listing, a
// listing with deliberate TeX (valid, invalid, hostile), and a note using every
// markdown feature.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Locator } from 'playwright-core'
import { importFixture } from './harness/fixture'
import { appSession } from './harness/appSession'
import { scrollToRow } from './harness/paperList'

const session = appSession()

/** What a reader sees: the text without KaTeX's hidden MathML copy of the TeX. */
function visibleText(element: Locator): Promise<string> {
  return element.evaluate((node) => {
    const copy = node.cloneNode(true) as HTMLElement
    for (const hidden of copy.querySelectorAll('.katex-mathml')) hidden.remove()
    return copy.textContent ?? ''
  })
}

const OXE =
  'OXE-AugE: A Large-Scale Robot Augmentation of OXE for Scaling Cross-Embodiment Policy Learning'
const ONLY_IF = 'Only-IF:Revealing the Decisive Effect of Instruction Diversity on Generalization'

// A listing of our own with TeX in every form, including broken and hostile ones.
const MATH_LISTING = [
  'Daily Papers',
  '',
  'Attention in $\\mathcal{O}(n \\log n)$ Time',
  '',
  'We reduce attention to $\\mathcal{O}(n \\log n)$ with a kernel $k(x, y) = \\exp(-\\|x - y\\|^2)$, ' +
    'bounding the error by $$\\sum_{i=1}^{n} \\frac{1}{i^2} \\le \\frac{\\pi^2}{6}$$ in theory. ' +
    'A broken formula $\\frac{1}{$ stays readable, ' +
    'and $\\href{javascript:alert(1)}{click}$ is not a link. It costs $5 and $10 to run.',
  '',
  '  • 2 authors',
  '·',
  'Mar 3, 2026 12',
  '',
].join('\n')

describe('math in abstracts', () => {
  it('typesets the listing’s half-escaped forms: π_0 as math, \\% and $textbf{…}$ as text', async () => {
    const app = await session.launch()
    const { page } = app
    await importFixture(page)

    await (await scrollToRow(page, OXE)).click()
    const abstract = page.getByTestId('paper-abstract')
    await expect.poll(() => abstract.locator('.katex').count()).toBe(1) // π_0
    expect(await abstract.locator('.katex-mathml annotation').textContent()).toBe('\\pi_0')
    const oxeText = await visibleText(abstract)
    expect(oxeText).toContain('account for over 85% of its real data')
    expect(oxeText).not.toMatch(/[$\\]/)
    await app.screenshot('math-pi0-abstract')

    await (await scrollToRow(page, ONLY_IF)).click()
    await expect.poll(() => page.getByTestId('paper-title').textContent()).toBe(ONLY_IF)
    const onlyIf = await visibleText(abstract)
    expect(onlyIf).toContain('fine-tuning of specialist and generalist models')
    expect(onlyIf).not.toMatch(/[$\\]|textbf/)
    expect(await abstract.locator('strong').allTextContents()).toEqual(['specialist', 'generalist'])
  })

  it('renders real TeX, shows broken TeX as text, and never runs what it contains', async () => {
    const app = await session.launch()
    const { page } = app
    const file = join(await session.scratchDir(), 'math.txt')
    await writeFile(file, MATH_LISTING)
    await page.getByTestId('import-file-input').setInputFiles(file)
    await expect.poll(() => page.getByTestId('import-status').textContent()).toContain('1 added')

    const abstract = page.getByTestId('paper-abstract')
    await expect.poll(() => abstract.locator('.katex').count()).toBe(4)
    // The title's math is typeset too.
    expect(await page.getByTestId('paper-title').locator('.katex').count()).toBe(1)
    // Display math gets its own line.
    expect(await abstract.locator('.katex-display').count()).toBe(1)
    // KaTeX's own fonts, bundled, are what draws the math (no remote font, no fallback).
    await expect.poll(() => page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true)
    // Glyphs are positioned by KaTeX's styles, which the CSP let through the CSSOM.
    const fraction = abstract.locator('.katex-display .mfrac').first()
    expect(await fraction.evaluate((node) => node.querySelector('[style]') !== null)).toBe(true)

    // The broken formula shows its source as text, KaTeX's message on hover; the pane is intact.
    const broken = abstract.locator('.katex-error')
    expect(await broken.count()).toBe(1)
    expect(await broken.textContent()).toBe('\\frac{1}{')
    expect(await broken.getAttribute('title')).toContain('KaTeX parse error')
    // No link, no script: with trust off \href is shown as a refused command.
    expect(await abstract.locator('a').count()).toBe(0)
    expect(await visibleText(abstract)).toContain('\\href is not a link')
    // Prices stay prices.
    expect(await visibleText(abstract)).toContain('It costs $5 and $10 to run.')
    await app.screenshot('math-typeset-abstract')
  })
})

describe('rich notes', () => {
  it('renders math, highlighted code, tables, read-only task lists and footnotes', async () => {
    const app = await session.launch()
    const { page } = app
    await importFixture(page)
    const note = page.getByTestId('note-input')
    await note.fill(
      [
        '# Notes on the loss',
        '',
        'The objective is $\\mathcal{L} = -\\sum_i \\log p_\\theta(y_i)$.[^1]',
        '',
        '$$',
        '\\nabla_\\theta \\mathcal{L} = \\mathbb{E}[\\,g\\,]',
        '$$',
        '',
        '```python',
        'def loss(p):',
        '    return -sum(log(x) for x in p)  # negative log-likelihood',
        '```',
        '',
        '| model | score |',
        '| ----- | ----: |',
        '| GRPO  |  71.2 |',
        '| PPO   |  64.9 |',
        '',
        '- [x] read the abstract',
        '- [ ] reproduce table 2',
        '',
        '[^1]: As in the original paper.',
        '',
      ].join('\n'),
    )
    const preview = page.getByTestId('note-preview')
    await expect.poll(() => preview.locator('.katex').count()).toBe(2)
    expect(await preview.locator('.katex-display').count()).toBe(1)
    expect(await preview.locator('.math-source').count()).toBe(0) // every placeholder typeset
    expect(await preview.locator('pre code .hljs-keyword').first().textContent()).toBe('def')
    expect(await preview.locator('pre code .hljs-comment').textContent()).toBe(
      '# negative log-likelihood',
    )
    expect(await preview.locator('td').allTextContents()).toEqual(['GRPO', '71.2', 'PPO', '64.9'])
    const boxes = preview.locator('input[type="checkbox"]')
    expect(await boxes.count()).toBe(2)
    expect(
      await boxes.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).checked)),
    ).toEqual([true, false])
    expect(
      await boxes.evaluateAll((inputs) => inputs.every((i) => (i as HTMLInputElement).disabled)),
    ).toBe(true)
    await boxes.first().click({ force: true }) // a read-only view: clicking changes nothing
    expect(await boxes.first().isChecked()).toBe(true)
    expect(await preview.locator('.footnotes li').textContent()).toContain(
      'As in the original paper.',
    )
    expect(await preview.locator('sup a').getAttribute('href')).toBe('#footnote-1')
    await expect.poll(() => page.getByTestId('save-indicator').textContent()).toBe('Saved')
    await app.screenshot('note-rich-preview')
  })
})
