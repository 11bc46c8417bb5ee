// Today's sidebar: the inbox counts, then each feed with what is new in it,
// when its last check succeeded and why the last one failed; a field to follow
// a new feed and a button to check them all now.
import { useState, type FormEvent } from 'react'
import type { FeedStatus, InboxCounts } from '../../../../shared/model'

interface FeedsColumnProps {
  feeds: readonly FeedStatus[]
  counts: InboxCounts | undefined
  checking: boolean
  onAdd(spec: string): Promise<boolean>
  onRefresh(): void
  onRemove(feed: FeedStatus): void
}

function when(iso: string | undefined): string {
  if (iso === undefined) return 'never'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString()
}

export function FeedsColumn(props: FeedsColumnProps) {
  const { feeds, counts } = props
  const [spec, setSpec] = useState('')

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
      <h3 className="today-subheading">Feeds</h3>
      <ul className="today-feed-list">
        {feeds.map((feed) => (
          <li key={feed.id} className="today-feed" data-testid="today-feed">
            <div className="today-feed-name">
              <span>{feed.name}</span>
              <span className="count">{feed.newItems}</span>
            </div>
            <div className="today-feed-status">
              Last success: {when(feed.lastSuccessAt)}
              {feed.lastError !== undefined && (
                <span className="today-feed-error" role="status">
                  {' '}
                  · last check failed: {feed.lastError}
                </span>
              )}
            </div>
            <button
              type="button"
              className="link-button"
              onClick={() => props.onRemove(feed)}
              aria-label={`Stop following ${feed.name}`}
            >
              Unfollow
            </button>
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
