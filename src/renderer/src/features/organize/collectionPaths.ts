// The sidebar sends collections as a flat, depth-first list with parent ids;
// these turn it into what the UI shows: paths and depths (built in src/shared,
// as the core and the CLI build them), labels, subtrees.
import type { CollectionEntry as EntryOf, CollectionNode } from '../../../../shared/model'

export { collectionEntries } from '../../../../shared/model'
export type CollectionEntry = EntryOf<CollectionNode>

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
