// On start, the paper selected last time is shown and scrolled to; if it is
// gone (or there was none) the first paper is selected, so no pane is blank.
// The paper the user picks is remembered for the next start.
import { useEffect, useEffectEvent, useState } from 'react'
import { api } from '../data/client'
import type { PaperRows } from '../features/papers/usePaperRows'
import type { Selection } from '../features/papers/useSelection'
import type { SettingsState } from '../features/settings/useSettings'

/** Returns whether the selection of the last session has been dealt with. */
export function useSelectionRestore(
  { settings, update }: SettingsState,
  rows: PaperRows,
  selection: Selection,
  reveal: (id: string) => void,
): boolean {
  const firstRow = rows.rowAt(0)
  const { selectInitial } = selection
  // Dealt with once the settings and the list's first page are in (and from then on).
  const [restored, setRestored] = useState(false)
  if (!restored && settings !== undefined && rows.total !== undefined) setRestored(true)

  // Asked once, with the settings as they are when the list is first in.
  const restoreLast = useEffectEvent(() => {
    if (settings === undefined) return
    const wanted = settings.selectedPaperId
    if (wanted === null) return
    api
      .indexOfPaper({ id: wanted, sort: settings.sort, filter: { scope: settings.listScope } })
      .then((index) => {
        if (index < 0) return
        selectInitial(wanted)
        reveal(wanted)
      })
      .catch(() => undefined) // the first paper is selected instead
  })
  useEffect(() => {
    if (restored) restoreLast()
  }, [restored])
  const nothingSelected = selection.ids.length === 0
  useEffect(() => {
    if (restored && nothingSelected && firstRow !== undefined) selectInitial(firstRow.id)
  }, [restored, nothingSelected, firstRow, selectInitial])

  const single = selection.ids.length === 1 ? selection.ids[0] : undefined
  const remembered = settings?.selectedPaperId
  useEffect(() => {
    if (selection.chosen && single !== undefined && single !== remembered) {
      update({ selectedPaperId: single })
    }
  }, [selection.chosen, single, remembered, update])
  return restored
}
