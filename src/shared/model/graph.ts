// The graph of a library: papers and standalone notes as nodes, and the edges
// between them by kind, for the local graph beside a paper or note and for the
// library map. A paper's own note speaks for its paper: its links start there.
import type { ReadingStatus } from './paper'

export type GraphNodeKind = 'paper' | 'note'

/**
 * What joins two nodes: a `[[link]]` in a note, a relation drawn by hand (with
 * its label), papers found similar by their words (with the strength, a
 * cosine in (0, 1]), or a citation in a note.
 */
export const GRAPH_EDGE_KINDS = ['wiki-link', 'relation', 'similar', 'citation'] as const
export type GraphEdgeKind = (typeof GRAPH_EDGE_KINDS)[number]

/** How deep a local graph may reach from its centre. */
export const MAX_GRAPH_DEPTH = 3

export interface GraphNode {
  /** The paper's or note's id. */
  id: string
  kind: GraphNodeKind
  title: string
  /** Steps from the centre (local graph only). */
  depth?: number
  /** Year published (papers that have one). */
  year?: number
  status?: ReadingStatus
  upvotes?: number
  tags?: string[]
  /** Ids of the collections holding the paper. */
  collectionIds?: string[]
  /** How many edges of the graph touch the node. */
  degree: number
}

export interface GraphEdge {
  source: string
  target: string
  kind: GraphEdgeKind
  /** A relation's label. */
  label?: string
  /** A similar-paper edge's strength, a cosine in (0, 1]. */
  strength?: number
}

export interface LocalGraph {
  center: string
  depth: number
  nodes: GraphNode[]
  edges: GraphEdge[]
}

/** A group of the library map, named by the terms that set its papers apart. */
export interface GraphCluster {
  id: number
  /** Its most distinctive words, strongest first. */
  terms: string[]
  nodeIds: string[]
}

/** Where each node sits on the map, as the layout left it. */
export type GraphPositions = Record<string, [number, number]>

export interface LibraryMap {
  nodes: GraphNode[]
  edges: GraphEdge[]
  clusters: GraphCluster[]
  /** Collection ids -> names, for the filter and the legend. */
  collections: { id: string; name: string }[]
  /** Names this set of nodes and edges: a saved layout is current when its key is this. */
  layoutKey: string
  /** The saved layout's positions of nodes still on the map (may be a layout of an older key). */
  positions: GraphPositions
  /** True when `positions` were laid out for exactly these nodes and edges. */
  layoutCurrent: boolean
}
