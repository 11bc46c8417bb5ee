// The first opening of the map in a window pays for what nothing has done in
// it yet: sigma's code running for the first time, and its shaders compiled
// (in software, without a GPU: SwiftShader). Done ahead at idle, once per
// window: a sample of the map is drawn as an opening draws it (nodes, labels,
// edges in slices) in a box outside the view, picked once as the mouse over
// the map picks, then thrown away.
import type { GraphPositions, LibraryMap } from '../../../../shared/model'
import { drawEdgesInSlices } from './edgeSlices'
import { drawableGraph } from './graphModel'
import type { GraphColours } from './graphStyle'
import { MAP_LABEL_THRESHOLD } from './mapGraphs'
import { WEBGL_PROBLEM, graphSigma } from './SigmaCanvas'

/** Nodes of the sample: enough for sigma's code to run as it runs for a large map. */
const SAMPLE_NODES = 1_000

let warmed = false

export async function warmUpMapDrawing(
  map: LibraryMap,
  positions: GraphPositions,
  colours: GraphColours,
): Promise<void> {
  if (warmed || WEBGL_PROBLEM !== undefined) return
  warmed = true
  const sample = drawableGraph(
    map.nodes.slice(0, SAMPLE_NODES),
    map.edges,
    positions,
    colours,
    () => ({ color: colours.paper, size: 4 }),
  )
  const box = document.createElement('div')
  box.className = 'graph-warm-up'
  box.setAttribute('aria-hidden', 'true')
  document.body.append(box)
  const sigma = graphSigma(sample, box, {
    labelColour: colours.label,
    labelThreshold: MAP_LABEL_THRESHOLD,
  })
  try {
    await new Promise<void>((resolve) => {
      drawEdgesInSlices(sigma, resolve)
    })
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
    sigma.kill()
    box.remove()
  }
}
