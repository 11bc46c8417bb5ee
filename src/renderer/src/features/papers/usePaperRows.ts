// The list's rows, fetched from main a page at a time as they scroll into view,
// so the renderer never holds (or waits for) the whole library. Each page is a
// query: a change to the library refetches the pages on screen (old rows stay
// until their page is replaced).
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query'
import type { PaperFilter, PaperPage, PaperSort, PaperSummary } from '../../../../shared/model'
import { errorMessage } from '../../data/client'
import { libraryQueries } from '../../data/libraryQueries'

export const ROWS_PER_PAGE = 200
const PAGE_KEPT_MS = 30_000

export interface PaperRows {
  /** Papers in the list; undefined until the first page arrives. */
  total: number | undefined
  /** The row at `index`, or undefined while its page is loading. */
  rowAt(index: number): PaperSummary | undefined
  /** Fetch the pages covering [first, last] if they are not loaded yet. */
  ensureLoaded(first: number, last: number): void
  /** Index of a loaded row with this id, or -1. */
  indexOf(id: string): number
  /** The search query the loaded rows answer ('' for the whole view). */
  query: string
  error: string | undefined
}

/** The list on screen: a view (sort and filter), a search within it, and its pages asked for. */
interface Shown {
  sort: PaperSort
  filterKey: string
  search: string
  pages: readonly number[]
}

function pageQuery(shown: Omit<Shown, 'pages'>, page: number) {
  const args = {
    offset: page * ROWS_PER_PAGE,
    limit: ROWS_PER_PAGE,
    sort: shown.sort,
    filter: JSON.parse(shown.filterKey) as PaperFilter,
  }
  return {
    ...libraryQueries.paperPage(shown.search === '' ? args : { ...args, query: shown.search }),
    // Kept a while unused: a first page is fetched before the list shows it.
    gcTime: PAGE_KEPT_MS,
  }
}

/**
 * Another sort or filter (the sidebar's choice) empties the list until its
 * first page arrives; another search keeps the rows shown until its first
 * answer replaces them, so the list does not blink at every keystroke.
 */
export function usePaperRows(sort: PaperSort, filter: PaperFilter, query = ''): PaperRows {
  const queryClient = useQueryClient()
  // A search (see queryParser.ts) within the view; blank lists the whole view.
  const search = query.trim()
  // Compared by value: a new but equal filter object must not refetch.
  const filterKey = JSON.stringify(filter)
  const [shown, setShown] = useState<Shown | undefined>(undefined)
  const [error, setError] = useState<string | undefined>(undefined)
  const sameView = shown?.sort === sort && shown.filterKey === filterKey
  // Rows of the previous view must not linger (or be found by indexOf).
  const current = sameView ? shown : undefined
  const arrived = current?.search === search

  // The first page of what is asked for, fetched before it replaces what is shown.
  useEffect(() => {
    if (arrived) return
    let wanted = true
    const next = { sort, filterKey, search }
    queryClient
      .fetchQuery(pageQuery(next, 0))
      .then(() => {
        if (!wanted) return
        setShown({ ...next, pages: [0] })
        setError(undefined)
      })
      .catch((caught: unknown) => wanted && setError(errorMessage(caught)))
    return () => {
      wanted = false
    }
  }, [arrived, queryClient, sort, filterKey, search])

  const loaded = useQueries({
    queries: current === undefined ? [] : current.pages.map((page) => pageQuery(current, page)),
    combine: combinePages,
  })
  const pages = useMemo(() => {
    const byNumber = new Map<number, PaperSummary[]>()
    loaded.answers.forEach((answer, i) => {
      const page = current?.pages[i]
      if (page !== undefined && answer !== undefined) byNumber.set(page, answer.items)
    })
    return byNumber
  }, [loaded.answers, current])

  // A new list on screen is a new set of pages to extend (and the list asks again).
  const shownKey = current === undefined ? undefined : listKey(current)
  const ensureLoaded = useCallback(
    (first: number, last: number) => {
      setShown((previous) => {
        if (previous === undefined || listKey(previous) !== shownKey) return previous
        const added: number[] = []
        for (
          let page = Math.floor(first / ROWS_PER_PAGE);
          page <= Math.floor(last / ROWS_PER_PAGE);
          page++
        ) {
          if (!previous.pages.includes(page)) added.push(page)
        }
        return added.length === 0 ? previous : { ...previous, pages: [...previous.pages, ...added] }
      })
    },
    [shownKey],
  )

  const rowAt = useCallback(
    (index: number) => pages.get(Math.floor(index / ROWS_PER_PAGE))?.[index % ROWS_PER_PAGE],
    [pages],
  )

  const indexOf = useCallback(
    (id: string) => {
      for (const [page, rows] of pages) {
        const at = rows.findIndex((row) => row.id === id)
        if (at !== -1) return page * ROWS_PER_PAGE + at
      }
      return -1
    },
    [pages],
  )

  return {
    total: loaded.total,
    rowAt,
    ensureLoaded,
    indexOf,
    query: current?.search ?? search,
    error: error ?? loaded.error,
  }
}

function listKey(shown: Shown): string {
  return `${shown.sort}\u0000${shown.filterKey}\u0000${shown.search}`
}

/** The pages' answers in order, the count from the page that came last, the first error. */
function combinePages(results: UseQueryResult<PaperPage>[]) {
  let latest: UseQueryResult<PaperPage> | undefined
  for (const result of results) {
    if (
      result.data !== undefined &&
      (latest === undefined || result.dataUpdatedAt > latest.dataUpdatedAt)
    )
      latest = result
  }
  const failed = results.find((result) => result.error !== null)
  return {
    answers: results.map((result) => result.data),
    total: latest?.data?.total,
    error: failed?.error == null ? undefined : errorMessage(failed.error),
  }
}
