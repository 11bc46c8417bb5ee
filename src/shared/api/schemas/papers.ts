// Arguments of the methods that list, read and find papers.
import { z } from 'zod'
import { MAX_PAGE_SIZE, MAX_QUERY_CHARS } from '../limits'
import type { ArgSchemas } from './common'
import { idSchema as id, paperFilter, searchQuery, sortSchema as sort } from './common'

export const paperArgs = {
  listPapers: z
    .object({
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(MAX_PAGE_SIZE),
      sort: sort.optional(),
      filter: paperFilter.optional(),
      /** A search in the query language of src/main/core/search/queryParser.ts. */
      query: searchQuery.optional(),
    })
    .strict(),
  listPaperIds: z
    .object({
      sort: sort.optional(),
      filter: paperFilter.optional(),
      query: searchQuery.optional(),
    })
    .strict(),
  getPaper: z.object({ id }).strict(),
  getPaperMatches: z.object({ id, query: searchQuery }).strict(),
  findByTitle: z
    .object({ query: z.string().max(MAX_QUERY_CHARS), limit: z.number().int().min(1).max(100) })
    .strict(),
  indexOfPaper: z
    .object({
      id,
      sort: sort.optional(),
      filter: paperFilter.optional(),
      query: searchQuery.optional(),
    })
    .strict(),
} satisfies ArgSchemas
