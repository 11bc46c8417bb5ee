// The sidebar: smart views, list scopes, tags, and its counts.
import type { CollectionNode } from './collection'

/** The built-in views of the sidebar, each a question about a paper. */
export type SmartView = 'unread' | 'reading' | 'starred' | 'recent' | 'has-notes'

export const SMART_VIEWS: readonly SmartView[] = [
  'unread',
  'reading',
  'starred',
  'recent',
  'has-notes',
]

/** "Recently added" means added within this many days. */
export const RECENT_DAYS = 7

/** Which part of the library the list shows (the sidebar's selection). */
export type ListScope =
  | { kind: 'library' }
  | { kind: 'unfiled' }
  | { kind: 'collection'; id: string }
  | { kind: 'view'; view: SmartView }
  | { kind: 'trash' }

/** What listPapers shows: a scope (the whole library by default) and tags that must all match. */
export interface PaperFilter {
  scope?: ListScope
  tags?: string[]
}

export interface TagCount {
  tag: string
  /** Papers outside the Trash carrying the tag. */
  count: number
}

/** Everything the sidebar shows, with its counts, in one answer. */
export interface Sidebar {
  library: number
  unfiled: number
  /** Items in the Trash: papers, collections and notes trashed on their own. */
  trash: number
  views: Record<SmartView, number>
  /** Collections outside the Trash, siblings in their order. */
  collections: CollectionNode[]
  /** Tags in use, alphabetically. */
  tags: TagCount[]
}
