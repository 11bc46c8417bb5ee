// The local graph beside a paper, in Chromium over the real core: drawn by
// sigma (WebGL through SwiftShader: this machine has no GPU), laid out in the
// layout worker, opened by click (through its list) and by the keyboard, with
// a back step, filtered by edge kind and depth; screenshots in both themes.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appSession } from './harness/appSession'
import {
  COMPLETENESS,
  GRASP,
  READING_NOTE,
  TOOLGEN,
  VECTOR,
  linkedLibrary,
} from './harness/graphLibrary'
import { scrollToRow } from './harness/paperList'

const session = appSession()

function graphList(page: Page) {
  return page.getByTestId('local-graph').getByTestId('graph-list-item')
}

/** The list's entry for `title` (its button says the title; other entries may name it in their edges). */
function itemOf(page: Page, title: string) {
  return graphList(page).filter({ has: page.getByRole('button', { name: title }) })
}

async function listedTitles(page: Page): Promise<string[]> {
  return (await graphList(page).locator('button').allTextContents()).map((text) =>
    text.replace(/^(Paper|Note)/, ''),
  )
}

async function openPaper(page: Page, title: string): Promise<void> {
  await (await scrollToRow(page, title)).click()
  await expect.poll(() => page.locator('#paper-title').textContent()).toBe(title)
}

describe('the local graph', () => {
  it('shows a linked paper’s neighbours, opens one by click and by keyboard, goes back, and filters', async () => {
    const app = await session.launch({ colorScheme: 'light' })
    const { page } = app
    await linkedLibrary(app)
    await openPaper(page, TOOLGEN)
    const panel = page.getByTestId('local-graph')
    await panel.scrollIntoViewIfNeeded()
    // Depth 1: the linked paper, the related one, and similar papers.
    await expect.poll(() => listedTitles(page)).toContain(COMPLETENESS)
    const first = await listedTitles(page)
    expect(first).toContain(GRASP)
    const canvas = page.getByTestId('local-graph-canvas')
    await expect.poll(() => canvas.locator('canvas').count()).toBeGreaterThan(0)
    await expect.poll(() => canvas.getAttribute('data-edges')).toBe('drawn')
    const related = itemOf(page, GRASP)
    expect(await related.locator('.graph-edges').textContent()).toBe(
      `Relation “contrasts” from ${TOOLGEN}`,
    )
    await app.screenshot('local-graph-light')

    // Only links: the related and the similar papers leave.
    await panel.getByLabel('Relation').uncheck()
    await panel.getByLabel('Similar').uncheck()
    await expect.poll(() => listedTitles(page)).toEqual([READING_NOTE, COMPLETENESS])
    // Depth 2 reaches the paper Completeness links to.
    await page.getByTestId('graph-depth').selectOption('2')
    await expect.poll(() => listedTitles(page)).toEqual([READING_NOTE, COMPLETENESS, VECTOR])
    expect(await itemOf(page, VECTOR).locator('.graph-edges').textContent()).toBe(
      `2 steps · Link from ${COMPLETENESS}`,
    )

    // Click through (the list is the graph's other form), then back.
    await itemOf(page, COMPLETENESS).getByRole('button').click()
    await expect.poll(() => page.locator('#paper-title').textContent()).toBe(COMPLETENESS)
    await page.getByRole('button', { name: 'Back' }).click()
    await expect.poll(() => page.locator('#paper-title').textContent()).toBe(TOOLGEN)

    // The keyboard: from the centre, an arrow key moves to a neighbour, Enter opens it.
    await page.getByTestId('local-graph-canvas').focus()
    const focusedLine = page.getByTestId('graph-focused')
    await expect.poll(() => focusedLine.textContent()).toBe(`${TOOLGEN} (paper)`)
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown']) {
      await page.keyboard.press(key)
      if ((await focusedLine.textContent()) !== `${TOOLGEN} (paper)`) break
    }
    const moved = (await focusedLine.textContent()) ?? ''
    expect(moved).not.toBe(`${TOOLGEN} (paper)`)
    const movedTitle = moved.replace(/ \((paper|note)\)$/, '')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('#paper-title').textContent()).toBe(movedTitle)
    expect(app.pageErrors).toEqual([])
    expect(app.securityEvents).toEqual([])
  })

  it('looks right in the dark theme', async () => {
    const app = await session.launch({ colorScheme: 'dark' })
    const { page } = app
    await linkedLibrary(app)
    await openPaper(page, TOOLGEN)
    await page.getByTestId('local-graph').scrollIntoViewIfNeeded()
    await expect.poll(() => listedTitles(page)).toContain(COMPLETENESS)
    await expect
      .poll(() => page.getByTestId('local-graph-canvas').locator('canvas').count())
      .toBeGreaterThan(0)
    await page.getByTestId('local-graph-canvas').scrollIntoViewIfNeeded()
    await expect
      .poll(() => page.getByTestId('local-graph-canvas').getAttribute('data-edges'))
      .toBe('drawn')
    await app.screenshot('local-graph-dark')
    expect(app.pageErrors).toEqual([])
  })
})
