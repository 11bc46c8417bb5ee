// The paper pane for a multi-selection: how many papers, which, and what
// they share, with the actions that apply to all of them.
import type { RefObject } from 'react'
import type { SelectionSummary, TagCount } from '../../../../shared/model'
import { libraryQueries } from '../../data/libraryQueries'
import { useBackgroundQuery } from '../../data/queryClient'
import { pathLabel } from '../organize/collectionPaths'
import type { PaperActions } from '../organize/paperActions'
import { OrganizeControls } from '../organize/OrganizeControls'

export function SelectionSummaryPane(props: {
  ids: readonly string[]
  knownTags: readonly TagCount[]
  actions: PaperActions
  tagInput: RefObject<HTMLInputElement | null>
}) {
  const { ids, actions } = props
  const summary = useSelectionSummary(ids)
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
      <OrganizeControls
        ids={ids}
        actions={actions}
        knownTags={props.knownTags}
        tagInput={props.tagInput}
        star={{
          pressed: allStarred,
          label: allStarred ? '★ Unstar all' : `☆ Star all (${summary.starred} starred)`,
          sets: !allStarred,
        }}
        status={{ name: 'status-selection', value: unanimous, counts: summary.status }}
        tags={{
          label: 'Tags of the selected papers',
          testId: 'selection-tags',
          placeholder: 'Add tag to all…',
          chips: summary.tags.map(({ tag, count }) => ({
            key: tag,
            label: tag,
            count,
            title: `${count} of ${summary.count} papers`,
            removeLabel: `Remove tag ${tag} from all`,
            onRemove: () => actions.removeTag(ids, tag),
          })),
        }}
        collections={{
          label: 'Collections of the selected papers',
          chips: summary.collections.map((collection) => ({
            key: collection.id,
            label: pathLabel(collection.path),
            count: collection.count,
            title: `${collection.count} of ${summary.count} papers`,
            removeLabel: `Remove all from ${collection.name}`,
            onRemove: () => actions.removeFromCollection(collection.id, ids),
          })),
        }}
      >
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
      </OrganizeControls>
    </article>
  )
}

function useSelectionSummary(ids: readonly string[]): SelectionSummary | undefined {
  // Keyed by value: a new array with the same ids asks nothing new.
  return useBackgroundQuery(libraryQueries.selectionSummary([...ids]))
}
