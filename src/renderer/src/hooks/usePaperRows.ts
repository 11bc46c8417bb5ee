// The list's rows, fetched from main a page at a time as they scroll into view,
// so the renderer never holds (or waits for) the whole library.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { PaperSort, PaperSummary } from '../../../shared/model'
import { api, errorMessage } from '../api/client'

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
  /** The search query the loaded rows answer ('' for the whole library). */
  query: string
  error: string | undefined
}

/**
 * `version` changes whenever the library changes; pages are then refetched.
 * `query` is a search (see queryParser.ts); blank lists the whole library.
 */
export function usePaperRows(version: number, sort: PaperSort, query = ''): PaperRows {
  const [pages, setPages] = useState<ReadonlyMap<number, PaperSummary[]>>(new Map())
  const [total, setTotal] = useState<number | undefined>(undefined)
  const [answered, setAnswered] = useState('')
  const [error, setError] = useState<string | undefined>(undefined)
  const requested = useRef(new Set<number>())
  const generation = useRef(0)
  const loadedPages = useRef<ReadonlyMap<number, PaperSummary[]>>(pages)
  const newList = useRef(false)
  loadedPages.current = pages

  const fetchPage = useCallback(
    (page: number) => {
      if (requested.current.has(page)) return
      requested.current.add(page)
      const asked = generation.current
      const search = query.trim()
      const args = { offset: page * ROWS_PER_PAGE, limit: ROWS_PER_PAGE, sort }
      api
        .listPapers(search === '' ? args : { ...args, query: search })
        .then((result) => {
          if (asked !== generation.current) return // an older view of the library
          setTotal(result.total)
          // The first answer for a new query replaces the old list's rows.
          const replacing = newList.current
          newList.current = false
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
    [sort, query],
  )

  // A changed library invalidates every page: refetch the first one and those
  // already shown; old rows stay on screen until their page is replaced. A new
  // query or sort is a different list: only its first page is fetched.
  const listKey = useRef('')
  useEffect(() => {
    generation.current += 1
    requested.current = new Set()
    const key = `${sort}\u0000${query}`
    const sameList = key === listKey.current
    listKey.current = key
    newList.current = !sameList
    fetchPage(0)
    if (sameList) for (const page of loadedPages.current.keys()) fetchPage(page)
  }, [version, fetchPage, sort, query])

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
