// Identifiers that could not be looked up (offline, service busy) wait in a
// queue; this banner says how many and why, and offers to retry or forget them.
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../data/client'
import { libraryQueries } from '../../data/libraryQueries'

export function LookupQueueBanner(props: { onRetry: () => void }) {
  const queryClient = useQueryClient()
  const { data, isError } = useQuery(libraryQueries.lookupQueue())
  const queue = (isError ? undefined : data) ?? { items: [] }
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
            .then((left) => queryClient.setQueryData(libraryQueries.lookupQueue().queryKey, left))
        }
      >
        Forget them
      </button>
    </div>
  )
}
