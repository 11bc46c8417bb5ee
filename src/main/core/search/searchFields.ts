// The fields of a paper the search indexes, in the order the index keeps them.

export const SEARCH_FIELDS = [
  'title',
  'abstract',
  'authors',
  'organization',
  'tags',
  // Hugging Face's AI summary and keywords: found by a search, never shown as the abstract.
  'aiSummary',
  'note',
] as const
export type SearchField = (typeof SEARCH_FIELDS)[number]
