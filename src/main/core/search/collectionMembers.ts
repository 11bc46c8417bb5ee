// Which papers in:"Name" finds: those of every collection so named and of
// the collections nested inside them.
import type { Collection } from '../../../shared/model'

/**
 * Paper ids in every collection called `name` (case-insensitive) and in the
 * collections nested inside them, as Zotero shows subcollection items.
 */
export function papersInCollectionsNamed(
  collections: readonly Collection[],
  name: string,
): Set<string> {
  const wanted = name.trim().toLocaleLowerCase()
  const live = collections.filter((collection) => collection.trashedAt === undefined)
  const childrenOf = new Map<string, Collection[]>()
  for (const collection of live) {
    if (collection.parentId === undefined) continue
    const siblings = childrenOf.get(collection.parentId)
    if (siblings === undefined) childrenOf.set(collection.parentId, [collection])
    else siblings.push(collection)
  }
  const papers = new Set<string>()
  const visited = new Set<string>()
  const stack = live.filter((collection) => collection.name.trim().toLocaleLowerCase() === wanted)
  while (stack.length > 0) {
    const collection = stack.pop() as Collection
    if (visited.has(collection.id)) continue // a cycle in damaged data must not hang search
    visited.add(collection.id)
    for (const id of collection.paperIds) papers.add(id)
    stack.push(...(childrenOf.get(collection.id) ?? []))
  }
  return papers
}
