// The paper pane for a multi-selection: how many papers, which, and what
// they share, with the actions that apply to all of them.
import { useEffect, useState, type RefObject } from 'react'
import type { SelectionSummary, TagCount } from '../../../shared/model'
import { api, reportBackgroundError } from '../api/client'
import { ChipList } from '../components/ChipList'
import { TagInput } from '../components/TagInput'
import { pathLabel } from '../organize/collectionPaths'
import type { PaperActions } from '../organize/paperActions'
import { StatusControl } from './PaperOrganizer'

export function SelectionSummaryPane(props: {
  ids: readonly string[]
  version: number
  knownTags: readonly TagCount[]
  actions: PaperActions
  tagInput: RefObject<HTMLInputElement | null>
}) {
  const { ids, actions } = props
  const summary = useSelectionSummary(ids, props.version)
  if (summary === undefined)
    return <div className="pane-placeholder">{ids.length} papers selected</div>
  const allStarred = summary.starred === summary.count
  const allTrashed = summary.inTrash === summary.count
  const unanimous = (['unread', 'reading', 'read'] as const).find(
    (status) => summary.status[status] === summary.count,
  )
  return (
    <article
      className="paper-view selection-summary"
      aria-labelledby="selection-title"
      data-testid="selection-summary"
    >
      <h1 id="selection-title" className="paper-title">
        {summary.count} papers selected
      </h1>
      <ul className="selection-titles">
        {summary.titles.map((title, index) => (
          <li key={`${index}-${title}`}>{title}</li>
        ))}
        {summary.count > summary.titles.length && (
          <li className="selection-more">and {summary.count - summary.titles.length} more</li>
        )}
      </ul>
      <section className="paper-organizer" aria-label="Organize all selected">
        <div className="organizer-line">
          <button
            type="button"
            className={`star-button${allStarred ? ' starred' : ''}`}
            aria-pressed={allStarred}
            onClick={() => actions.setStarred(ids, !allStarred)}
            data-testid="star-button"
          >
            {allStarred ? '★ Unstar all' : `☆ Star all (${summary.starred} starred)`}
          </button>
          <StatusControl
            name="status-selection"
            value={unanimous}
            counts={summary.status}
            onChange={(status) => actions.setStatus(ids, status)}
          />
        </div>
        <div className="organizer-line">
          <span className="organizer-label">Tags</span>
          <ChipList
            kind="tag"
            label="Tags of the selected papers"
            testId="selection-tags"
            chips={summary.tags.map(({ tag, count }) => ({
              key: tag,
              label: tag,
              count,
              title: `${count} of ${summary.count} papers`,
              removeLabel: `Remove tag ${tag} from all`,
              onRemove: () => actions.removeTag(ids, tag),
            }))}
          />
          <TagInput
            ref={props.tagInput}
            known={props.knownTags}
            placeholder="Add tag to all…"
            onAdd={(tag) => actions.addTag(ids, tag)}
          />
        </div>
        <div className="organizer-line">
          <span className="organizer-label">Collections</span>
          <ChipList
            kind="collection"
            label="Collections of the selected papers"
            chips={summary.collections.map((collection) => ({
              key: collection.id,
              label: pathLabel(collection.path),
              count: collection.count,
              title: `${collection.count} of ${summary.count} papers`,
              removeLabel: `Remove all from ${collection.name}`,
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
        <div className="organizer-line">
          {allTrashed ? (
            <>
              <button type="button" className="small-button" onClick={() => actions.restore(ids)}>
                Restore {summary.count} papers
              </button>
              <button
                type="button"
                className="small-button danger"
                onClick={() => actions.deleteForever(ids)}
              >
                Delete for good…
              </button>
            </>
          ) : (
            <button
              type="button"
              className="small-button danger"
              onClick={() => actions.trash(ids)}
            >
              Move {summary.count} papers to the Trash
            </button>
          )}
        </div>
      </section>
    </article>
  )
}

function useSelectionSummary(
  ids: readonly string[],
  version: number,
): SelectionSummary | undefined {
  const [summary, setSummary] = useState<SelectionSummary | undefined>(undefined)
  const key = ids.join(',')
  useEffect(() => {
    let current = true
    const paperIds = key.split(',')
    api
      .summarizeSelection({ paperIds })
      .then((found) => current && setSummary(found))
      .catch(reportBackgroundError)
    return () => {
      current = false
    }
  }, [key, version])
  return summary
}
