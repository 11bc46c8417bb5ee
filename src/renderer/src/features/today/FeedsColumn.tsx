// Today's sidebar: the inbox counts, then each feed with what is new in it,
// when its last check succeeded and why the last one failed; a field to follow
// a new feed and a button to check them all now. Settings… under a feed
// changes its name, how often it is checked and its collection.
import { useState, type FormEvent } from 'react'
import type { CollectionNode, FeedStatus, InboxCounts } from '../../../../shared/model'
import { lastErrorText, lastSuccessText } from './feedStatus'
import { FeedSettingsForm, type FeedChanges } from './FeedSettingsForm'

interface FeedsColumnProps {
  feeds: readonly FeedStatus[]
  counts: InboxCounts | undefined
  /** Of the new items, how many arrived since the last visit (undefined: not known yet). */
  arrived: number | undefined
  checking: boolean
  collections: readonly CollectionNode[]
  onAdd(spec: string): Promise<boolean>
  onChange(feed: FeedStatus, changes: FeedChanges): void
  onRefresh(): void
  onRemove(feed: FeedStatus): void
}

export function FeedsColumn(props: FeedsColumnProps) {
  const { feeds, counts } = props
  const [spec, setSpec] = useState('')
  const [editing, setEditing] = useState<string>()

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (spec.trim() === '') return
    if (await props.onAdd(spec.trim())) setSpec('')
  }

  return (
    <nav className="today-feeds" aria-label="Feeds">
      <h2 className="today-heading">Today</h2>
      <p className="today-counts" data-testid="today-counts">
        {counts === undefined
          ? '…'
          : `${counts.new} new · ${counts.kept} kept · ${counts.skipped} skipped`}
      </p>
      {props.arrived !== undefined && (
        <p className="today-arrived" data-testid="today-arrived">
          {props.arrived === 1
            ? '1 arrived since your last visit'
            : `${props.arrived.toLocaleString('en')} arrived since your last visit`}
        </p>
      )}
      <h3 className="today-subheading">Feeds</h3>
      <ul className="today-feed-list">
        {feeds.map((feed) => (
          <li key={feed.id} className="today-feed" data-testid="today-feed">
            <div className="today-feed-name">
              <span>{feed.name}</span>
              <span className="count">{feed.newItems}</span>
            </div>
            <div className="today-feed-status">
              Every {feed.everyHours} h · {lastSuccessText(feed)}
              {feed.lastError !== undefined && (
                <span className="today-feed-error" role="status">
                  {' '}
                  · {lastErrorText(feed)}
                </span>
              )}
            </div>
            <div className="today-feed-actions">
              <button
                type="button"
                className="link-button"
                aria-expanded={editing === feed.id}
                onClick={() => setEditing(editing === feed.id ? undefined : feed.id)}
                aria-label={`Settings of ${feed.name}`}
              >
                Settings…
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() => props.onRemove(feed)}
                aria-label={`Stop following ${feed.name}`}
              >
                Unfollow
              </button>
            </div>
            {editing === feed.id && (
              <FeedSettingsForm
                feed={feed}
                collections={props.collections}
                onSave={(changes) => {
                  setEditing(undefined)
                  props.onChange(feed, changes)
                }}
                onCancel={() => setEditing(undefined)}
              />
            )}
          </li>
        ))}
        {feeds.length === 0 && <li className="today-feed-none">No feeds yet.</li>}
      </ul>
      <form className="today-add" onSubmit={(event) => void submit(event)}>
        <label htmlFor="today-add-spec">Follow a feed</label>
        <input
          id="today-add-spec"
          value={spec}
          placeholder="hf-daily, arxiv:cs.CL+cs.LG, arxiv-query:au:Bengio"
          onChange={(event) => setSpec(event.target.value)}
        />
        <button type="submit">Follow</button>
      </form>
      <button type="button" onClick={props.onRefresh} disabled={props.checking}>
        {props.checking ? 'Checking…' : 'Check now'}
      </button>
    </nav>
  )
}
