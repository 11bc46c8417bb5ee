// The organizing strip of the paper pane for one paper: reading status, star,
// tags (with autocomplete) and the collections the paper is in.
import { useCallback, type RefObject } from 'react'
import type { CollectionRef, Paper, TagCount } from '../../../../shared/model'
import { api } from '../../data/client'
import { useFetched } from '../../data/useLibraryData'
import { pathLabel } from './collectionPaths'
import type { PaperActions } from './paperActions'
import { OrganizeControls } from './OrganizeControls'

export function PaperOrganizer(props: {
  paper: Paper
  version: number
  knownTags: readonly TagCount[]
  actions: PaperActions
  tagInput: RefObject<HTMLInputElement | null>
}) {
  const { paper, actions } = props
  const ids = [paper.id]
  const collections = usePaperCollections(paper.id, props.version)
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

function usePaperCollections(paperId: string, version: number): CollectionRef[] {
  const load = useCallback(() => api.getPaperCollections({ id: paperId }), [paperId])
  return useFetched(version, load) ?? []
}
