// The list's rows, fetched from main a page at a time as they scroll into view,
// so the renderer never holds (or waits for) the whole library.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { PaperFilter, PaperSort, PaperSummary } from '../../../../shared/model'
import { api, errorMessage } from '../../data/client'

export const ROWS_PER_PAGE = 200

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

/**
 * `version` changes whenever the library changes; pages are then refetched,
 * as they are when the sort or the filter (the sidebar's choice) changes.
 */
export function usePaperRows(
  version: number,
  sort: PaperSort,
  filter: PaperFilter,
  query = '',
): PaperRows {
  // A search (see queryParser.ts) within the view; blank lists the whole view.
  const search = query.trim()
  // Compared by value: a new but equal filter object must not refetch.
  const filterKey = JSON.stringify(filter)
  const [pages, setPages] = useState<ReadonlyMap<number, PaperSummary[]>>(new Map())
  const [total, setTotal] = useState<number | undefined>(undefined)
  const [error, setError] = useState<string | undefined>(undefined)
  const [answered, setAnswered] = useState('')
  // Set when the search changed: its first answer replaces the rows shown, which
  // stay until then so the list does not blink at every keystroke.
  const newSearch = useRef(false)
  const requested = useRef(new Set<number>())
  const generation = useRef(0)
  const loadedPages = useRef<ReadonlyMap<number, PaperSummary[]>>(pages)
  loadedPages.current = pages

  const fetchPage = useCallback(
    (page: number) => {
      if (requested.current.has(page)) return
      requested.current.add(page)
      const asked = generation.current
      const filter = JSON.parse(filterKey) as PaperFilter
      const args = { offset: page * ROWS_PER_PAGE, limit: ROWS_PER_PAGE, sort, filter }
      api
        .listPapers(search === '' ? args : { ...args, query: search })
        .then((result) => {
          if (asked !== generation.current) return // an older view of the library
          const replacing = newSearch.current
          newSearch.current = false
          setTotal(result.total)
          setPages((previous) =>
            replacing ? new Map([[page, result.items]]) : new Map(previous).set(page, result.items),
          )
          setAnswered(search)
          setError(undefined)
        })
        .catch((caught: unknown) => {
          requested.current.delete(page)
          setError(errorMessage(caught))
        })
    },
    [sort, filterKey, search],
  )

  // A changed library, sort or filter invalidates every page: refetch the first one and
  // those already shown. Old rows stay on screen until their page is replaced.
  const lastView = useRef('')
  const lastSearch = useRef('')
  useEffect(() => {
    generation.current += 1
    requested.current = new Set()
    // Another view (not just a change to this one) starts from its first page.
    const view = `${sort}\u0000${filterKey}`
    const sameView = view === lastView.current
    const sameSearch = search === lastSearch.current
    const pagesToLoad = sameView && sameSearch ? [...loadedPages.current.keys()] : []
    lastView.current = view
    lastSearch.current = search
    newSearch.current = sameView && !sameSearch
    if (!sameView) {
      // Rows of the previous view must not linger (or be found by indexOf).
      setPages(new Map())
      setTotal(undefined)
    }
    fetchPage(0)
    for (const page of pagesToLoad) fetchPage(page)
  }, [version, fetchPage, sort, filterKey, search])

  const ensureLoaded = useCallback(
    (first: number, last: number) => {
      for (
        let page = Math.floor(first / ROWS_PER_PAGE);
        page <= Math.floor(last / ROWS_PER_PAGE);
        page++
      ) {
        fetchPage(page)
      }
    },
    [fetchPage],
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

  return { total, rowAt, ensureLoaded, indexOf, query: answered, error }
}
