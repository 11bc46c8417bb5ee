// Today's triage keys, as data: the handler, the cheat sheet and the README's
// table read this one list.
import type { KeyPress } from '../papers/listShortcuts'

export type TodayAction =
  | 'next'
  | 'previous'
  | 'open'
  | 'keep'
  | 'skip'
  | 'star'
  | 'keep-into'
  | 'thumbs-up'
  | 'thumbs-down'
  | 'keep-above'
  | 'undo'
  | 'close'

/** What each key does in the Today inbox, as the cheat sheet shows it. */
export const TODAY_KEYS: readonly { keys: string; action: string }[] = [
  { keys: 'j / k', action: 'next / previous item' },
  { keys: 'Enter', action: 'open the abstract in the paper pane' },
  { keys: 'a', action: 'keep (add to the library)' },
  { keys: 'x', action: 'skip' },
  { keys: 's', action: 'star and keep' },
  { keys: 'c', action: 'keep into a collection…' },
  { keys: '+ / -', action: 'thumbs up / down (teaches the ranking)' },
  { keys: 'Shift+A', action: 'keep every item above the cursor' },
  { keys: 'u', action: 'undo the last triage' },
  { keys: 'Esc', action: 'back to the library' },
]

const PLAIN: Record<string, TodayAction> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  Enter: 'open',
  a: 'keep',
  x: 'skip',
  s: 'star',
  c: 'keep-into',
  '+': 'thumbs-up',
  '=': 'thumbs-up',
  '-': 'thumbs-down',
  u: 'undo',
  Escape: 'close',
}

/** The triage action a key press in the inbox means, if any. */
export function todayActionFor(press: KeyPress): TodayAction | undefined {
  if (press.ctrlKey || press.metaKey || press.altKey) return undefined
  if (press.shiftKey && press.key.toLowerCase() === 'a') return 'keep-above'
  // '+' is Shift+= on most layouts: the shifted character is the key.
  if (press.shiftKey && press.key !== '+') return undefined
  return PLAIN[press.key]
}
