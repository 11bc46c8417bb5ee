// The organizing controls the paper pane shows for one paper and for a
// multi-selection alike: star, reading status, tags and collections.
import type { ReactNode, RefObject } from 'react'
import type { ReadingStatus, TagCount } from '../../../../shared/model'
import { ChipList, type Chip } from '../../ui/ChipList'
import { TagInput } from '../../ui/TagInput'
import type { PaperActions } from './paperActions'

export const STATUS_LABELS: Record<ReadingStatus, string> = {
  unread: 'Unread',
  reading: 'Reading',
  read: 'Read',
}

export interface OrganizeControlsProps {
  ids: readonly string[]
  actions: PaperActions
  /** Whether the star button shows as on, what it says, and what pressing it sets. */
  star: { pressed: boolean; label: string; sets: boolean }
  status: { name: string; value: ReadingStatus | undefined; counts?: Record<ReadingStatus, number> }
  tags: {
    chips: Chip[]
    label: string
    testId: string
    present?: readonly string[]
    placeholder?: string
  }
  collections: { chips: Chip[]; label: string; testId?: string }
  knownTags: readonly TagCount[]
  tagInput: RefObject<HTMLInputElement | null>
  /** More lines at the end (the Trash buttons of a selection). */
  children?: ReactNode
}

export function OrganizeControls(props: OrganizeControlsProps) {
  const { ids, actions, star, status, tags, collections, knownTags, tagInput, children } = props
  return (
    <section className="paper-organizer" aria-label="Organize">
      <div className="organizer-line">
        <button
          type="button"
          className={`star-button${star.pressed ? ' starred' : ''}`}
          aria-pressed={star.pressed}
          title={`${star.sets ? 'Star' : 'Unstar'} (s)`}
          onClick={() => actions.setStarred(ids, star.sets)}
          data-testid="star-button"
        >
          {star.label}
        </button>
        <div className="status-control" role="radiogroup" aria-label="Reading status">
          {(Object.keys(STATUS_LABELS) as ReadingStatus[]).map((choice) => (
            <label
              key={choice}
              className={`status-option${status.value === choice ? ' checked' : ''}`}
            >
              <input
                type="radio"
                name={status.name}
                value={choice}
                checked={status.value === choice}
                onChange={() => actions.setStatus(ids, choice)}
              />
              {STATUS_LABELS[choice]}
              {status.counts !== undefined && (
                <span className="status-count">{status.counts[choice]}</span>
              )}
            </label>
          ))}
        </div>
      </div>
      <div className="organizer-line">
        <span className="organizer-label">Tags</span>
        <ChipList kind="tag" label={tags.label} testId={tags.testId} chips={tags.chips} />
        <TagInput
          ref={tagInput}
          known={knownTags}
          present={tags.present ?? []}
          {...(tags.placeholder === undefined ? {} : { placeholder: tags.placeholder })}
          onAdd={(tag) => actions.addTag(ids, tag)}
        />
      </div>
      <div className="organizer-line">
        <span className="organizer-label">Collections</span>
        <ChipList
          kind="collection"
          label={collections.label}
          {...(collections.testId === undefined ? {} : { testId: collections.testId })}
          chips={collections.chips}
        />
        <button
          type="button"
          className="small-button"
          onClick={() => actions.chooseCollection(ids)}
        >
          Add to collection…
        </button>
      </div>
      {children}
    </section>
  )
}
