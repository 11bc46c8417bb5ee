// The organizing strip of the paper pane: reading status, star, tags (with
// autocomplete) and the collections the paper is in.
import { useEffect, useState, type RefObject } from 'react'
import type { CollectionRef, Paper, ReadingStatus, TagCount } from '../../../shared/model'
import { api, reportBackgroundError } from '../api/client'
import { ChipList } from '../components/ChipList'
import { TagInput } from '../components/TagInput'
import { pathLabel } from '../organize/collectionPaths'
import type { PaperActions } from '../organize/paperActions'

export const STATUS_LABELS: Record<ReadingStatus, string> = {
  unread: 'Unread',
  reading: 'Reading',
  read: 'Read',
}

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
    <section className="paper-organizer" aria-label="Organize">
      <div className="organizer-line">
        <button
          type="button"
          className={`star-button${paper.starred ? ' starred' : ''}`}
          aria-pressed={paper.starred}
          title={paper.starred ? 'Unstar (s)' : 'Star (s)'}
          onClick={() => actions.setStarred(ids, !paper.starred)}
          data-testid="star-button"
        >
          {paper.starred ? '★ Starred' : '☆ Star'}
        </button>
        <StatusControl
          name={`status-${paper.id}`}
          value={paper.status}
          onChange={(status) => actions.setStatus(ids, status)}
        />
      </div>
      <div className="organizer-line">
        <span className="organizer-label">Tags</span>
        <ChipList
          kind="tag"
          label="Tags"
          testId="paper-tags"
          chips={paper.tags.map((tag) => ({
            key: tag,
            label: tag,
            removeLabel: `Remove tag ${tag}`,
            onRemove: () => actions.removeTag(ids, tag),
          }))}
        />
        <TagInput
          ref={props.tagInput}
          known={props.knownTags}
          present={paper.tags}
          onAdd={(tag) => actions.addTag(ids, tag)}
        />
      </div>
      <div className="organizer-line">
        <span className="organizer-label">Collections</span>
        <ChipList
          kind="collection"
          label="Collections"
          testId="paper-collections"
          chips={collections.map((collection) => ({
            key: collection.id,
            label: pathLabel(collection.path),
            removeLabel: `Remove from ${collection.name}`,
            onRemove: () => actions.removeFromCollection(collection.id, ids),
          }))}
        />
        <button
          type="button"
          className="small-button"
          onClick={() => actions.chooseCollection(ids)}
        >
          Add to collection…
        </button>
      </div>
    </section>
  )
}

/** Unread / Reading / Read as one radio group. */
export function StatusControl(props: {
  name: string
  value: ReadingStatus | undefined
  onChange: (status: ReadingStatus) => void
  counts?: Record<ReadingStatus, number>
}) {
  return (
    <div className="status-control" role="radiogroup" aria-label="Reading status">
      {(Object.keys(STATUS_LABELS) as ReadingStatus[]).map((status) => (
        <label key={status} className={`status-option${props.value === status ? ' checked' : ''}`}>
          <input
            type="radio"
            name={props.name}
            value={status}
            checked={props.value === status}
            onChange={() => props.onChange(status)}
          />
          {STATUS_LABELS[status]}
          {props.counts !== undefined && (
            <span className="status-count">{props.counts[status]}</span>
          )}
        </label>
      ))}
    </div>
  )
}

function usePaperCollections(paperId: string, version: number): CollectionRef[] {
  const [collections, setCollections] = useState<CollectionRef[]>([])
  useEffect(() => {
    let current = true
    api
      .getPaperCollections({ id: paperId })
      .then((found) => current && setCollections(found))
      .catch(reportBackgroundError)
    return () => {
      current = false
    }
  }, [paperId, version])
  return collections
}
