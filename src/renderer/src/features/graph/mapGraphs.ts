// The library map's graphology graph, kept for the answer the window holds:
// opening the map again (or for the first time, once it was prepared at idle)
// draws it without building it again.
import type Graph from 'graphology'
import type { GraphPositions, LibraryMap } from '../../../../shared/model'
import { drawableGraph, drawableGraphSteps, type NodeLook } from './graphModel'
import type { GraphColours } from './graphStyle'

interface BuiltGraph {
  positions: GraphPositions
  /** The theme's colours it was built with, as JSON. */
  colours: string
  graph: Graph
}

/** The map labels nodes drawn this size on screen or larger. */
export const MAP_LABEL_THRESHOLD = 14

/** The graph last built for each answer (dropped with the answer). */
const builtGraphs = new WeakMap<LibraryMap, BuiltGraph>()

function keptGraph(map: LibraryMap, positions: GraphPositions, theme: string): Graph | undefined {
  const kept = builtGraphs.get(map)
  return kept !== undefined && kept.positions === positions && kept.colours === theme
    ? kept.graph
    : undefined
}

/** Every node's look before the map's reducers give it its own. */
function plainLook(colours: GraphColours): () => NodeLook {
  return () => ({ color: colours.paper, size: 4 })
}

/** The map's graph for sigma (which only reads it), kept while the window keeps the answer. */
export function mapGraph(map: LibraryMap, positions: GraphPositions, colours: GraphColours): Graph {
  const theme = JSON.stringify(colours)
  const kept = keptGraph(map, positions, theme)
  if (kept !== undefined) return kept
  const graph = drawableGraph(map.nodes, map.edges, positions, colours, plainLook(colours))
  builtGraphs.set(map, { positions, colours: theme, graph })
  return graph
}

/**
 * Builds and keeps the map's graph as mapGraph would, a few hundred nodes or
 * edges at a time while `idle()`'s moment lasts (about 100 ms of work at
 * 10,000 papers, never one long task); nothing if it is kept already.
 * Resolves to the graph kept.
 */
export async function prepareMapGraph(
  map: LibraryMap,
  positions: GraphPositions,
  colours: GraphColours,
  idle: () => Promise<{ timeRemaining(): number }>,
): Promise<Graph> {
  const theme = JSON.stringify(colours)
  const kept = keptGraph(map, positions, theme)
  if (kept !== undefined) return kept
  const steps = drawableGraphSteps(map.nodes, map.edges, positions, colours, plainLook(colours))
  let moment = await idle()
  for (;;) {
    const step = steps.next()
    if (step.done === true) {
      // The map may have been opened meanwhile and built its own: that one is drawn, keep it.
      const drawn = keptGraph(map, positions, theme)
      if (drawn !== undefined) return drawn
      builtGraphs.set(map, { positions, colours: theme, graph: step.value })
      return step.value
    }
    if (moment.timeRemaining() < 1) moment = await idle()
  }
}
