// Arguments of exporting papers, and of the export dialog's collection list.
import { z } from 'zod'
import type { ArgSchemas } from './common'
import { idSchema as id, noArgs } from './common'

export const exportArgs = {
  exportPapers: z
    .object({
      format: z.enum(['bibtex', 'csl-json', 'ris', 'markdown']),
      scope: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('library') }).strict(),
        z
          .object({
            kind: z.literal('collection'),
            collectionId: id,
            includeSubcollections: z.boolean(),
          })
          .strict(),
        z
          .object({ kind: z.literal('selection'), paperIds: z.array(id).min(1).max(200_000) })
          .strict(),
      ]),
    })
    .strict(),
  listExportCollections: noArgs,
} satisfies ArgSchemas
