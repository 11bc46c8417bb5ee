// The library map opened in Chromium as a user opens it, timed in the page
// (npm run bench:graph), and what the window pays for the map prepared at
// idle: its first list paint after a load, its longest task while the map is
// prepared, and the heap the prepared map holds.
import type { Page } from 'playwright-core'

/** One opening of the map: times from the key's arrival in the page, the page's CPU, and its steps. */
export interface OpenTimes {
  answering: number
  drawn: number
  /** The page's main thread, key press to every edge drawn (SwiftShader's own threads not in). */
  cpuDrawn: number
  steps: Record<string, number>
}

export interface MapOpener {
  openMap(): Promise<OpenTimes>
  closeMap(): Promise<void>
  /** Where the mouse looks for a node: after an opening, where it found one. */
  points(): Point[]
}

interface Point {
  x: number
  y: number
}

/**
 * Opens and closes the map in `page`; the mouse looks for a node at `start`
 * (another start's points: the same map is drawn in the same place), else
 * over a 5 × 5 grid over the middle of the map.
 */
export async function mapOpener(page: Page, start?: Point[]): Promise<MapOpener> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  const taskSeconds = async (): Promise<number> => {
    const { metrics } = await cdp.send('Performance.getMetrics')
    return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0
  }
  const { width, height } = page.viewportSize() ?? { width: 1440, height: 900 }
  let points =
    start ??
    Array.from({ length: 25 }, (_, i) => ({
      x: Math.round(width * (0.4 + 0.05 * (i % 5))),
      y: Math.round(height * (0.5 + 0.05 * Math.floor(i / 5))),
    }))
  /**
   * Opens the map as a user does, timed in the page from the key's arrival: until a node
   * answers the mouse (its title shows: every node drawn, and the picking layer behind
   * hover and click read back), then until every edge is drawn (the last slice's GPU work
   * done). The page's own mouse moves over the map every frame once it is there (a move
   * from here would wait on the harness's round trips). Marks on the way give the steps.
   */
  const openMap = async (): Promise<OpenTimes> => {
    await page.evaluate(`(() => {
      performance.clearMarks()
      addEventListener('keydown', () => performance.mark('bench:key'), { once: true, capture: true })
      const points = ${JSON.stringify(points)}
      let moves = 0
      const answered = new MutationObserver(() => {
        if (document.querySelector('[data-testid="graph-tooltip"]') === null) return
        performance.mark('bench:answered')
        window.benchFound = points[(moves - 1) % points.length]
        answered.disconnect()
      })
      answered.observe(document.body, { childList: true, subtree: true })
      const move = () => {
        if (window.benchFound !== undefined) return
        const target = document.querySelector('[data-testid="library-map-canvas"] .sigma-mouse')
        if (target !== null) {
          const point = points[moves++ % points.length]
          target.dispatchEvent(new MouseEvent('mousemove', { clientX: point.x, clientY: point.y, bubbles: true }))
        }
        requestAnimationFrame(move)
      }
      window.benchFound = undefined
      requestAnimationFrame(move)
    })()`)
    const cpuBefore = await taskSeconds()
    await page.keyboard.press('Control+Shift+M')
    // (Polled from here: the page's CSP refuses waitForFunction's eval. The time is the page's.)
    for (const started = performance.now(); ;) {
      if ((await page.evaluate('window.benchFound !== undefined')) === true) break
      if (performance.now() - started > 120_000) throw new Error('no node answered the mouse')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    // The next openings look where this one found a node.
    points = [(await page.evaluate('window.benchFound')) as { x: number; y: number }]
    await page
      .locator('[data-testid="library-map-canvas"][data-edges="drawn"]')
      .waitFor({ timeout: 120_000 })
    const cpuDrawn = (await taskSeconds()) - cpuBefore
    await page.getByText('layout from the library folder').waitFor({ timeout: 120_000 })
    const marks = (await page.evaluate(
      'performance.getEntriesByType("mark").map((m) => [m.name, m.startTime])',
    )) as [string, number][]
    const at = new Map(marks)
    const key = at.get('bench:key') ?? 0
    const since = (name: string): number => (at.get(name) ?? Number.NaN) - key
    return {
      answering: since('bench:answered'),
      drawn: since('library-map-canvas:edges-drawn'),
      cpuDrawn: cpuDrawn * 1000,
      steps: {
        'the map’s answer and layout in hand (the panes it replaces unmounted)':
          since('library-map:answer'),
        'graph built (graphology, every node and edge)': since('library-map:graph-built'),
        'nodes drawn (sigma made: indexed, nodes and their picking layer, labels)': since(
          'library-map-canvas:nodes-drawn',
        ),
        'a node answered the mouse': since('bench:answered'),
        'last edge slice drawn (its GPU work done)': since('library-map-canvas:edges-drawn'),
      },
    }
  }
  const closeMap = async (): Promise<void> => {
    await page.keyboard.press('Escape')
    await page.getByTestId('library-map').waitFor({ state: 'detached' })
  }
  return { openMap, closeMap, points: () => points }
}

/**
 * Run in the page before its scripts: when the paper list's first rows are
 * painted (the frame after they enter the page), and the page's long tasks.
 */
export const WINDOW_WATCH = `(() => {
  window.benchLongTasks = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.benchLongTasks.push([entry.startTime, entry.duration])
  }).observe({ type: 'longtask', buffered: true })
  const rows = new MutationObserver(() => {
    if (document.querySelector('.paper-row-title') === null) return
    rows.disconnect()
    requestAnimationFrame(() => { window.benchListPainted = performance.now() })
  })
  rows.observe(document, { childList: true, subtree: true })
})()`

/** Polls the page for `expression` until it is a number (the page's CSP refuses waitForFunction). */
export async function pageNumber(
  page: Page,
  expression: string,
  timeoutMs: number,
): Promise<number> {
  for (const started = performance.now(); ;) {
    const value = (await page.evaluate(expression)) as unknown
    if (typeof value === 'number') return value
    if (performance.now() - started > timeoutMs)
      throw new Error(`${expression}: nothing in ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** When the paper list was first painted, in the page's time (WINDOW_WATCH). */
export function listPainted(page: Page): Promise<number> {
  return pageNumber(page, 'window.benchListPainted', 120_000)
}

/** When the map was prepared at idle, in the page's time (its mark). */
export function mapPrepared(page: Page): Promise<number> {
  return pageNumber(
    page,
    "performance.getEntriesByName('library-map:prepared')[0]?.startTime",
    120_000,
  )
}

/** The page's longest task between two of its times (WINDOW_WATCH), in ms. */
export async function longestTask(page: Page, from: number, to: number): Promise<number> {
  const tasks = (await page.evaluate('window.benchLongTasks')) as [number, number][]
  const within = tasks.filter(([start, duration]) => start + duration > from && start < to)
  return Math.max(0, ...within.map(([, duration]) => duration))
}

/** The page's JavaScript heap in use after a full collection, in MB. */
export async function usedHeapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    return usedSize / 1e6
  } finally {
    await cdp.detach()
  }
}
