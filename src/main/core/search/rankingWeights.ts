// How the search weighs a match (BM25 with per-field weights and length
// dilution), and how far a query word reaches: prefixes while typing, typos
// from five letters. Tuned against the queries of tests/unit/searchIndex.test.ts.
import type { SearchField } from './searchFields'

/** A title match outranks an abstract match; names and tags are nearly as telling. */
export const FIELD_WEIGHT: Record<SearchField, number> = {
  title: 6,
  authors: 4,
  tags: 4,
  organization: 2,
  abstract: 1,
  note: 1.5,
  aiSummary: 1,
}
export const K1 = 1.2
/**
 * How much a field's length dilutes a match (BM25's b): a long abstract that
 * mentions a word once is less about it than a short one, but a long title
 * that names the word is as much about it as a short title.
 */
export const LENGTH_DILUTION: Record<SearchField, number> = {
  title: 0.2,
  authors: 0.2,
  tags: 0,
  organization: 0,
  abstract: 0.75,
  note: 0.75,
  aiSummary: 0.75,
}
/** Prefix matching starts at this many letters ("ret" -> retrieval, retrieve, …). */
export const MIN_PREFIX_LENGTH = 3
/** Typo tolerance starts at this many letters (one edit; two from nine letters). */
export const MIN_FUZZY_LENGTH = 5
export const MAX_PREFIX_EXPANSIONS = 200
export const EXACT_WEIGHT = 1
/** Weights of words one and two edits away from a query word, by whether that word is known. */
export const TYPO_WEIGHT = [1, 0.8, 0.6]
export const NEAR_MISS_WEIGHT = [1, 0.4, 0.25]
export const PHRASE_WEIGHT = 1.5
