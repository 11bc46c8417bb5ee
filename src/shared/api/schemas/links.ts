// Arguments of wiki-links (autocomplete, resolving, backlinks), similar papers
// and manual relations between papers.
import { z } from 'zod'
import { MAX_LABEL_CHARS, MAX_QUERY_CHARS, MAX_RESOLVE_TARGETS, MAX_TITLE_CHARS } from '../limits'
import type { ArgSchemas } from './common'
import { idSchema as id } from './common'

const relationLabel = z.string().max(MAX_LABEL_CHARS)
const linkTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paper'), id }).strict(),
  z.object({ kind: z.literal('note'), id }).strict(),
  z.object({ kind: z.literal('title'), title: z.string().min(1).max(MAX_TITLE_CHARS) }).strict(),
])

export const linkArgs = {
  suggestLinkTargets: z
    .object({
      query: z.string().max(MAX_QUERY_CHARS),
      limit: z.number().int().min(1).max(50).optional(),
      kind: z.enum(['paper', 'note']).optional(),
    })
    .strict(),
  resolveLinkTargets: z.object({ targets: z.array(linkTarget).max(MAX_RESOLVE_TARGETS) }).strict(),
  getBacklinks: z.object({ kind: z.enum(['paper', 'note']), id }).strict(),
  getRelatedPapers: z.object({ id, limit: z.number().int().min(1).max(50).optional() }).strict(),
  listRelations: z.object({ paperId: id }).strict(),
  addRelation: z.object({ fromId: id, toId: id, label: relationLabel.optional() }).strict(),
  updateRelation: z.object({ id, label: relationLabel.optional() }).strict(),
  removeRelation: z.object({ id }).strict(),
} satisfies ArgSchemas
