// From the core's nodes and edges to the graphology graph sigma draws, and
// the words a screen reader hears for an edge.
import Graph from 'graphology'
import type { GraphEdge, GraphNode, GraphPositions } from '../../../../shared/model'
import { EDGE_KIND_NAMES, EDGE_SIZES, edgeProgram, type GraphColours } from './graphStyle'

export interface NodeLook {
  color: string
  size: number
}

/** Nodes and edges added between two pauses of a graph built in steps. */
const STEP = 256

/** A graph for sigma: every node at its position, every edge with its kind's colour and line. */
export function drawableGraph(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  positions: GraphPositions,
  colours: GraphColours,
  look: (node: GraphNode) => NodeLook,
): Graph {
  const steps = drawableGraphSteps(nodes, edges, positions, colours, look)
  for (;;) {
    const step = steps.next()
    if (step.done === true) return step.value
  }
}

/**
 * drawableGraph in steps: it pauses after every STEP nodes or edges, so a
 * caller can build a large graph in the window's idle moments.
 */
export function* drawableGraphSteps(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  positions: GraphPositions,
  colours: GraphColours,
  look: (node: GraphNode) => NodeLook,
): Generator<void, Graph, void> {
  const graph = new Graph({ type: 'mixed', multi: true })
  let added = 0
  for (const node of nodes) {
    if (++added % STEP === 0) yield
    const [x, y] = positions[node.id] ?? [0, 0]
    graph.addNode(node.id, {
      x,
      y,
      label: node.title,
      title: node.title,
      kind: node.kind,
      ...look(node),
    })
  }
  for (const edge of edges) {
    if (++added % STEP === 0) yield
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue
    const attributes = {
      kind: edge.kind,
      color: colours.edges[edge.kind],
      size: EDGE_SIZES[edge.kind] * (edge.kind === 'similar' ? 0.5 + (edge.strength ?? 0) * 2 : 1),
      type: edgeProgram(edge.kind),
    }
    if (edge.kind === 'similar') graph.addUndirectedEdge(edge.source, edge.target, attributes)
    else graph.addDirectedEdge(edge.source, edge.target, attributes)
  }
  return graph
}

/** "Link to ToolGen", "Relation “extends” from X", "Similar to Y (0.38)": an edge as seen from `id`. */
export function edgeWords(edge: GraphEdge, id: string, titleOf: (id: string) => string): string {
  const outgoing = edge.source === id
  const other = titleOf(outgoing ? edge.target : edge.source)
  if (edge.kind === 'similar') {
    return `Similar to ${other} (${(edge.strength ?? 0).toFixed(2)})`
  }
  const label = edge.label === undefined ? '' : ` “${edge.label}”`
  return `${EDGE_KIND_NAMES[edge.kind]}${label} ${outgoing ? 'to' : 'from'} ${other}`
}
