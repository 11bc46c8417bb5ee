// A feed's own settings, under its row in Today's Feeds column: its name, how
// often it is checked, and the collection its kept items go into. Saved in one
// change (one undo step); Esc or Cancel leaves it as it was.
import { useMemo, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { CollectionNode, FeedStatus } from '../../../../shared/model'
import { collectionEntries, pathLabel } from '../organize/collectionPaths'

export interface FeedChanges {
  name: string
  everyHours: number
  /** null: kept items go into no collection. */
  collectionId: string | null
}

/** As the core accepts it: at least an hour, at most a month. */
const MAX_HOURS = 744

export function FeedSettingsForm(props: {
  feed: FeedStatus
  collections: readonly CollectionNode[]
  onSave(changes: FeedChanges): void
  onCancel(): void
}) {
  const { feed } = props
  const [name, setName] = useState(feed.name)
  const [hours, setHours] = useState(String(feed.everyHours))
  const [collectionId, setCollectionId] = useState(feed.collectionId ?? '')
  const entries = useMemo(() => collectionEntries(props.collections), [props.collections])
  const everyHours = Number(hours)
  const valid =
    name.trim() !== '' && Number.isInteger(everyHours) && everyHours >= 1 && everyHours <= MAX_HOURS

  function submit(event: FormEvent): void {
    event.preventDefault()
    if (!valid) return
    props.onSave({
      name: name.trim(),
      everyHours,
      collectionId: collectionId === '' ? null : collectionId,
    })
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return
    event.stopPropagation()
    props.onCancel()
  }

  const id = (what: string): string => `feed-${feed.id}-${what}`
  return (
    <form
      className="today-feed-settings"
      aria-label={`Settings of ${feed.name}`}
      onSubmit={submit}
      onKeyDown={onKeyDown}
    >
      <label htmlFor={id('name')}>Name</label>
      <input
        id={id('name')}
        value={name}
        maxLength={200}
        autoFocus
        onChange={(event) => setName(event.target.value)}
      />
      <label htmlFor={id('hours')}>Check every (hours)</label>
      <input
        id={id('hours')}
        type="number"
        min={1}
        max={MAX_HOURS}
        step={1}
        value={hours}
        onChange={(event) => setHours(event.target.value)}
      />
      <label htmlFor={id('collection')}>Kept papers also go into</label>
      <select
        id={id('collection')}
        value={collectionId}
        onChange={(event) => setCollectionId(event.target.value)}
      >
        <option value="">No collection</option>
        {entries.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {pathLabel(entry.path)}
          </option>
        ))}
      </select>
      <div className="today-feed-settings-actions">
        <button type="submit" disabled={!valid}>
          Save
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
