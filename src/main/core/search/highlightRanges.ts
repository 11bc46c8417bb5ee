// Where a search matched inside a piece of text, as offsets: the renderer marks
// these ranges by splitting the text into text nodes, so no HTML is ever built
// from a title or an abstract.
import type { TextRange } from '../../../shared/model'
import type { HighlightTerm } from './searchIndex'
import type { SearchField } from './searchFields'
import { forEachWord } from './textTokens'

/** The ranges of `text` (a `field` of a paper) that the search terms matched, in order, merged. */
export function highlightRanges(
  text: string,
  field: SearchField,
  terms: readonly HighlightTerm[],
): TextRange[] {
  const applicable = terms.filter((term) => term.field === undefined || term.field === field)
  if (applicable.length === 0 || text === '') return []
  const words: { word: string; start: number; end: number }[] = []
  forEachWord(text, (word, start, end) => words.push({ word, start, end }))
  const ranges: TextRange[] = []
  for (const term of applicable) {
    if (term.words !== undefined) {
      for (const { word, start, end } of words) {
        if (term.words.has(word)) ranges.push({ start, end })
      }
    }
    const phrase = term.phrase
    if (phrase !== undefined && phrase.length > 0) {
      for (let i = 0; i + phrase.length <= words.length; i++) {
        if (phrase.every((word, j) => words[i + j]?.word === word)) {
          const first = words[i]
          const last = words[i + phrase.length - 1]
          if (first !== undefined && last !== undefined) {
            ranges.push({ start: first.start, end: last.end })
          }
        }
      }
    }
  }
  return mergeRanges(ranges)
}

/** Sorted, with overlapping or touching ranges joined. */
function mergeRanges(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end)
  const merged: TextRange[] = []
  for (const range of sorted) {
    const last = merged[merged.length - 1]
    if (last !== undefined && range.start <= last.end) last.end = Math.max(last.end, range.end)
    else merged.push({ ...range })
  }
  return merged
}
