// Where following a link, a backlink or a related paper takes the window.
import type { Place } from './navigationHistory'

/**
 * A paper (and maybe a highlight in its PDF, which the reader opens at), or a
 * note (a paper's own note opens with its paper).
 */
export type Destination =
  | { kind: 'paper'; id: string; highlightId?: string }
  | { kind: 'note'; id: string; paperId?: string }

export function placeOf(destination: Destination, from: Place): Place {
  if (destination.kind === 'paper') {
    return { ...from, view: 'papers', paperId: destination.id }
  }
  if (destination.paperId !== undefined) {
    return { ...from, view: 'papers', paperId: destination.paperId }
  }
  return { ...from, view: 'notes', noteId: destination.id }
}
