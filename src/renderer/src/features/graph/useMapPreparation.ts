// The library map made ready while the window is idle, so that its first
// opening after start takes the path of an opening again: the map's answer
// asked of the core into the query cache, its graph built a few hundred
// nodes or edges at a time in the window's idle moments, and, once per window,
// its nodes drawn once outside the view (mapWarmUp.ts). Only for a library
// whose map was laid out before (its layout is in the library folder): a map
// nobody opened costs nothing. A change to the library makes the answer stale
// (the cache's invalidation); it is prepared again once the library has been
// quiet a while, never while the map is open (it fetches for itself then).
import { useEffect } from 'react'
import { QueryObserver, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { api } from '../../data/client'
import { libraryQueries } from '../../data/libraryQueries'
import { readColours } from './graphStyle'
import { prepareMapGraph } from './mapGraphs'
import { warmUpMapDrawing } from './mapWarmUp'

/** How long after the library is shown the map is first prepared. */
const AFTER_START_MS = 2_000
/**
 * How long the library must be quiet after a change before the map is
 * prepared again (each preparation asks the core for the whole map: a note
 * saved at every pause in typing must not cost that each time).
 */
const AFTER_CHANGE_MS = 15_000

/** Prepares the map at idle once `ready` (the library is shown), until unmounted. */
export function useMapPreparation(ready: boolean): void {
  const client = useQueryClient()
  useEffect(() => {
    if (!ready) return undefined
    return prepareMapWhenIdle(client)
  }, [client, ready])
}

/** The window's next idle moment. */
function nextIdle(): Promise<IdleDeadline> {
  return new Promise((resolve) => requestIdleCallback(resolve))
}

function prepareMapWhenIdle(client: QueryClient): () => void {
  const options = libraryQueries.libraryMap()
  // Holds the prepared answer in the cache: an observer that never fetches by itself, so a
  // change marks the answer stale without asking the core at once.
  const holder = new QueryObserver(client, { ...options, enabled: false })
  const release = holder.subscribe(() => undefined)
  const hash = holder.getCurrentQuery().queryHash
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  let preparing = false

  const prepare = async (): Promise<void> => {
    const query = holder.getCurrentQuery()
    // The map is open: it asks and builds for itself.
    if (stopped || preparing || query.isActive()) return
    preparing = true
    try {
      if (!(await api.hasSavedMapLayout({}))) return
      const map = await client.fetchQuery(options)
      if (stopped || !map.layoutCurrent) return
      const colours = readColours()
      const graph = await prepareMapGraph(map, map.positions, colours, nextIdle)
      await nextIdle()
      if (!stopped && !holder.getCurrentQuery().isActive()) {
        await warmUpMapDrawing(graph, colours, () => holder.getCurrentQuery().isActive())
      }
      // For the bench (npm run bench:graph) and the tests: the map is ready to open.
      performance.mark('library-map:prepared')
    } catch {
      // Only a head start: the map asks again when it opens, and shows what went wrong.
    } finally {
      preparing = false
    }
  }
  const schedule = (after: number): void => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (!stopped) void nextIdle().then(prepare)
    }, after)
  }
  const unwatch = client.getQueryCache().subscribe((event) => {
    if (event.query.queryHash !== hash) return
    // Made stale by a change, or a new answer (the map laid out and saved as it closed).
    if (event.type === 'updated' && event.action.type === 'invalidate') schedule(AFTER_CHANGE_MS)
    if (event.type === 'updated' && event.action.type === 'success') schedule(AFTER_START_MS)
  })
  schedule(AFTER_START_MS)
  return () => {
    stopped = true
    clearTimeout(timer)
    unwatch()
    release()
  }
}
