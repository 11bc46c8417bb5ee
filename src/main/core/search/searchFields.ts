// The fields of a paper the search indexes, in the order the index keeps them.

export const SEARCH_FIELDS = [
  'title',
  'abstract',
  'authors',
  'organization',
  'tags',
  'note',
] as const
export type SearchField = (typeof SEARCH_FIELDS)[number]
