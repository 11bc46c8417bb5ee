// The first opening of the map in a window pays for what nothing has done in
// it yet: sigma's code running for the first time over 10,000 nodes (its
// loops not yet compiled for speed), and its shaders compiled (in software,
// without a GPU: SwiftShader). Done ahead at idle, once per window: the
// prepared graph is drawn as an opening draws it (the nodes at once, then the
// edges a slice a frame) in a box outside the view, picked once as the mouse
// over the map picks, then thrown away; it stops at once if the map opens.
// Its nodes are one task, as the opening's own (about a fifth of a second at
// 10,000 papers without a GPU). A sample of 1,000 nodes left the first
// opening 150 to 200 ms slower than an opening again.
import type Graph from 'graphology'
import { drawEdgesInSlices } from './edgeSlices'
import type { GraphColours } from './graphStyle'
import { MAP_LABEL_THRESHOLD } from './mapGraphs'
import { WEBGL_PROBLEM, graphSigma } from './SigmaCanvas'

let warmed = false

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()))
}

export async function warmUpMapDrawing(
  graph: Graph,
  colours: GraphColours,
  /** True once the map is opened (the warm-up gives way). */
  opened: () => boolean,
): Promise<void> {
  if (warmed || WEBGL_PROBLEM !== undefined) return
  warmed = true
  const box = document.createElement('div')
  box.className = 'graph-warm-up'
  box.setAttribute('aria-hidden', 'true')
  document.body.append(box)
  const sigma = graphSigma(graph, box, {
    labelColour: colours.label,
    labelThreshold: MAP_LABEL_THRESHOLD,
  })
  let drawn = false
  const stopSlices = drawEdgesInSlices(sigma, () => {
    drawn = true
  })
  try {
    while (!drawn && !opened()) await nextFrame()
    // A pick: what a mouse over the map asks of the picking layer.
    const area = box.getBoundingClientRect()
    box.querySelector('.sigma-mouse')?.dispatchEvent(
      new MouseEvent('mousemove', {
        clientX: area.x + area.width / 2,
        clientY: area.y + area.height / 2,
        bubbles: true,
      }),
    )
  } finally {
    stopSlices()
    sigma.kill()
    box.remove()
  }
}
