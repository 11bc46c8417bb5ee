// The library map in Chromium over the real core: drawn by sigma (WebGL
// through SwiftShader; no GPU here), laid out in the worker and kept in the
// library folder (a second opening reads it), filtered, coloured, searched
// (the search zooms to its matches; a click on a match opens it), clusters
// labelled by their words; screenshots in both themes.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { GRAPH_LAYOUT_FILE } from '../../src/main/core/graph/layoutFile'
import { appSession } from './harness/appSession'
import { GRASP, call, linkedLibrary } from './harness/graphLibrary'
import { edgesOf } from './harness/graphCanvas'

const session = appSession()

function status(page: Page) {
  return page.getByTestId('map-status')
}

/** Whether the window has made the map ready at idle (its mark, for the bench and this test). */
async function prepared(page: Page): Promise<boolean> {
  const marks = await page.evaluate(
    () => performance.getEntriesByName('library-map:prepared').length,
  )
  return marks > 0
}

/** A paper none of the fixture's is like, imported after the map was prepared. */
const ADDED_PAPER = `@article{prepared2026,
  title = {Prepared Maps Open at Once},
  author = {Reader, Ada},
  year = {2026},
  abstract = {A library map made ready while the window is idle.}
}
`

/**
 * Searches the map for `query` (one match): the camera moves to it, and the mouse resting in
 * the middle (nudged a pixel each look, as a hand does) shows `title`.
 */
async function expectHoverShows(page: Page, query: string, title: string): Promise<void> {
  await page.getByTestId('map-search').fill(query)
  await expect
    .poll(() => page.getByTestId('map-shown').textContent())
    .toMatch(/ · 1 match the search$/)
  const box = await page.getByTestId('library-map-canvas').boundingBox()
  if (box === null) throw new Error('the map has no canvas')
  const middle = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  let nudge = 0
  await expect
    .poll(async () => {
      nudge = 1 - nudge
      await page.mouse.move(middle.x + nudge, middle.y)
      const tooltip = page.getByTestId('graph-tooltip')
      return (await tooltip.count()) > 0 ? tooltip.textContent() : 'no title shown'
    })
    .toBe(title)
}

async function openMap(page: Page): Promise<void> {
  await page.keyboard.press('Control+Shift+M')
  await expect.poll(() => page.getByTestId('library-map').isVisible()).toBe(true)
}

