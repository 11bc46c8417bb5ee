// Arguments of citations: formatting a note's citations, Quick Copy / cite,
// the `[@` autocomplete, citation keys, styles and a note exported as a document.
import { z } from 'zod'
import { CITATION_STYLE_ID_PATTERN } from '../../model'
import { MAX_QUERY_CHARS, MAX_RESOLVE_TARGETS } from '../limits'
import type { ArgSchemas } from './common'
import { idSchema as id, someIds } from './common'

export const styleId = z.string().regex(CITATION_STYLE_ID_PATTERN, 'a style name')
const text = z.string().max(1000)
const citationItem = z
  .object({
    key: z.string().min(1).max(1000),
    prefix: text.optional(),
    suffix: text.optional(),
    locator: z.string().max(200).optional(),
    label: z.string().max(40).optional(),
    suppressAuthor: z.boolean().optional(),
  })
  .strict()
const citation = z
  .object({ mode: z.enum(['normal', 'in-text']), items: z.array(citationItem).min(1).max(500) })
  .strict()

export const citationArgs = {
  listCitationStyles: z.object({}).strict(),
  addCitationStyle: z
    .object({
      fileName: z.string().min(1).max(500),
      text: z
        .string()
        .min(1)
        .max(2 * 1024 * 1024),
    })
    .strict(),
  formatCitations: z
    .object({ style: styleId.optional(), citations: z.array(citation).max(MAX_RESOLVE_TARGETS) })
    .strict(),
  citePapers: z
    .object({
      paperIds: someIds,
      style: styleId.optional(),
      format: z.enum(['bibliography', 'bibtex', 'keys']).optional(),
    })
    .strict(),
  suggestCitations: z
    .object({
      query: z.string().max(MAX_QUERY_CHARS),
      limit: z.number().int().min(1).max(50).optional(),
    })
    .strict(),
  getCitationKey: z.object({ paperId: id }).strict(),
  setCitationKey: z.object({ paperId: id, key: z.string().min(1).max(200) }).strict(),
  exportNotes: z
    .object({
      scope: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('note'), noteId: id }).strict(),
        z.object({ kind: z.literal('collection'), collectionId: id }).strict(),
      ]),
      rendering: z.enum(['pandoc', 'markdown', 'html']),
      style: styleId.optional(),
    })
    .strict(),
} satisfies ArgSchemas
