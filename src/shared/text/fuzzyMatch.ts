// Fuzzy title matching: the one way a few typed letters pick a title, in the
// command palette (commands, collections and notes in the renderer, paper titles
// in main) and in the `[[` link autocomplete (main), so both rank alike.
//
// Every word of the query must appear in the title, in any order: as a run of
// the title when it is one (at a word start if it can be), else as its letters
// in order ("tlgn" finds "ToolGen"; "rl tool" finds "ToolRL"). A word scores
// higher when its letters start words of the title (after a space or
// punctuation, or a capital after a lower-case letter: "ToolRL"), run together,
// or start the title; between equal matches the shorter title is the more
// specific answer.
import type { TextRange } from '../model'

export interface FuzzyMatch {
  score: number
  /** The matched letters, as ranges of the candidate (for highlighting). */
  ranges: TextRange[]
}

const WORD_START_BONUS = 8
const RUN_BONUS = 6
const FIRST_LETTER_BONUS = 10
const GAP_PENALTY = 0.05
const LENGTH_PENALTY = 0.01
/** Per letter of a query word found whole: a word beats its letters found apart. */
const WHOLE_WORD_BONUS = 2

/** The query as fuzzyMatch wants it: folded, words separated by one space ('' when blank). */
export function fuzzyQuery(query: string): string {
  return foldCase(query).trim().split(/\s+/).join(' ')
}

/**
 * Lower case, keeping every character where it was (a character whose lower
 * case is longer, like "İ", stays as it is), so positions found in the folded
 * text are positions in the original.
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase()
  if (lower.length === text.length) return lower
  let folded = ''
  for (const char of text) {
    const lowerChar = char.toLowerCase()
    folded += lowerChar.length === char.length ? lowerChar : char
  }
  return folded
}

/**
 * How well `text` matches `wanted` (a fuzzyQuery), and where; null when some
 * word of it does not match. `foldedText` is foldCase(text), passed in when the
 * caller keeps it.
 */
export function fuzzyMatch(
  wanted: string,
  text: string,
  foldedText: string = foldCase(text),
): FuzzyMatch | null {
  const positions: number[] = []
  const score = scoreWords(wanted, text, foldedText, positions)
  return score === null ? null : { score, ranges: rangesOf(positions) }
}

/** fuzzyMatch's score alone, for ranking many titles (the `[[` autocomplete). */
export function fuzzyScore(
  wanted: string,
  text: string,
  foldedText: string = foldCase(text),
): number | null {
  return scoreWords(wanted, text, foldedText, undefined)
}

/**
 * Which of a-z and 0-9 a folded text holds, as bits: a title lacking a letter
 * of the query cannot match it, which rules out most titles in one AND when
 * many are searched. Other characters set no bit, so they never rule one out.
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

// The words of the last query: a keystroke scores thousands of titles against one query.
let lastWanted = ''
let lastWords: readonly string[] = []

function wordsOf(wanted: string): readonly string[] {
  if (wanted !== lastWanted) {
    lastWanted = wanted
    lastWords = wanted.split(' ')
  }
  return lastWords
}

/**
 * What a title scores before any word: its length's penalty. fuzzyScore is
 * this plus fuzzyWordScore of each word in order (callers that score a query
 * word by word, keystroke after keystroke, add them in the same order).
 */
export function fuzzyBaseScore(text: string): number {
  return -text.length * LENGTH_PENALTY
}

/** One word of a fuzzyQuery against a title; null when it does not match. */
export function fuzzyWordScore(
  word: string,
  text: string,
  foldedText: string = foldCase(text),
): number | null {
  return scoreWord(word, text, foldedText, undefined)
}

function scoreWords(
  wanted: string,
  text: string,
  folded: string,
  positions: number[] | undefined,
): number | null {
  if (wanted === '') return 0
  const words = wordsOf(wanted)
  let score = fuzzyBaseScore(text)
  for (let i = 0; i < words.length; i++) {
    const wordScore = scoreWord(words[i] as string, text, folded, positions)
    if (wordScore === null) return null
    score += wordScore
  }
  return score
}

