// The organizing strip of the paper pane for one paper: reading status, star,
// tags (with autocomplete) and the collections the paper is in.
import type { RefObject } from 'react'
import type { Paper, TagCount } from '../../../../shared/model'
import { libraryQueries } from '../../data/libraryQueries'
import { useBackgroundQuery } from '../../data/queryClient'
import { pathLabel } from './collectionPaths'
import type { PaperActions } from './paperActions'
import { OrganizeControls } from './OrganizeControls'

export function PaperOrganizer(props: {
  paper: Paper
  knownTags: readonly TagCount[]
  actions: PaperActions
  tagInput: RefObject<HTMLInputElement | null>
}) {
  const { paper, actions } = props
  const ids = [paper.id]
  const collections = useBackgroundQuery(libraryQueries.paperCollections(paper.id)) ?? []
  return (
    <OrganizeControls
      ids={ids}
      actions={actions}
      knownTags={props.knownTags}
      tagInput={props.tagInput}
      star={{
        pressed: paper.starred,
        label: paper.starred ? '★ Starred' : '☆ Star',
        sets: !paper.starred,
      }}
      status={{ name: `status-${paper.id}`, value: paper.status }}
      tags={{
        label: 'Tags',
        testId: 'paper-tags',
        present: paper.tags,
        chips: paper.tags.map((tag) => ({
          key: tag,
          label: tag,
          removeLabel: `Remove tag ${tag}`,
          onRemove: () => actions.removeTag(ids, tag),
        })),
      }}
      collections={{
        label: 'Collections',
        testId: 'paper-collections',
        chips: collections.map((collection) => ({
          key: collection.id,
          label: pathLabel(collection.path),
          removeLabel: `Remove from ${collection.name}`,
          onRemove: () => actions.removeFromCollection(collection.id, ids),
        })),
      }}
    />
  )
}
