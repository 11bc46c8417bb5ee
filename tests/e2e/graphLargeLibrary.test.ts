// Both graph views on a synthetic 10,000-paper library, in both themes: the
// map is laid out in the worker the first time (similar papers found, the
// layout saved), read from the library folder the second (dark theme); the
// local graph of a paper with links draws beside it.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GRAPH_LAYOUT_FILE } from '../../src/main/core/graph/layoutFile'
import { writeSyntheticLibrary } from '../bench/syntheticLibrary'
import { edgeLayerDigest, edgesOf } from './harness/graphCanvas'
import { linkedSynthetic } from './harness/graphSynthetic'
import { closeBrowser, launchApp, type RunningApp } from './harness/launchApp'
import { scrollToRow } from './harness/paperList'

const PAPERS = 10_000
let dir: string
let first: { title: string; links: number } | undefined
let titles: ReadonlySet<string> = new Set()

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-graph-10k-'))
  const library = linkedSynthetic(PAPERS)
  await writeSyntheticLibrary(dir, library)
  titles = new Set([...library.papers.map((paper) => paper.title)])
  const note = library.notes[0]
  const paper = library.papers.find((candidate) => candidate.id === note?.paperId)
  if (paper !== undefined) first = { title: paper.title, links: 3 }
}, 120_000)

afterAll(async () => {
  await closeBrowser()
  await rm(dir, { recursive: true, force: true })
})

async function openMap(app: RunningApp): Promise<void> {
  // The window takes its keys once the library is shown (later than the page's load at 10,000 papers).
  await expect.poll(() => app.page.getByTestId('library-count').textContent()).toBe('10,000 papers')
  await app.page.keyboard.press('Control+Shift+M')
  await expect.poll(() => app.page.getByTestId('library-map').isVisible()).toBe(true)
}

describe('the graph views at 10,000 papers', () => {
  it('lays the map out once in the worker and saves it (light theme), with the local graph of a linked paper', async () => {
    const app = await launchApp({ libraryDir: dir, colorScheme: 'light' })
    try {
      await openMap(app)
      // The first time: similar papers are found in the core and the layout computed in the worker.
      await expect
        .poll(() => app.page.getByTestId('map-status').textContent(), {
          timeout: 110_000,
          interval: 1000,
        })
        .toMatch(/^10000 nodes, \d+ edges · laid out and saved$/)
      const saved = JSON.parse(await readFile(join(dir, GRAPH_LAYOUT_FILE), 'utf8')) as {
        positions: Record<string, unknown>
      }
      expect(Object.keys(saved.positions)).toHaveLength(PAPERS)
      await expect.poll(() => app.page.getByTestId('map-cluster-label').count()).toBeGreaterThan(5)
      await app.page.getByTestId('map-colour-by').selectOption('year')
      await expect.poll(() => edgesOf(app.page)).toBe('drawn')
      await app.screenshot('library-map-10k-light')
      await app.page.keyboard.press('Escape')

      // The local graph of a paper whose note links three others.
      if (first === undefined) throw new Error('the synthetic library has no note')
      await (await scrollToRow(app.page, first.title)).click()
      const panel = app.page.getByTestId('local-graph')
      await panel.scrollIntoViewIfNeeded()
      await panel.getByLabel('Similar').uncheck()
      await expect
        .poll(() => panel.getByTestId('graph-list-item').count(), { timeout: 60_000 })
        .toBeGreaterThanOrEqual(first.links)
      await expect.poll(() => panel.locator('canvas').count()).toBeGreaterThan(0)
      await app.screenshot('local-graph-10k-light')
      expect(app.pageErrors).toEqual([])
    } finally {
      await app.close()
    }
  }, 240_000)

  it('opens the saved map at once the next time (dark theme)', async () => {
    const app = await launchApp({ libraryDir: dir, colorScheme: 'dark' })
    try {
      await openMap(app)
      await expect
        .poll(() => app.page.getByTestId('map-status').textContent(), { timeout: 60_000 })
        .toMatch(/^10000 nodes, \d+ edges · layout from the library folder$/)
      await expect.poll(() => app.page.getByTestId('map-cluster-label').count()).toBeGreaterThan(5)
      await expect.poll(() => edgesOf(app.page)).toBe('drawn')
      await app.screenshot('library-map-10k-dark')
      // A node under the mouse shows its paper's title (looked for over the middle of the map).
      const area = await app.page.getByTestId('library-map-canvas').boundingBox()
      if (area === null) throw new Error('no map to hover')
      const tooltip = app.page.getByTestId('graph-tooltip')
      for (let i = 0; i < 25 && !(await tooltip.isVisible()); i++) {
        await app.page.mouse.move(
          area.x + area.width * (0.4 + 0.05 * (i % 5)),
          area.y + area.height * (0.4 + 0.05 * Math.floor(i / 5)),
        )
      }
      expect(titles.has((await tooltip.textContent()) ?? '')).toBe(true)
      await app.page.mouse.move(area.x + 2, area.y + 2)
      await expect.poll(() => tooltip.count()).toBe(0)
      // The nodes come first, the edges a slice a frame after them; once all are drawn, the
      // picture is the one sigma draws in one go (Similar hidden and shown again: two whole draws).
      const sliced = await edgeLayerDigest(app.page)
      await app.page.getByLabel('Similar').uncheck()
      await expect.poll(() => edgeLayerDigest(app.page)).not.toBe(sliced)
      await app.page.getByLabel('Similar').check()
      await expect.poll(() => edgeLayerDigest(app.page)).toBe(sliced)

      // A drag moves the drawn map with the mouse; on release the map is drawn there once,
      // its labels 120 px right and 60 px down, and the release opens nothing.
      // (From the top corner: a notice may cover the bottom one.)
      const label = app.page.getByTestId('map-cluster-label').first()
      const before = await label.boundingBox()
      const box = await app.page.getByTestId('library-map-canvas').boundingBox()
      if (before === null || box === null) throw new Error('no map to drag')
      const from = { x: box.x + 40, y: box.y + 40 }
      await app.page.mouse.move(from.x, from.y)
      await app.page.mouse.down()
      for (let step = 1; step <= 6; step++)
        await app.page.mouse.move(from.x + step * 20, from.y + step * 10)
      await app.page.mouse.up()
      await expect
        .poll(async () => {
          const after = await label.boundingBox()
          return [Math.round((after?.x ?? 0) - before.x), Math.round((after?.y ?? 0) - before.y)]
        })
        .toEqual([120, 60])
      await expect
        .poll(() => app.page.getByTestId('library-map-canvas').getAttribute('class'))
        .toBe('graph-canvas')
      await expect.poll(() => app.page.getByTestId('library-map').isVisible()).toBe(true)
      await app.screenshot('library-map-10k-dark-dragged')
      expect(app.pageErrors).toEqual([])
    } finally {
      await app.close()
    }
  }, 120_000)
})
