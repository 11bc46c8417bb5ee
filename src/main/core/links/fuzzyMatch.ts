// Fuzzy title matching for the `[[` autocomplete: every word of the query must
// appear in the title, as a substring or at least as its letters in order
// ("tlrl" finds "ToolRL"). Substrings beat scattered letters, word starts beat
// the middle of words, and shorter titles beat longer ones, so the paper the
// user is thinking of comes first after a few keystrokes.

/** Case-folded form used on both sides of a match (same length as the input). */
export function foldForMatch(text: string): string {
  return text.toLowerCase()
}

/**
 * How well `folded` (a title passed through foldForMatch) matches the query
 * words (also folded); undefined when some word does not match at all.
 */
export function fuzzyScore(queryWords: readonly string[], folded: string): number | undefined {
  let total = 0
  for (const word of queryWords) {
    const score = wordScore(word, folded)
    if (score === undefined) return undefined
    total += score
  }
  // A little for brevity: between equal matches, the shorter title is the closer one.
  return total - folded.length * 0.05
}

/**
 * Which of a-z and 0-9 a folded text holds, as bits: a title lacking a letter
 * of the query cannot match it, which rules out most titles in one AND. Other
 * characters set no bit, so they never rule a title out.
 */
export function letterMask(folded: string): number {
  let mask = 0
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i)
    if (code >= 97 && code <= 122) mask |= 1 << (code - 97)
    else if (code >= 48 && code <= 57) mask |= 1 << 26
  }
  return mask
}

/** Splits a query into folded words. */
export function queryWordsOf(query: string): string[] {
  return foldForMatch(query)
    .split(/\s+/)
    .filter((word) => word !== '')
}

function wordScore(word: string, text: string): number | undefined {
  const at = text.indexOf(word)
  if (at !== -1) {
    // Prefer an occurrence at a word start over the first one.
    let best = at
    for (let i = at; i !== -1; i = text.indexOf(word, i + 1)) {
      if (isWordStart(text, i)) {
        best = i
        break
      }
    }
    return 20 * word.length + (isWordStart(text, best) ? 30 : 0) + (best === 0 ? 10 : 0)
  }
  // Letters in order: reward letters at word starts and runs of adjacent letters.
  let score = 0
  let previous = -2
  let from = 0
  for (const letter of word) {
    const i = text.indexOf(letter, from)
    if (i === -1) return undefined
    score += 4 + (isWordStart(text, i) ? 8 : 0) + (i === previous + 1 ? 6 : 0)
    score -= Math.min(10, i - from) * 0.5
    previous = i
    from = i + 1
  }
  return score
}

function isWordStart(text: string, i: number): boolean {
  if (i === 0) return true
  const before = text[i - 1] ?? ' '
  return !/[\p{L}\p{N}]/u.test(before)
}
