// Which papers are selected in the list: one (the paper pane shows it) or
// many (Ctrl/Cmd-click, Shift-click, Shift+arrows, Ctrl+A). A range can run
// over rows not loaded yet, so ranges are cut from the list's full id order,
// which main sends once per view.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { PaperFilter, PaperSort } from '../../../../shared/model'
import { api, reportBackgroundError } from '../../data/client'
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

export function useSelection(
  rows: PaperRows,
  version: number,
  sort: PaperSort,
  filter: PaperFilter,
): Selection {
  const [state, setState] = useState<SelectionState>({ ids: [] })
  const filterKey = JSON.stringify(filter)
  const order = useRef<{ key: string; ids: Promise<string[]> } | undefined>(undefined)

  /** Every id of the current view, in list order. */
  const orderedIds = useCallback((): Promise<string[]> => {
    const key = `${version}\u0000${sort}\u0000${filterKey}`
    if (order.current?.key !== key) {
      const ids = api.listPaperIds({ sort, filter: JSON.parse(filterKey) as PaperFilter })
      order.current = { key, ids }
    }
    return order.current.ids
  }, [version, sort, filterKey])

  // Another view starts with nothing selected (the window then selects its first row).
  useEffect(() => {
    setState({ ids: [] })
  }, [filterKey])

  // After a change, papers that left the view leave the selection; if the
  // focused one left, its neighbour (now at its place) takes over.
  const { total, rowAt, indexOf } = rows
  useEffect(() => {
    if (total === undefined || state.focusId === undefined) return
    if (indexOf(state.focusId) !== -1) return
    const index = Math.min(state.focusIndex ?? 0, total - 1)
    const row = index >= 0 ? rowAt(index) : undefined
    if (total === 0) setState({ ids: [] })
    else if (row !== undefined)
      setState({ ids: [row.id], anchorId: row.id, focusId: row.id, focusIndex: index })
  }, [total, rowAt, indexOf, state.focusId, state.focusIndex])

  useEffect(() => {
    if (state.ids.length < 2) return
    let current = true
    orderedIds()
      .then((all) => {
        if (!current) return
        const listed = new Set(all)
        if (state.ids.every((id) => listed.has(id))) return
        setState((previous) => ({ ...previous, ids: previous.ids.filter((id) => listed.has(id)) }))
      })
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [version, orderedIds, state.ids])

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
