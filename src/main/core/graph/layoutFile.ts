// The library map's layout, kept in the library folder (graph-layout.json) so
// the map opens at once next time: derived data, safe to delete, written
// durably (temp file, fsync, rename). It names the nodes and edges it was laid
// out for (the layout key); a map of other nodes and edges still starts from it.
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { GraphEdge, GraphNode, GraphPositions } from '../../../shared/model'
import { DurableJsonFile } from '../store/durableJsonFile'

export const GRAPH_LAYOUT_FILE = 'graph-layout.json'
const FORMAT = 1

export interface SavedLayout {
  format: number
  layoutKey: string
  positions: GraphPositions
}

export function layoutFileOf(dir: string): DurableJsonFile<SavedLayout> {
  return new DurableJsonFile(join(dir, GRAPH_LAYOUT_FILE), parseLayout, { compact: true })
}

/** Names a set of nodes and edges: any change to either gives another key. */
export function layoutKeyOf(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string {
  const hash = createHash('sha256')
  for (const id of nodes.map((node) => node.id).sort()) hash.update(`${id}\n`)
  hash.update('\u0000')
  const lines = edges.map((edge) => `${edge.kind} ${edge.source} ${edge.target}`).sort()
  for (const line of lines) hash.update(`${line}\n`)
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
  return { format: FORMAT, layoutKey, positions: kept }
}

export function savedLayout(layoutKey: string, positions: GraphPositions): SavedLayout {
  return { format: FORMAT, layoutKey, positions }
}
