// A local graph: the nodes within `depth` steps of a centre, walked breadth
// first over the edges of the kinds asked for, and every edge among them.
import type { GraphEdge } from '../../../shared/model'

/** The edges touching each of `ids` (a batch per step, so similar papers are asked once per step). */
export type EdgesOf = (ids: readonly string[]) => Promise<GraphEdge[]>

export interface Neighbourhood {
  /** Node id -> steps from the centre, in the order reached. */
  depths: Map<string, number>
  edges: GraphEdge[]
}

/**
 * Walks `depth` steps out from `center`. `isNode` says which ids are nodes
 * (live papers and standalone notes); the edges kept are those whose two ends
 * were both reached, each once.
 */
export async function neighbourhood(
  center: string,
  depth: number,
  edgesOf: EdgesOf,
  isNode: (id: string) => boolean,
): Promise<Neighbourhood> {
  const depths = new Map<string, number>([[center, 0]])
  const seen = new Map<string, GraphEdge>()
  let frontier = [center]
  // One step past the last ring too: edges among the outermost nodes belong to the picture.
  for (let step = 1; step <= depth + 1 && frontier.length > 0; step++) {
    const next: string[] = []
    for (const edge of await edgesOf(frontier)) {
      for (const [from, to] of [
        [edge.source, edge.target],
        [edge.target, edge.source],
      ] as const) {
        if (!depths.has(from) || depths.has(to) || step > depth || !isNode(to)) continue
        depths.set(to, step)
        next.push(to)
      }
      // The first found is kept: nearer the centre (similarity is not quite symmetric).
      const key = edgeKey(edge)
      if (depths.has(edge.source) && depths.has(edge.target) && !seen.has(key)) seen.set(key, edge)
    }
    frontier = next
  }
  // Edges of the last ring that were met before both ends were reached.
  const edges = [...seen.values()].filter(
    (edge) => depths.has(edge.source) && depths.has(edge.target),
  )
  return { depths, edges }
}

function edgeKey(edge: GraphEdge): string {
  const [a, b] = edge.source < edge.target ? [edge.source, edge.target] : [edge.target, edge.source]
  return `${edge.kind}\u0000${a}\u0000${b}\u0000${edge.label ?? ''}`
}
