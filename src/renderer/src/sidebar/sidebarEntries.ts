// The sidebar as a flat list of visible rows (what the tree shows with the
// collapsed groups and collections left out), so rendering and arrow-key
// movement work on one simple array.
import type { ListScope, Sidebar, SmartView } from '../../../shared/model'
import { collectionEntries, type CollectionEntry } from '../organize/collectionPaths'

export type SidebarGroup = 'collections' | 'views' | 'tags'

export type SidebarTarget =
  | { kind: 'library' }
  | { kind: 'unfiled' }
  | { kind: 'trash' }
  | { kind: 'group'; group: SidebarGroup }
  | { kind: 'collection'; collection: CollectionEntry }
  | { kind: 'view'; view: SmartView }
  | { kind: 'tag'; tag: string }

export interface SidebarEntry {
  key: string
  target: SidebarTarget
  label: string
  count?: number
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
  collections: 'Collections',
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

export function sidebarEntries(data: Sidebar, collapsed: ReadonlySet<string>): SidebarEntry[] {
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
  const group = (name: SidebarGroup, hasChildren: boolean): boolean => {
    const key = `group:${name}`
    const expanded = !collapsed.has(key)
    entries.push({
      key,
      target: { kind: 'group', group: name },
      label: GROUP_LABELS[name],
      level: 1,
      ...(hasChildren ? { expanded } : {}),
    })
    return expanded
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
