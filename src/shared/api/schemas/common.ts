// The pieces the API's argument schemas share: ids, tags, the list's order
// and filter, and the shape each feature's schemas take.
import { z } from 'zod'
import { SMART_VIEWS } from '../../model'
import type { ListScope, PaperSort, SmartView } from '../../model'
import { MAX_IDS, MAX_QUERY_CHARS, MAX_TAG_CHARS, MAX_TAGS } from '../limits'
import type { ApiMethod } from '../methods'

/** Some methods' argument schemas: a misspelled method is a compile error. */
export type ArgSchemas = { [M in ApiMethod]?: z.ZodType }

/** A string-literal union's members as a zod enum; the Record makes the compiler check the list. */
export function enumOf<T extends string>(members: Record<T, true>) {
  return z.enum(Object.keys(members) as [T, ...T[]])
}

/** The argument of a method that takes none. */
export const noArgs = z.object({}).strict()

/** Ids are opaque strings we generate; anything longer is not one of ours. */
export const idSchema = z.string().min(1).max(200)
export const ids = z.array(idSchema).max(MAX_IDS)
export const someIds = ids.min(1, 'name at least one paper')
export const tag = z.string().min(1).max(MAX_TAG_CHARS)
export const tags = z.array(tag).max(MAX_TAGS)

/** Longest search query accepted (nobody types more; it bounds the work of one query). */
export const searchQuery = z.string().max(MAX_QUERY_CHARS)

const SORTS: Record<PaperSort, true> = { published: true, added: true, title: true, upvotes: true }
export const sortSchema = enumOf(SORTS)

/** What the list shows: the API's filters take it, and the settings remember it. */
export const listScopeSchema: z.ZodType<ListScope> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('library') }).strict(),
  z.object({ kind: z.literal('unfiled') }).strict(),
  z.object({ kind: z.literal('collection'), id: idSchema }).strict(),
  z
    .object({ kind: z.literal('view'), view: z.enum(SMART_VIEWS as [SmartView, ...SmartView[]]) })
    .strict(),
  z.object({ kind: z.literal('trash') }).strict(),
])

export const paperFilter = z
  .object({ scope: listScopeSchema.optional(), tags: tags.optional() })
  .strict()
