// The renderer's query cache. The library lives in main, which says when it
// changes (see changeInvalidation.ts), so an answer stays fresh until then:
// nothing refetches on a timer, on focus or on reconnecting (Offprint works
// offline), and nothing retries (an error is shown as it is). An answer no view
// shows any more is dropped at once, so a view that comes back asks main again
// rather than showing, for a moment, what a change has since made stale.
import {
  QueryCache,
  QueryClient,
  keepPreviousData,
  useQuery,
  type UseQueryOptions,
} from '@tanstack/react-query'
import type { LibraryQueryKey } from './libraryQueries'
import { reportBackgroundError } from './client'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.meta?.background === true) reportBackgroundError(error)
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        gcTime: 0,
        retry: false,
        networkMode: 'always',
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
    },
  })
}

/**
 * Data the window fetches by itself (counts, summaries, a paper's collections):
 * undefined until it arrives, then the last answer (also while another key's
 * answer is on its way); a failure is logged (see reportBackgroundError)
 * and the view goes on with what it has.
 */
export function useBackgroundQuery<T>(
  options: UseQueryOptions<T, Error, T, LibraryQueryKey>,
  enabled = true,
): T | undefined {
  return useQuery({
    ...options,
    enabled,
    placeholderData: keepPreviousData,
    meta: { background: true },
  }).data
}
