// Collections as the CLI prints and names them: each with the names of its
// ancestors ("Tool learning/Retrieval").
import type { CollectionNode } from '../../../shared/model'
import type { Session } from '../session'

/** A collection with the names of its ancestors, itself last. */
export interface CollectionEntry extends CollectionNode {
  path: string[]
}

/** Every collection, in the sidebar's order (parents before their children). */
export async function collectionEntries(session: Session): Promise<CollectionEntry[]> {
  const nodes = (await session.call('getSidebar', {})).collections
  const byId = new Map(nodes.map((node) => [node.id, node]))
  return nodes.map((node) => {
    const path = [node.name]
    for (let parent = node.parentId; parent !== undefined; parent = byId.get(parent)?.parentId) {
      path.unshift(byId.get(parent)?.name ?? '')
    }
    return { ...node, path }
  })
}

export function shownPath(path: readonly string[]): string {
  return path.join('/')
}
