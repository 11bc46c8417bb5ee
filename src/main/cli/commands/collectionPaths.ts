// Collections as the CLI prints and names them: each with the names of its
// ancestors ("Tool learning/Retrieval").
import { collectionEntries as entriesOf } from '../../../shared/model'
import type { CollectionNode } from '../../../shared/model'
import type { Session } from '../session'

/** A collection with the names of its ancestors, itself last. */
export interface CollectionEntry extends CollectionNode {
  path: string[]
}

/** Every collection, in the sidebar's order (parents before their children). */
export async function collectionEntries(session: Session): Promise<CollectionEntry[]> {
  const nodes = (await session.call('getSidebar', {})).collections
  const paths = new Map(entriesOf(nodes).map((entry) => [entry.id, entry.path]))
  return nodes.map((node) => ({ ...node, path: paths.get(node.id) ?? [node.name] }))
}

export function shownPath(path: readonly string[]): string {
  return path.join('/')
}