/**
 * One word of the query: as a run of the title when it is one (the first
 * occurrence that starts a word, else the first), else its letters in order,
 * each at the next word start that has it when there is one. Adds the letters'
 * positions to `positions` when given.
 */
function scoreWord(
  word: string,
  text: string,
  folded: string,
  positions: number[] | undefined,
): number | null {
  const whole = wholeWordAt(word, text, folded)
  if (whole !== -1) {
    // letterScore of a run: the first letter's own, then each next one is a run.
    let score =
      word.length * WHOLE_WORD_BONUS +
      1 +
      (whole === 0 ? FIRST_LETTER_BONUS : 0) +
      (isWordStart(text, whole) ? WORD_START_BONUS : 0)
    positions?.push(whole)
    for (let i = 1; i < word.length; i++) {
      score += 1 + RUN_BONUS + (isWordStart(text, whole + i) ? WORD_START_BONUS : 0)
      positions?.push(whole + i)
    }
    return score
  }
  let score = 0
  let previous = -1
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    const from = previous + 1
    // Continue a run when the next letter is right there; otherwise prefer the
    // next occurrence that starts a word, then any occurrence.
    let found = previous >= 0 && folded.charCodeAt(from) === code ? from : -1
    if (found === -1) {
      found = folded.indexOf(word.charAt(i), from)
      if (found === -1) return null
      for (let any = found; any !== -1; any = folded.indexOf(word.charAt(i), any + 1)) {
        if (isWordStart(text, any)) {
          found = any
          break
        }
      }
    }
    score += letterScore(text, found, previous)
    positions?.push(found)
    previous = found
  }
  return score
}

function wholeWordAt(word: string, text: string, folded: string): number {
  const first = folded.indexOf(word)
  for (let at = first; at !== -1; at = folded.indexOf(word, at + 1)) {
    if (isWordStart(text, at)) return at
  }
  return first
}

/** A matched letter at `position`, the previous one at `previous` (-1: none). */
function letterScore(text: string, position: number, previous: number): number {
  let score = 1
  if (position === 0) score += FIRST_LETTER_BONUS
  if (isWordStart(text, position)) score += WORD_START_BONUS
  if (previous >= 0) {
    score += position === previous + 1 ? RUN_BONUS : -(position - previous) * GAP_PENALTY
  }
  return score
}

/** Positions (of one or more words, in any order) as sorted, merged ranges. */
function rangesOf(positions: number[]): TextRange[] {
  const ranges: TextRange[] = []
  for (const position of [...new Set(positions)].sort((a, b) => a - b)) {
    const last = ranges[ranges.length - 1]
    if (last !== undefined && last.end === position) last.end = position + 1
    else ranges.push({ start: position, end: position + 1 })
  }
  return ranges
}

function isWordStart(text: string, index: number): boolean {
  if (index === 0) return true
  const before = text.charCodeAt(index - 1)
  const here = text.charCodeAt(index)
  if (before >= 128 || here >= 128) return isWordStartBeyondAscii(text, index)
  if (!isAsciiLetterOrDigit(before)) return true
  // camelCase and "ToolRL": an upper-case letter after a lower-case one starts a word.
  return before >= 97 && before <= 122 && here >= 65 && here <= 90
}

/** isWordStart where either character is beyond ASCII (kept apart so the common case stays small). */
function isWordStartBeyondAscii(text: string, index: number): boolean {
  const beforeChar = text.charAt(index - 1)
  const hereChar = text.charAt(index)
  if (!/[\p{L}\p{N}]/u.test(beforeChar)) return true
  return /\p{Ll}/u.test(beforeChar) && /\p{Lu}/u.test(hereChar)
}

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
}