describe('the library map', () => {
  it('lays out every paper and note in the worker, keeps the layout, filters, colours, searches and opens; after a restart it is ready before it is opened', async () => {
    // Counts what the window asks of the core, method by method.
    const asked = new Map<string, number>()
    const app = await session.launch({
      colorScheme: 'light',
      interceptDispatch: (dispatch) => (method, args) => {
        asked.set(method, (asked.get(method) ?? 0) + 1)
        return dispatch(method, args)
      },
    })
    const { page } = app
    await linkedLibrary(app)
    await openMap(page)
    // 53 papers and the standalone note.
    await expect
      .poll(() => status(page).textContent())
      .toMatch(/^54 nodes, \d+ edges · laid out and saved$/)
    const saved = JSON.parse(await readFile(join(app.libraryDir, GRAPH_LAYOUT_FILE), 'utf8')) as {
      positions: Record<string, [number, number]>
    }
    expect(Object.keys(saved.positions)).toHaveLength(54)
    expect(await page.getByTestId('map-shown').textContent()).toBe('54 of 54 shown')
    // Clusters carry their distinctive words: the robot papers form one.
    await expect.poll(() => page.getByTestId('map-cluster-label').count()).toBeGreaterThan(1)
    const labels = await page.getByTestId('map-cluster-label').allTextContents()
    expect(labels.some((label) => label.includes('robot'))).toBe(true)
    await page.getByTestId('map-colour-by').selectOption('collection')
    await expect.poll(() => page.getByTestId('map-legend').textContent()).toContain('Tools')
    await expect.poll(() => edgesOf(page)).toBe('drawn')
    await app.screenshot('library-map-light')

    // Filters: the collection of three; a status none has.
    await page.getByTestId('map-collection').selectOption({ label: 'Tools' })
    await expect.poll(() => page.getByTestId('map-shown').textContent()).toBe('3 of 54 shown')
    await page.getByTestId('map-collection').selectOption({ label: 'All' })
    await page.getByTestId('map-status-filter').selectOption('read')
    await expect.poll(() => page.getByTestId('map-shown').textContent()).toBe('0 of 54 shown')
    await page.getByTestId('map-status-filter').selectOption('')

    // Colour by year: the legend names the years.
    await page.getByTestId('map-colour-by').selectOption('year')
    await expect.poll(() => page.getByTestId('map-legend').textContent()).toMatch(/20\d\d/)

    // The search highlights its matches, as many as the library's search finds, and zooms to them.
    const robotIds = await call<string[]>(app, 'listPaperIds', { query: 'robot' })
    expect(robotIds.length).toBeGreaterThan(1)
    await page.getByTestId('map-search').fill('robot')
    await expect
      .poll(() => page.getByTestId('map-shown').textContent())
      .toBe(`54 of 54 shown · ${robotIds.length} match the search`)

    // One match alone comes to the middle as the camera moves to it: the mouse resting there
    // shows its title, and one click opens it.
    // (Clicks in quick succession are a double click, which zooms and stops the camera's move.)
    await expectHoverShows(page, '"Grasp Anything"', GRASP)
    const box = await page.getByTestId('library-map-canvas').boundingBox()
    if (box === null) throw new Error('the map has no canvas')
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await expect.poll(() => page.locator('#paper-title').isVisible()).toBe(true)
    expect(await page.locator('#paper-title').textContent()).toBe(GRASP)

    // Opened again, the map comes from the library folder: no new layout.
    await openMap(page)
    await expect
      .poll(() => status(page).textContent())
      .toMatch(/^54 nodes, \d+ edges · layout from the library folder$/)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('library-map').isVisible()).toBe(false)

    // A restart (the core and the window): once the library is shown and the window idle, the
    // map is made ready; opened, it asks the core nothing, and draws its layout from the folder.
    await app.restartCore()
    await page.reload()
    await expect.poll(() => page.getByTestId('library-count').textContent()).toBe('53 papers')
    await expect.poll(() => prepared(page), { timeout: 20_000 }).toBe(true)
    const askedWhenReady = asked.get('getLibraryMap') ?? 0
    expect(askedWhenReady).toBeGreaterThan(0)
    await openMap(page)
    await expect
      .poll(() => status(page).textContent())
      .toMatch(/^54 nodes, \d+ edges · layout from the library folder$/)
    expect(asked.get('getLibraryMap')).toBe(askedWhenReady)
    expect(await page.getByTestId('map-shown').textContent()).toBe('54 of 54 shown')
    await expectHoverShows(page, '"Grasp Anything"', GRASP)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('library-map').isVisible()).toBe(false)

    // A paper added after the preparation is on the map when it opens.
    await call(app, 'importText', { text: ADDED_PAPER, fileName: 'added.bib' })
    await openMap(page)
    await expect
      .poll(() => status(page).textContent())
      .toMatch(/^55 nodes, \d+ edges · laid out and saved$/)
    await page.getByTestId('map-search').fill('"Prepared Maps"')
    await expect
      .poll(() => page.getByTestId('map-shown').textContent())
      .toBe('55 of 55 shown · 1 match the search')
    expect(app.pageErrors).toEqual([])
    expect(app.securityEvents).toEqual([])
  })

  it('looks right in the dark theme', async () => {
    const app = await session.launch({ colorScheme: 'dark' })
    const { page } = app
    await linkedLibrary(app)
    await openMap(page)
    await expect.poll(() => status(page).textContent()).toContain('laid out and saved')
    await expect.poll(() => page.getByTestId('map-cluster-label').count()).toBeGreaterThan(1)
    await expect.poll(() => edgesOf(page)).toBe('drawn')
    await app.screenshot('library-map-dark')
    expect(app.pageErrors).toEqual([])
  })
})
