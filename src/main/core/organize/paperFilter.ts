// Which papers the list shows for a sidebar choice (library, unfiled, a
// collection, a smart view, the Trash) narrowed by tags, and the counts the
// sidebar shows beside each choice.
import {
  RECENT_DAYS,
  SMART_VIEWS,
  type CollectionNode,
  type Paper,
  type PaperFilter,
  type Sidebar,
  type SmartView,
} from '../../../shared/model'
import type { LibraryRecords } from '../store/libraryStore'
import { liveTree, requireCollection } from './collections'
import { TagTally, cleanTag, foldTag, hasTag } from './tags'
import { trashCount } from './trash'

export interface FilterInputs {
  records: LibraryRecords
  now: Date
  /** Whether the paper has a note with some text in it (outside the Trash). */
  hasNote(paperId: string): boolean
}

type PaperTest = (paper: Paper) => boolean

const DAY_MS = 24 * 60 * 60 * 1000

const VIEW_TESTS: Record<SmartView, (inputs: FilterInputs) => PaperTest> = {
  unread: () => (paper) => paper.status === 'unread',
  reading: () => (paper) => paper.status === 'reading',
  starred: () => (paper) => paper.starred,
  recent: ({ now }) => {
    const since = new Date(now.getTime() - RECENT_DAYS * DAY_MS).toISOString()
    return (paper) => paper.addedAt >= since
  },
  'has-notes':
    ({ hasNote }) =>
    (paper) =>
      hasNote(paper.id),
}

const isLive: PaperTest = (paper) => paper.trashedAt === undefined

/** Ids of papers filed in at least one collection outside the Trash. */
function filedPaperIds(records: LibraryRecords): Set<string> {
  const filed = new Set<string>()
  for (const collection of records.collections.values()) {
    if (collection.trashedAt !== undefined) continue
    for (const id of collection.paperIds) filed.add(id)
  }
  return filed
}

/** The test a paper must pass to be listed under `filter`. An unknown collection is an error. */
export function paperTest(inputs: FilterInputs, filter: PaperFilter | undefined): PaperTest {
  const scope = filter?.scope ?? { kind: 'library' }
  let inScope: PaperTest
  switch (scope.kind) {
    case 'library':
      inScope = isLive
      break
    case 'unfiled': {
      const filed = filedPaperIds(inputs.records)
      inScope = (paper) => isLive(paper) && !filed.has(paper.id)
      break
    }
    case 'collection': {
      const members = new Set(requireCollection(inputs.records, scope.id).paperIds)
      inScope = (paper) => isLive(paper) && members.has(paper.id)
      break
    }
    case 'view': {
      const test = VIEW_TESTS[scope.view](inputs)
      inScope = (paper) => isLive(paper) && test(paper)
      break
    }
    case 'trash':
      inScope = (paper) => !isLive(paper)
      break
  }
  const tags = (filter?.tags ?? []).map((tag) => foldTag(cleanTag(tag)))
  if (tags.length === 0) return inScope
  return (paper) => inScope(paper) && tags.every((tag) => hasTag(paper, tag))
}

/** The sidebar: every choice with its count, computed in one pass over the papers. */
export function sidebarFor(inputs: FilterInputs): Sidebar {
  const { records } = inputs
  const filed = filedPaperIds(records)
  const tallies = SMART_VIEWS.map((view) => ({ view, test: VIEW_TESTS[view](inputs), count: 0 }))
  const tags = new TagTally()
  const trashedPapers = new Set<string>()
  let library = 0
  let unfiled = 0
  for (const paper of records.papers.values()) {
    if (!isLive(paper)) {
      trashedPapers.add(paper.id)
      continue
    }
    library++
    if (!filed.has(paper.id)) unfiled++
    for (const tally of tallies) if (tally.test(paper)) tally.count++
    for (const tag of paper.tags) tags.add(tag)
  }
  const views = Object.fromEntries(tallies.map(({ view, count }) => [view, count]))
  return {
    library,
    unfiled,
    trash: trashCount(records, trashedPapers.size),
    views: views as Record<SmartView, number>,
    collections: collectionTree(records, trashedPapers),
    tags: tags.counts(),
  }
}

/** Live collections depth-first, siblings in order, each with its count of live papers. */
function collectionTree(records: LibraryRecords, trashed: ReadonlySet<string>): CollectionNode[] {
  const tree = liveTree(records)
  const nodes: CollectionNode[] = []
  const visit = (parentId: string | undefined): void => {
    for (const collection of tree.get(parentId) ?? []) {
      let paperCount = 0
      for (const id of collection.paperIds) {
        if (!trashed.has(id) && records.papers.has(id)) paperCount++
      }
      nodes.push({
        id: collection.id,
        name: collection.name,
        ...(parentId === undefined ? {} : { parentId }),
        position: collection.position,
        paperCount,
      })
      visit(collection.id)
    }
  }
  visit(undefined)
  return nodes
}
