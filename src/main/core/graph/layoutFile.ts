// The library map's layout, kept in the library folder (graph-layout.json) so
// the map opens at once next time: derived data, safe to delete, written
// durably (temp file, fsync, rename). It names the nodes and edges it was laid
// out for (the layout key); a map of other nodes and edges still starts from it.
// It also keeps the map's similar-paper edges (seconds of work at 10k papers)
// under a fingerprint of every live paper's title and abstract: they are
// reused while no paper's words changed; and the map's clusters with their
// words (Louvain and the TF-IDF index, seconds at 10k papers) under the layout
// key and that fingerprint: reused while neither the graph nor the words changed.
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { GraphEdge, GraphNode, GraphPositions } from '../../../shared/model'
import { yieldingLoop } from '../imports/yieldingLoop'
import { DurableJsonFile } from '../store/durableJsonFile'

export const GRAPH_LAYOUT_FILE = 'graph-layout.json'
const FORMAT = 1

export interface SavedLayout {
  format: number
  layoutKey: string
  positions: GraphPositions
  similar?: SavedSimilar
  clusters?: SavedClusters
}

export interface SavedClusters {
  /** The layout key and the words' fingerprint they were found for. */
  fingerprint: string
  /** Largest first, as the map lists them. */
  list: { terms: string[]; nodeIds: string[] }[]
}

export interface SavedSimilar {
  fingerprint: string
  /** source, target, strength */
  edges: [string, string, number][]
}

export function layoutFileOf(dir: string): DurableJsonFile<SavedLayout> {
  return new DurableJsonFile(join(dir, GRAPH_LAYOUT_FILE), parseLayout, { compact: true })
}

/**
 * Names a set of nodes and edges: any change to either gives another key.
 * Hashed in slices of the event loop (tens of milliseconds at 10,000 papers).
 */
export async function layoutKeyOf(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
): Promise<string> {
  const hash = createHash('sha256')
  const ids = nodes.map((node) => node.id).sort()
  await yieldingLoop(ids.length, {}, (i) => hash.update(`${ids[i]}\n`))
  hash.update('\u0000')
  const lines: string[] = []
  await yieldingLoop(edges.length, {}, (i) => {
    const edge = edges[i]
    if (edge !== undefined) lines.push(`${edge.kind} ${edge.source} ${edge.target}`)
  })
  lines.sort()
  await yieldingLoop(lines.length, {}, (i) => hash.update(`${lines[i]}\n`))
  return hash.digest('hex').slice(0, 32)
}

/** A file in another format, or not of this shape, is read as no layout (it is derived data). */
function parseLayout(value: unknown): SavedLayout {
  const empty: SavedLayout = { format: FORMAT, layoutKey: '', positions: {} }
  if (typeof value !== 'object' || value === null) return empty
  const { format, layoutKey, positions } = value as Partial<Record<keyof SavedLayout, unknown>>
  if (format !== FORMAT || typeof layoutKey !== 'string') return empty
  if (typeof positions !== 'object' || positions === null) return empty
  const kept: GraphPositions = {}
  for (const [id, point] of Object.entries(positions)) {
    if (!Array.isArray(point) || point.length !== 2) continue
    const [x, y] = point as unknown[]
    if (
      typeof x === 'number' &&
      typeof y === 'number' &&
      Number.isFinite(x) &&
      Number.isFinite(y)
    ) {
      kept[id] = [x, y]
    }
  }
  const layout: SavedLayout = { format: FORMAT, layoutKey, positions: kept }
  const similar = similarOf((value as { similar?: unknown }).similar)
  if (similar !== undefined) layout.similar = similar
  const clusters = clustersOf((value as { clusters?: unknown }).clusters)
  if (clusters !== undefined) layout.clusters = clusters
  return layout
}

function clustersOf(value: unknown): SavedClusters | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { fingerprint, list } = value as { fingerprint?: unknown; list?: unknown }
  if (typeof fingerprint !== 'string' || !Array.isArray(list)) return undefined
  const kept: SavedClusters['list'] = []
  for (const cluster of list as unknown[]) {
    if (typeof cluster !== 'object' || cluster === null) return undefined
    const { terms, nodeIds } = cluster as { terms?: unknown; nodeIds?: unknown }
    if (!isStrings(terms) || !isStrings(nodeIds)) return undefined
    kept.push({ terms, nodeIds })
  }
  return { fingerprint, list: kept }
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

function similarOf(value: unknown): SavedSimilar | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { fingerprint, edges } = value as { fingerprint?: unknown; edges?: unknown }
  if (typeof fingerprint !== 'string' || !Array.isArray(edges)) return undefined
  const kept: [string, string, number][] = []
  for (const edge of edges as unknown[]) {
    if (!Array.isArray(edge) || edge.length !== 3) return undefined
    const [source, target, strength] = edge as unknown[]
    if (typeof source !== 'string' || typeof target !== 'string') return undefined
    if (typeof strength !== 'number' || !Number.isFinite(strength)) return undefined
    kept.push([source, target, strength])
  }
  return { fingerprint, edges: kept }
}

/**
 * Names the words of the live papers: any paper added, trashed or reworded
 * gives another. Hashed in slices of the event loop.
 */
export async function wordsFingerprint(
  papers: Iterable<{ id: string; title: string; abstract: string }>,
  settings: string,
): Promise<string> {
  const hash = createHash('sha256')
  hash.update(`${settings}\n`)
  const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  await yieldingLoop(sorted.length, {}, (i) => {
    const paper = sorted[i]
    if (paper !== undefined)
      hash.update(`${paper.id}\u0000${paper.title}\u0000${paper.abstract}\u0001`)
  })
  return hash.digest('hex').slice(0, 32)
}

/** The file's content: what is given, without the parts left undefined. */
export function savedLayout(
  layoutKey: string,
  positions: GraphPositions,
  kept: { similar?: SavedSimilar | undefined; clusters?: SavedClusters | undefined },
): SavedLayout {
  const layout: SavedLayout = { format: FORMAT, layoutKey, positions }
  if (kept.similar !== undefined) layout.similar = kept.similar
  if (kept.clusters !== undefined) layout.clusters = kept.clusters
  return layout
}
