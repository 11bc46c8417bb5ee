// A collection's path (the names of its ancestors and its own), and the tree
// as a depth-first list: one way to build them, for what each caller holds
// (Collection records in the core, the sidebar's CollectionNodes in the renderer
// and the CLI). Hand-edited files can hold a parent loop or a missing parent:
// a path stops there, and the listing never follows a loop.

/** What a path is built from: a Collection record or a sidebar CollectionNode. */
export interface CollectionLike {
  id: string
  name: string
  parentId?: string | undefined
  position?: number
}

export type CollectionEntry<C extends CollectionLike = CollectionLike> = C & {
  /** Names from the top level down, itself included. */
  path: string[]
  /** 0 at the top level. */
  depth: number
}

/** Sibling order: by position, then name, then id (so the order never depends on the store's). */
export function bySiblingOrder(a: CollectionLike, b: CollectionLike): number {
  return (
    (a.position ?? 0) - (b.position ?? 0) ||
    a.name.localeCompare(b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

/**
 * Names from the top level down to `collection`, itself included. The walk
 * up stops at a parent `parentOf` does not know, and before any collection
 * seen twice (a loop).
 */
export function collectionPath<C extends CollectionLike>(
  collection: C,
  parentOf: (id: string) => C | undefined,
): string[] {
  const path = [collection.name]
  const seen = new Set([collection.id])
  for (let id = collection.parentId; id !== undefined && !seen.has(id);) {
    const parent = parentOf(id)
    if (parent === undefined) break
    path.unshift(parent.name)
    seen.add(parent.id)
    id = parent.parentId
  }
  return path
}

/**
 * Every collection of `collections` depth-first, each with its path and depth;
 * siblings keep the order they are given in (the sidebar's is already theirs;
 * sort records with bySiblingOrder first). One whose parent is not among them
 * is at the top level; collections in a parent loop are not reachable from the
 * top, so not listed.
 */
export function collectionEntries<C extends CollectionLike>(
  collections: Iterable<C>,
): Array<CollectionEntry<C>> {
  const all = [...collections]
  const known = new Set(all.map((collection) => collection.id))
  const children = new Map<string | undefined, C[]>()
  for (const collection of all) {
    const parentId =
      collection.parentId !== undefined && known.has(collection.parentId)
        ? collection.parentId
        : undefined
    const siblings = children.get(parentId) ?? []
    siblings.push(collection)
    children.set(parentId, siblings)
  }
  const entries: Array<CollectionEntry<C>> = []
  const listed = new Set<string>()
  // Depth-first without recursion: a deep tree must not exhaust the stack.
  const stack: Array<{ collection: C; parentPath: string[] }> = (children.get(undefined) ?? [])
    .map((collection) => ({ collection, parentPath: [] as string[] }))
    .reverse()
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { collection, parentPath } = next
    if (listed.has(collection.id)) continue
    listed.add(collection.id)
    const path = [...parentPath, collection.name]
    entries.push({ ...collection, path, depth: path.length - 1 })
    const below = children.get(collection.id) ?? []
    for (let i = below.length - 1; i >= 0; i--) {
      const child = below[i]
      if (child !== undefined) stack.push({ collection: child, parentPath: path })
    }
  }
  return entries
}
