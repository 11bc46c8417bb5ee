// Data the window refetches whenever the library changes: the sidebar (with
// its counts), the standalone notes it lists, the Trash's collections and
// notes, and the undo state.
import { useEffect, useState } from 'react'
import type { NoteSummary, Sidebar, TrashContents, UndoState } from '../../../shared/model'
import { api, reportBackgroundError } from './client'

/**
 * The result of `load`, fetched again each time `version` (or `load` itself)
 * changes; stale answers are dropped. Pass a stable `load` (module level or useCallback).
 */
export function useFetched<T>(
  version: number,
  load: () => Promise<T>,
  enabled = true,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined)
  useEffect(() => {
    if (!enabled) return
    let current = true
    load()
      .then((result) => current && setValue(result))
      .catch(reportBackgroundError)
    return () => {
      current = false
    }
  }, [version, load, enabled])
  return value
}

// Module-level loaders: stable, so they never refetch on their own.
const loadSidebar = (): Promise<Sidebar> => api.getSidebar({})
const loadNotes = (): Promise<NoteSummary[]> => api.listNotes({})
const loadTrash = (): Promise<TrashContents> => api.listTrash({})
const loadUndoState = (): Promise<UndoState> => api.getUndoState({})

export function useSidebarData(version: number): Sidebar | undefined {
  return useFetched(version, loadSidebar)
}

const NO_NOTES: readonly NoteSummary[] = []

/** The standalone notes outside the Trash. */
export function useStandaloneNotes(version: number): readonly NoteSummary[] {
  return useFetched(version, loadNotes) ?? NO_NOTES
}

export function useTrashContents(version: number, shown: boolean): TrashContents | undefined {
  return useFetched(version, loadTrash, shown)
}

export function useUndoState(version: number): UndoState {
  return useFetched(version, loadUndoState) ?? {}
}
