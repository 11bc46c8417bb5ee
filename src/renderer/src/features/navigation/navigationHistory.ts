// Back and forward through what the user looked at, like a browser. Pure data:
// the hook in useNavigation.ts keeps it in React state and binds the keys.

/** What the window shows: which list, which paper, which standalone note. */
export interface Place {
  /** The tab of the list pane. */
  view: 'papers' | 'notes'
  /** The paper in the paper pane (and whose note the notes pane shows in the papers view). */
  paperId?: string
  /** The standalone note open in the notes pane (notes view). */
  noteId?: string
  /** How far the paper list was scrolled when the user left this place; restored on return. */
  listScroll?: number
}

export interface NavigationHistory {
  entries: Place[]
  /** Index of the current entry. */
  at: number
  /** The current entry came from a keyboard step through a list; the next such step replaces it. */
  stepping: boolean
}

/** Most entries kept; the oldest are dropped first. */
const MAX_ENTRIES = 200

export function startHistory(place: Place): NavigationHistory {
  return { entries: [place], at: 0, stepping: false }
}

export function currentPlace(history: NavigationHistory): Place {
  return history.entries[history.at] ?? { view: 'papers' }
}

/** Records how the window looked when leaving the current entry (its list scroll). */
export function leave(history: NavigationHistory, state: Partial<Place>): NavigationHistory {
  const entries = [...history.entries]
  entries[history.at] = { ...currentPlace(history), ...state }
  return { ...history, entries }
}

function samePlace(a: Place, b: Place): boolean {
  return a.view === b.view && a.paperId === b.paperId && a.noteId === b.noteId
}

/**
 * Goes to `place`, dropping any forward entries. A keyboard step through a
 * list (`step`) after another one replaces the entry, so walking twenty rows
 * with the arrow keys is one step back, not twenty.
 */
export function go(history: NavigationHistory, place: Place, step = false): NavigationHistory {
  const current = currentPlace(history)
  if (samePlace(current, place)) return history
  if (step && history.stepping) {
    const entries = history.entries.slice(0, history.at + 1)
    entries[history.at] = place
    return { entries, at: history.at, stepping: true }
  }
  const entries = [...history.entries.slice(0, history.at + 1), place].slice(-MAX_ENTRIES)
  return { entries, at: entries.length - 1, stepping: step }
}

export function canGoBack(history: NavigationHistory): boolean {
  return history.at > 0
}

export function canGoForward(history: NavigationHistory): boolean {
  return history.at < history.entries.length - 1
}

export function back(history: NavigationHistory): NavigationHistory {
  return canGoBack(history) ? { ...history, at: history.at - 1, stepping: false } : history
}

export function forward(history: NavigationHistory): NavigationHistory {
  return canGoForward(history) ? { ...history, at: history.at + 1, stepping: false } : history
}

/** Replaces the current entry (e.g. the first paper selected on start), keeping the rest. */
export function replaceCurrent(history: NavigationHistory, place: Place): NavigationHistory {
  const entries = [...history.entries]
  entries[history.at] = place
  return { ...history, entries }
}
