// What the paper pane shows for a multi-selection: how many, which, and what
// they have in common (status, stars, tags, collections).
import type { CollectionRef, SelectionSummary } from '../../../shared/model'
import type { LibraryRecords } from '../store/libraryStore'
import { collectionRef, liveCollections } from './collections'
import { requirePapers } from './plan'
import { foldTag } from './tags'

/** Titles listed by name; the rest are counted. */
const TITLES_SHOWN = 12

export function summarizeSelection(
  records: LibraryRecords,
  paperIds: readonly string[],
): SelectionSummary {
  const papers = requirePapers(records, paperIds)
  const summary: SelectionSummary = {
    count: papers.length,
    titles: papers.slice(0, TITLES_SHOWN).map((paper) => paper.title),
    status: { unread: 0, reading: 0, read: 0 },
    starred: 0,
    inTrash: 0,
    tags: [],
    collections: [],
  }
  const tags = new Map<string, { tag: string; count: number }>()
  for (const paper of papers) {
    summary.status[paper.status]++
    if (paper.starred) summary.starred++
    if (paper.trashedAt !== undefined) summary.inTrash++
    for (const tag of paper.tags) {
      const entry = tags.get(foldTag(tag))
      if (entry === undefined) tags.set(foldTag(tag), { tag, count: 1 })
      else entry.count++
    }
  }
  summary.tags = [...tags.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
  const selected = new Set(papers.map((paper) => paper.id))
  const collections: Array<CollectionRef & { count: number }> = []
  for (const collection of liveCollections(records)) {
    const inIt = collection.paperIds.filter((id) => selected.has(id)).length
    if (inIt > 0) collections.push({ ...collectionRef(records, collection), count: inIt })
  }
  summary.collections = collections.sort((a, b) => a.path.join('/').localeCompare(b.path.join('/')))
  return summary
}
