// Related papers: manual relations between two papers, and papers found similar.
import type { PaperSummary } from './paper'

/** A manual "related" link between two papers, shown on both. */
export interface PaperRelation {
  id: string
  fromId: string
  toId: string
  /** e.g. "extends", "contradicts" */
  label?: string
  createdAt: string
}

/** A manual relation as seen from one of its two papers. */
export interface PaperRelationView {
  relation: PaperRelation
  /** outgoing: this paper is `fromId` ("this extends other"); incoming: the reverse. */
  direction: 'outgoing' | 'incoming'
  other: PaperSummary
}

/** A paper found similar by its title and abstract; score is a cosine in (0, 1]. */
export interface RelatedPaper {
  paper: PaperSummary
  score: number
}
