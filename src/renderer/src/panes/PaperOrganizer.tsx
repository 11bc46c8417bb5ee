// The organizing strip of the paper pane: reading status, star, tags (with
// autocomplete) and the collections the paper is in.
import { useEffect, useState, type RefObject } from 'react'
import type { CollectionRef, Paper, ReadingStatus, TagCount } from '../../../shared/model'
import { api, reportBackgroundError } from '../api/client'
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
        <ul className="chip-list" aria-label="Tags" data-testid="paper-tags">
          {paper.tags.map((tag) => (
            <li key={tag} className="tag-chip">
              {tag}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => actions.removeTag(ids, tag)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <TagInput
          ref={props.tagInput}
          known={props.knownTags}
          present={paper.tags}
          onAdd={(tag) => actions.addTag(ids, tag)}
        />
      </div>
      <div className="organizer-line">
        <span className="organizer-label">Collections</span>
        <ul className="chip-list" aria-label="Collections" data-testid="paper-collections">
          {collections.map((collection) => (
            <li key={collection.id} className="collection-chip">
              {pathLabel(collection.path)}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove from ${collection.name}`}
                onClick={() => actions.removeFromCollection(collection.id, ids)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
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
