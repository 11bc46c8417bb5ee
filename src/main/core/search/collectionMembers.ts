// Which papers in:"Name" finds: those of every collection so named and of
// the collections nested inside them, as Zotero shows subcollection items.
import { collectionEntries } from '../../../shared/model'
import type { Collection } from '../../../shared/model'

/** Paper ids in every collection called `name` (case-insensitive) or nested inside one. */
export function papersInCollectionsNamed(
  collections: readonly Collection[],
  name: string,
): Set<string> {
  const wanted = fold(name)
  const live = collections.filter((collection) => collection.trashedAt === undefined)
  const papers = new Set<string>()
  for (const entry of collectionEntries(live)) {
    if (!entry.path.some((ancestor) => fold(ancestor) === wanted)) continue
    for (const id of entry.paperIds) papers.add(id)
  }
  return papers
}

function fold(name: string): string {
  return name.trim().toLocaleLowerCase()
}
