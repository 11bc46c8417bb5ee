// Identifiers that could not be looked up (offline, service busy) wait in a
// queue; this banner says how many and why, and offers to retry or forget them.
import { useEffect, useState } from 'react'
import type { LookupQueue } from '../../../../shared/model'
import { api } from '../../data/client'

export function LookupQueueBanner(props: { version: number; onRetry: () => void }) {
  const [queue, setQueue] = useState<LookupQueue>({ items: [] })
  useEffect(() => {
    api
      .getLookupQueue({})
      .then(setQueue)
      .catch(() => setQueue({ items: [] }))
  }, [props.version])
  const first = queue.items[0]
  if (first === undefined) return null
  const count = queue.items.length
  return (
    <div className="lookup-queue" role="status" data-testid="lookup-queue">
      <span>
        <strong>
          {count === 1 ? '1 identifier waits' : `${count} identifiers wait`} to be looked up
        </strong>{' '}
        ({first.reason}):{' '}
        {queue.items
          .slice(0, 3)
          .map((item) => item.identifier)
          .join(', ')}
        {count > 3 && ', …'}
      </span>
      <button type="button" className="toolbar-button" onClick={props.onRetry}>
        Retry now
      </button>
      <button
        type="button"
        className="toolbar-button"
        onClick={() =>
          void api
            .dropQueuedLookups({ identifiers: queue.items.map((item) => item.identifier) })
            .then(setQueue)
        }
      >
        Forget them
      </button>
    </div>
  )
}
