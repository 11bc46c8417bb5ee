// The sidebar sends collections as a flat, depth-first list with parent ids;
// these turn it into what the UI shows: paths, depths, children.
import type { CollectionNode } from '../../../../shared/model'

export interface CollectionEntry extends CollectionNode {
  /** Names from the top level down, itself included. */
  path: string[]
  depth: number
}

export function collectionEntries(nodes: readonly CollectionNode[]): CollectionEntry[] {
  const byId = new Map(nodes.map((node) => [node.id, node]))
  return nodes.map((node) => {
    const path = [node.name]
    for (let parent = node.parentId; parent !== undefined; parent = byId.get(parent)?.parentId) {
      path.unshift(byId.get(parent)?.name ?? '')
    }
    return { ...node, path, depth: path.length - 1 }
  })
}

/** "Tool learning › Retrieval" */
export function pathLabel(path: readonly string[]): string {
  return path.join(' › ')
}

/** Ids of `id` and every collection below it. */
export function subtreeIds(nodes: readonly CollectionNode[], id: string): Set<string> {
  const found = new Set([id])
  // Depth-first order puts every child after its parent: one pass suffices.
  for (const node of nodes) {
    if (node.parentId !== undefined && found.has(node.parentId)) found.add(node.id)
  }
  return found
}
