// Above the list: what it shows (the sidebar's choice and its count), the
// tags it is narrowed to (each removable), and the order.
import type { PaperSort } from '../../../../shared/model'
import { ChipList } from '../../ui/ChipList'

const SORT_LABELS: Record<PaperSort, string> = {
  published: 'Published',
  added: 'Date added',
  title: 'Title',
  upvotes: 'Upvotes',
}

interface ListHeaderProps {
  title: string
  total: number | undefined
  tags: readonly string[]
  onRemoveTag(tag: string): void
  sort: PaperSort
  onSort(sort: PaperSort): void
  /** The Trash view's button. */
  onEmptyTrash?: () => void
  /** The Trash holds collections or notes besides the listed papers. */
  trashHoldsMore?: boolean
}

export function ListHeader(props: ListHeaderProps) {
  return (
    <div className="list-header" data-testid="list-header">
      <h2 className="list-title" data-testid="list-title" title={props.title}>
        {props.title}
      </h2>
      <div className="list-header-line">
        <span className="list-count" data-testid="list-count">
          {props.total === undefined
            ? ''
            : props.total === 1
              ? '1 paper'
              : `${props.total.toLocaleString('en')} papers`}
        </span>
        <span className="toolbar-spacer" />
        {props.onEmptyTrash !== undefined && (
          <button
            type="button"
            className="small-button danger"
            disabled={props.total === 0 && props.trashHoldsMore !== true}
            onClick={props.onEmptyTrash}
          >
            Empty Trash…
          </button>
        )}
        <label className="sort-control">
          <span className="visually-hidden">Sort by</span>
          <select
            value={props.sort}
            aria-label="Sort by"
            onChange={(event) => props.onSort(event.target.value as PaperSort)}
            data-testid="sort-select"
          >
            {(Object.keys(SORT_LABELS) as PaperSort[]).map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {props.tags.length > 0 && (
        <div className="list-tag-filter">
          <ChipList
            kind="tag"
            label="Tags the list is filtered by"
            chips={props.tags.map((tag) => ({
              key: tag,
              label: tag,
              removeLabel: `Stop filtering by ${tag}`,
              onRemove: () => props.onRemoveTag(tag),
            }))}
          />
        </div>
      )}
    </div>
  )
}
