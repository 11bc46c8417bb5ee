// Which papers are selected in the list: one (the paper pane shows it) or
// many (Ctrl/Cmd-click, Shift-click, Shift+arrows, Ctrl+A). A range can run
// over rows not loaded yet, so ranges are cut from the list's full id order,
// which main sends once per view.
import { useCallback, useMemo, useState } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { PaperFilter, PaperSort } from '../../../../shared/model'
import { reportBackgroundError } from '../../data/client'
import { libraryQueries } from '../../data/libraryQueries'
import type { PaperRows } from './usePaperRows'

interface SelectionState {
  ids: readonly string[]
  /** Chosen by the user, rather than by the window. */
  chosen?: boolean
  /** Where Shift ranges start. */
  anchorId?: string
  /** The row the keyboard is on. */
  focusId?: string
  /** The focus row's position, so a row that leaves the list hands over to its neighbour. */
  focusIndex?: number
}

export interface Selection {
  ids: readonly string[]
  focusId: string | undefined
  has(id: string): boolean
  /** Select exactly this row (at `index` in the list, when known). */
  selectOnly(id: string, index?: number): void
  /** Select a row the user did not choose (the first one of a new view). */
  selectInitial(id: string): void
  /** Whether the user chose the selection (not the window, e.g. after a row left). */
  chosen: boolean
  /** Add or remove this row (Ctrl/Cmd-click). */
  toggle(id: string, index: number): void
  /** Select from the anchor to this row (Shift-click, Shift+arrows). */
  extendTo(id: string, index: number): void
  selectAll(): void
}

/** How long a list's id order is kept unused (a range or Select All asks for it again soon). */
const IDS_KEPT_MS = 30_000

/**
 * The selection once the list changed under it, or undefined while it fits.
 * Papers that left the view leave the selection; if the focused one left, its
 * neighbour (now at its place) takes over. `listedIds` is every id of the view.
 */
function fitToList(
  state: SelectionState,
  { total, rowAt, indexOf }: PaperRows,
  listedIds: readonly string[] | undefined,
): SelectionState | undefined {
  if (total !== undefined && state.focusId !== undefined && indexOf(state.focusId) === -1) {
    const index = Math.min(state.focusIndex ?? 0, total - 1)
    const row = index >= 0 ? rowAt(index) : undefined
    if (total === 0) return { ids: [] }
    if (row !== undefined)
      return { ids: [row.id], anchorId: row.id, focusId: row.id, focusIndex: index }
  }
  if (listedIds === undefined) return undefined
  const listed = new Set(listedIds)
  if (state.ids.every((id) => listed.has(id))) return undefined
  return { ...state, ids: state.ids.filter((id) => listed.has(id)) }
}

export function useSelection(rows: PaperRows, sort: PaperSort, filter: PaperFilter): Selection {
  const [state, setState] = useState<SelectionState>({ ids: [] })
  const filterKey = JSON.stringify(filter)
  const queryClient = useQueryClient()
  // Every id of the current view, in list order: asked once per view, and again after a change.
  const idsQuery = useMemo(
    () => ({
      ...libraryQueries.paperIds(sort, JSON.parse(filterKey) as PaperFilter),
      gcTime: IDS_KEPT_MS,
    }),
    [sort, filterKey],
  )
  const orderedIds = useCallback(
    (): Promise<string[]> => queryClient.fetchQuery(idsQuery),
    [queryClient, idsQuery],
  )

  const several = state.ids.length >= 2
  const { data: listedIds } = useQuery({ ...idsQuery, enabled: several })

  // The selection follows the list, adjusted while rendering (React renders
  // again at once, before anything is on screen).
  const [view, setView] = useState(filterKey)
  if (view !== filterKey) {
    // Another view starts with nothing selected (the window then selects its first row).
    setView(filterKey)
    setState({ ids: [] })
  } else {
    const fitted = fitToList(state, rows, several ? listedIds : undefined)
    if (fitted !== undefined) setState(fitted)
  }

  const selectOnly = useCallback((id: string, index?: number) => {
    setState((previous) => ({
      ids: [id],
      anchorId: id,
      focusId: id,
      focusIndex: index ?? previous.focusIndex,
      chosen: true,
    }))
  }, [])

  const selectInitial = useCallback((id: string) => {
    setState({ ids: [id], anchorId: id, focusId: id, focusIndex: 0, chosen: false })
  }, [])

  const toggle = useCallback((id: string, index: number) => {
    setState((previous) => {
      const ids = previous.ids.includes(id)
        ? previous.ids.filter((other) => other !== id)
        : [...previous.ids, id]
      return { ids, anchorId: id, focusId: id, focusIndex: index, chosen: true }
    })
  }, [])

  const extendTo = useCallback(
    (id: string, index: number) => {
      const anchorId = state.anchorId ?? id
      setState((previous) => ({
        ...previous,
        anchorId,
        focusId: id,
        focusIndex: index,
        chosen: true,
      }))
      orderedIds()
        .then((all) => {
          const from = all.indexOf(anchorId)
          const to = all.indexOf(id)
          if (from === -1 || to === -1) return
          const ids = all.slice(Math.min(from, to), Math.max(from, to) + 1)
          setState((previous) => (previous.focusId === id ? { ...previous, ids } : previous))
        })
        .catch(reportBackgroundError)
    },
    [state.anchorId, orderedIds],
  )

  const selectAll = useCallback(() => {
    orderedIds()
      .then((all) => setState((previous) => ({ ...previous, ids: all, anchorId: all[0] })))
      .catch(reportBackgroundError)
  }, [orderedIds])

  const selected = useMemo(() => new Set(state.ids), [state.ids])

  return {
    ids: state.ids,
    focusId: state.focusId,
    chosen: state.chosen === true,
    selectInitial,
    has: (id) => selected.has(id),
    selectOnly,
    toggle,
    extendTo,
    selectAll,
  }
}
