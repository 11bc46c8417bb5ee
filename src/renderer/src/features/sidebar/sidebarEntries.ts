// The sidebar as a flat list of visible rows (what the tree shows with the
// collapsed groups and collections left out), so rendering and arrow-key
// movement work on one simple array. The standalone notes are listed too, by
// title, under their own group.
import type {
  FeedStatus,
  ListScope,
  NoteSummary,
  Sidebar,
  SmartView,
} from '../../../../shared/model'
import { lastErrorText, lastSuccessText } from '../today/feedStatus'
import { collectionEntries, type CollectionEntry } from '../organize/collectionPaths'

export type SidebarGroup = 'feeds' | 'collections' | 'notes' | 'views' | 'tags'

export type SidebarTarget =
  | { kind: 'library' }
  | { kind: 'unfiled' }
  | { kind: 'trash' }
  | { kind: 'group'; group: SidebarGroup }
  | { kind: 'collection'; collection: CollectionEntry }
  | { kind: 'view'; view: SmartView }
  | { kind: 'tag'; tag: string }
  /** A standalone note: choosing it opens it in the notes pane. */
  | { kind: 'note'; id: string; title: string }
  /** Today, and each feed under Feeds: choosing one opens Today. */
  | { kind: 'today' }
  | { kind: 'feed'; id: string }

/** What the sidebar shows of Today: how many items arrived since the last visit, and the feeds. */
export interface SidebarToday {
  sinceVisit: number
  feeds: readonly FeedStatus[]
}

export interface SidebarEntry {
  key: string
  target: SidebarTarget
  label: string
  count?: number
  /** Said after the count ("12 new"). */
  countUnit?: string
  /** A second line under the label (a feed's last check), and whether it reports a failure. */
  detail?: { text: string; failed: boolean }
  /** 1 for top-level rows. */
  level: number
  /** Set on rows that have children: whether they are shown. */
  expanded?: boolean
}

export const VIEW_LABELS: Record<SmartView, string> = {
  unread: 'Unread',
  reading: 'Reading',
  starred: 'Starred',
  recent: 'Recently added',
  'has-notes': 'Has notes',
}

const GROUP_LABELS: Record<SidebarGroup, string> = {
  feeds: 'Feeds',
  collections: 'Collections',
  notes: 'Notes',
  views: 'Smart views',
  tags: 'Tags',
}

/** The key of the row that stands for a list scope. */
export function scopeKey(scope: ListScope): string {
  switch (scope.kind) {
    case 'collection':
      return `collection:${scope.id}`
    case 'view':
      return `view:${scope.view}`
    default:
      return scope.kind
  }
}

/** The sidebar's row for a standalone note. */
export function noteKey(id: string): string {
  return `note:${id}`
}

const byTitle = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/**
 * `notes` are the standalone notes (not in the Trash), listed by title under
 * "Notes"; `today`, Today's row and the feeds under "Feeds".
 */
export function sidebarEntries(
  data: Sidebar,
  collapsed: ReadonlySet<string>,
  notes: readonly Pick<NoteSummary, 'id' | 'title'>[] = [],
  today?: SidebarToday,
): SidebarEntry[] {
  const entries: SidebarEntry[] = [
    {
      key: 'library',
      target: { kind: 'library' },
      label: 'Library',
      count: data.library,
      level: 1,
    },
    {
      key: 'unfiled',
      target: { kind: 'unfiled' },
      label: 'Unfiled',
      count: data.unfiled,
      level: 1,
    },
  ]
  const group = (name: SidebarGroup, hasChildren: boolean, count?: number): boolean => {
    const key = `group:${name}`
    const expanded = !collapsed.has(key)
    entries.push({
      key,
      target: { kind: 'group', group: name },
      label: GROUP_LABELS[name],
      level: 1,
      ...(hasChildren ? { expanded } : {}),
      ...(count === undefined ? {} : { count }),
    })
    return expanded
  }

  if (today !== undefined) {
    entries.push({
      key: 'today',
      target: { kind: 'today' },
      label: 'Today',
      count: today.sinceVisit,
      countUnit: 'new',
      level: 1,
    })
    if (group('feeds', today.feeds.length > 0, today.feeds.length)) {
      for (const feed of today.feeds) {
        const error = lastErrorText(feed)
        entries.push({
          key: `feed:${feed.id}`,
          target: { kind: 'feed', id: feed.id },
          label: feed.name,
          count: feed.newItems,
          detail: { text: error ?? lastSuccessText(feed), failed: error !== undefined },
          level: 2,
        })
      }
    }
  }

  const collections = collectionEntries(data.collections)
  const parents = new Set(collections.map((entry) => entry.parentId))
  if (group('collections', collections.length > 0)) {
    // A collapsed collection hides everything below it.
    let hiddenBelow: number | undefined
    for (const collection of collections) {
      if (hiddenBelow !== undefined && collection.depth > hiddenBelow) continue
      hiddenBelow = undefined
      const key = `collection:${collection.id}`
      const hasChildren = parents.has(collection.id)
      const expanded = !collapsed.has(key)
      entries.push({
        key,
        target: { kind: 'collection', collection },
        label: collection.name,
        count: collection.paperCount,
        level: collection.depth + 2,
        ...(hasChildren ? { expanded } : {}),
      })
      if (hasChildren && !expanded) hiddenBelow = collection.depth
    }
  }

  if (group('notes', notes.length > 0, notes.length)) {
    for (const note of [...notes].sort((a, b) => byTitle.compare(a.title, b.title))) {
      entries.push({
        key: noteKey(note.id),
        target: { kind: 'note', id: note.id, title: note.title },
        label: note.title,
        level: 2,
      })
    }
  }

  if (group('views', true)) {
    for (const view of Object.keys(VIEW_LABELS) as SmartView[]) {
      entries.push({
        key: `view:${view}`,
        target: { kind: 'view', view },
        label: VIEW_LABELS[view],
        count: data.views[view],
        level: 2,
      })
    }
  }

  if (group('tags', data.tags.length > 0)) {
    for (const { tag, count } of data.tags) {
      entries.push({ key: `tag:${tag}`, target: { kind: 'tag', tag }, label: tag, count, level: 2 })
    }
  }

  entries.push({
    key: 'trash',
    target: { kind: 'trash' },
    label: 'Trash',
    count: data.trash,
    level: 1,
  })
  return entries
}
