// What the search index reads from a paper and its note: the index takes it,
// and the fingerprint that tells a stale paper on opening is computed from it.
import type { Paper, ReadingStatus } from '../../../shared/model'

/** What the index reads from a paper (and its note). */
export interface SearchDocument {
  id: string
  title: string
  abstract: string
  authors: readonly string[]
  organization?: string | undefined
  /** Hugging Face's AI summary and keywords, one per line. */
  aiSummary?: string | undefined
  tags: readonly string[]
  note: string
  status: ReadingStatus
  starred: boolean
  /** ISO date; its year serves year:, the whole date breaks ties (newest first). */
  published?: string | undefined
}

/** The fields of a paper that change without its text changing. */
export type SearchState = Pick<SearchDocument, 'status' | 'starred'>

/** What the index reads from `paper`, whose note (if any) says `note`. */
export function searchDocumentOf(paper: Paper, note: string): SearchDocument {
  return {
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors,
    organization: paper.organization,
    // Hugging Face's summary and keywords: one field, apart from the authors' abstract.
    aiSummary: [paper.aiSummary ?? '', ...(paper.aiKeywords ?? [])].join('\n'),
    tags: paper.tags,
    note,
    status: paper.status,
    starred: paper.starred,
    published: paper.published,
  }
}
