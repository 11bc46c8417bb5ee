// Duplicates: why two papers look like one, and what merging them did.
import type { PaperSummary } from './paper'

export type DuplicateReason = 'doi' | 'arxiv' | 'title-year'

/** Papers of the library that look like the same paper. */
export interface DuplicateGroup {
  reason: DuplicateReason
  /** Sorted with the suggested paper to keep first (the richest, then the oldest). */
  papers: PaperSummary[]
}

/** What a merge did; it is one undo step (`undo` reverts it). */
export interface MergeOutcome {
  keptId: string
  mergedIds: string[]
  /** Fields of the kept paper that changed. */
  changedFields: string[]
}
