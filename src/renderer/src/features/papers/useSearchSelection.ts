// New search results that leave out the focused paper select the best match;
// otherwise (and when the search is cleared) the paper stays selected, in view.
import { useEffect, useRef } from 'react'
import type { PaperRows } from './usePaperRows'
import type { Selection } from './useSelection'

export function useSearchSelection(
  rows: PaperRows,
  selection: Selection,
  /** Until the last session's selection is restored, results change nothing. */
  restored: boolean,
  reveal: (id: string) => void,
): void {
  const firstRow = rows.rowAt(0)
  const answered = rows.query
  const lastAnswered = useRef('')
  const { selectOnly, focusId } = selection
  useEffect(() => {
    if (!restored || firstRow === undefined || answered === lastAnswered.current) return
    lastAnswered.current = answered
    const listed = focusId !== undefined && rows.indexOf(focusId) !== -1
    if (answered !== '' && !listed) selectOnly(firstRow.id, 0)
    else if (focusId !== undefined) reveal(focusId)
  }, [restored, answered, firstRow, rows, focusId, selectOnly, reveal])
}
