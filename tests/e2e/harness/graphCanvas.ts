// What the e2e tests read of a drawn graph: whether its edges are all drawn
// (they follow the nodes, a slice a frame) and a digest of the edge layer's
// pixels, to compare two pictures without shipping them.
import type { Page } from 'playwright-core'

/** 'drawing' until every edge of the library map is on its layer, then 'drawn'. */
export function edgesOf(page: Page, testId = 'library-map-canvas'): Promise<string | null> {
  return page.getByTestId(testId).getAttribute('data-edges')
}

/** SHA-256 of the library map's edge layer as a PNG (the layer keeps its pixels between frames). */
export function edgeLayerDigest(page: Page): Promise<string> {
  return page
    .getByTestId('library-map-canvas')
    .locator('canvas.sigma-edges')
    .evaluate(async (canvas) => {
      const png = await new Promise<Blob | null>((resolve) =>
        (canvas as HTMLCanvasElement).toBlob(resolve),
      )
      if (png === null) return 'no picture'
      const digest = await crypto.subtle.digest('SHA-256', await png.arrayBuffer())
      return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
    })
}
