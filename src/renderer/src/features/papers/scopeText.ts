// What the list says about the view it shows: its title above the rows, and
// what an empty list says instead of rows.
import type { CollectionNode, ListScope } from '../../../../shared/model'
import { collectionEntries, pathLabel } from '../organize/collectionPaths'
import { VIEW_LABELS } from '../sidebar/sidebarEntries'

export function scopeTitle(scope: ListScope, collections: readonly CollectionNode[]): string {
  switch (scope.kind) {
    case 'library':
      return 'Library'
    case 'unfiled':
      return 'Unfiled'
    case 'trash':
      return 'Trash'
    case 'view':
      return VIEW_LABELS[scope.view]
    case 'collection': {
      const entry = collectionEntries(collections).find((node) => node.id === scope.id)
      return entry === undefined ? '' : pathLabel(entry.path)
    }
  }
}

export function emptyTextFor(scope: ListScope, tags: readonly string[]): string {
  if (tags.length > 0) {
    return tags.length === 1
      ? 'No paper here has this tag.'
      : 'No paper here has all of these tags.'
  }
  switch (scope.kind) {
    case 'collection':
      return 'No papers in this collection yet. Drag papers onto it in the sidebar, or press C in the list.'
    case 'trash':
      return 'No papers in the Trash.'
    case 'unfiled':
      return 'Every paper is in a collection.'
    default:
      return 'No papers here.'
  }
}
