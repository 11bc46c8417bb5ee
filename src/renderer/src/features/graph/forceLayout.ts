// The force layout of a graph (ForceAtlas2, graphology's implementation), as
// the layout worker runs it: plain data in, positions out. Nodes with a
// position (the saved layout, or where a local graph last had them) start
// there; a new node starts beside a placed neighbour, so a graph that changed
// a little keeps its shape. Deterministic: the same request, the same answer.
import Graph from 'graphology'
import forceAtlas2 from 'graphology-layout-forceatlas2'

export interface LayoutRequest {
  /** Node count. */
  count: number
  /** Pairs of node indices: edge k joins edges[2k] and edges[2k+1]. */
  edges: Int32Array
  /** Edge weights, one per pair. */
  weights: Float32Array
  /** x, y per node; NaN where the node has no position yet. */
  seed: Float64Array
  iterations: number
}

/** Above this many nodes the Barnes-Hut approximation keeps each iteration near-linear. */
const BARNES_HUT_FROM = 500
/** Above this many, a coarser approximation (cells seen from further are one body). */
const COARSE_FROM = 5000

export function forceLayout(request: LayoutRequest): Float64Array {
  const { count, edges, weights, seed } = request
  const positions = seedPositions(count, edges, seed)
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false })
  for (let i = 0; i < count; i++) {
    graph.addNode(i, { x: positions[2 * i] ?? 0, y: positions[2 * i + 1] ?? 0 })
  }
  for (let k = 0; k < edges.length / 2; k++) {
    const a = edges[2 * k] ?? 0
    const b = edges[2 * k + 1] ?? 0
    if (a === b || graph.hasEdge(a, b)) continue
    graph.addEdge(a, b, { weight: weights[k] ?? 1 })
  }
  if (count > 1 && request.iterations > 0) {
    forceAtlas2.assign(graph, {
      iterations: request.iterations,
      getEdgeWeight: 'weight',
      settings: {
        ...forceAtlas2.inferSettings(graph),
        barnesHutOptimize: count >= BARNES_HUT_FROM,
        ...(count >= COARSE_FROM ? { barnesHutTheta: 1.2 } : {}),
      },
    })
  }
  const result = new Float64Array(count * 2)
  graph.forEachNode((node, attributes) => {
    const i = Number(node)
    result[2 * i] = attributes['x'] as number
    result[2 * i + 1] = attributes['y'] as number
  })
  return result
}

/** Positions to start from: the seeds, new nodes beside a placed neighbour, the rest on a spiral. */
function seedPositions(count: number, edges: Int32Array, seed: Float64Array): Float64Array {
  const positions = new Float64Array(count * 2)
  const placed = new Uint8Array(count)
  let extent = 1
  for (let i = 0; i < count; i++) {
    const x = seed[2 * i] ?? Number.NaN
    const y = seed[2 * i + 1] ?? Number.NaN
    if (Number.isFinite(x) && Number.isFinite(y)) {
      positions[2 * i] = x
      positions[2 * i + 1] = y
      placed[i] = 1
      extent = Math.max(extent, Math.abs(x), Math.abs(y))
    }
  }
  // Twice over the edges: a chain of new nodes grows out from the placed ones.
  for (let pass = 0; pass < 2; pass++) {
    for (let k = 0; k < edges.length / 2; k++) {
      const a = edges[2 * k] ?? 0
      const b = edges[2 * k + 1] ?? 0
      for (const [from, to] of [
        [a, b],
        [b, a],
      ] as const) {
        if (placed[from] !== 1 || placed[to] === 1) continue
        const angle = to * 2.399963 // the golden angle: neighbours spread evenly
        const step = extent * 0.05
        positions[2 * to] = (positions[2 * from] ?? 0) + Math.cos(angle) * step
        positions[2 * to + 1] = (positions[2 * from + 1] ?? 0) + Math.sin(angle) * step
        placed[to] = 1
      }
    }
  }
  for (let i = 0, n = 0; i < count; i++) {
    if (placed[i] === 1) continue
    const radius = extent * (0.2 + Math.sqrt(++n) * 0.1)
    positions[2 * i] = Math.cos(n * 2.399963) * radius
    positions[2 * i + 1] = Math.sin(n * 2.399963) * radius
  }
  return positions
}
