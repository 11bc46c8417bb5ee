// Fuzzy matching for the command palette: the query's letters must appear in
// the candidate in order ("trl" finds "ToolRL"), and a match scores higher when
// its letters start words, run together, or start the text. Used by main (paper
// and note titles) and the renderer (command names), so both rank alike.
import type { TextRange } from './model'

export interface FuzzyMatch {
  score: number
  /** The matched letters, as ranges of the candidate (for highlighting). */
  ranges: TextRange[]
}

const WORD_START_BONUS = 8
const RUN_BONUS = 6
const FIRST_LETTER_BONUS = 10
const GAP_PENALTY = 0.05

/** `lowerQuery` must be lower case without spaces; `lowerText` the candidate in lower case. */
export function fuzzyMatch(lowerQuery: string, text: string, lowerText: string): FuzzyMatch | null {
  if (lowerQuery === '') return { score: 0, ranges: [] }
  const positions: number[] = []
  let at = 0
  for (const letter of lowerQuery) {
    // Continue a run when the next letter is right there; otherwise prefer the
    // next occurrence that starts a word, then any occurrence.
    let found = lowerText[at] === letter && positions.length > 0 ? at : -1
    if (found === -1) {
      let any = lowerText.indexOf(letter, at)
      if (any === -1) return null
      found = any
      while (any !== -1 && !isWordStart(text, any)) any = lowerText.indexOf(letter, any + 1)
      if (any !== -1) found = any
    }
    positions.push(found)
    at = found + 1
  }
  let score = 0
  const ranges: TextRange[] = []
  positions.forEach((position, i) => {
    score += 1
    if (position === 0) score += FIRST_LETTER_BONUS
    if (isWordStart(text, position)) score += WORD_START_BONUS
    const previous = positions[i - 1]
    if (previous !== undefined && position === previous + 1) score += RUN_BONUS
    else if (previous !== undefined) score -= (position - previous) * GAP_PENALTY
    const last = ranges[ranges.length - 1]
    if (last !== undefined && last.end === position) last.end = position + 1
    else ranges.push({ start: position, end: position + 1 })
  })
  // Between equals, the shorter text is the more specific answer.
  return { score: score - text.length * 0.01, ranges }
}

/** The query as fuzzyMatch wants it. */
export function fuzzyQuery(query: string): string {
  return query.toLowerCase().replace(/\s+/g, '')
}

function isWordStart(text: string, index: number): boolean {
  if (index === 0) return true
  const before = text.charAt(index - 1)
  const here = text.charAt(index)
  if (!/[\p{L}\p{N}]/u.test(before)) return true
  // camelCase and "ToolRL": an upper-case letter after a lower-case one starts a word.
  return /\p{Ll}/u.test(before) && /\p{Lu}/u.test(here)
}
