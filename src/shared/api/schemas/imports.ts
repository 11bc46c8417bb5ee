// Arguments of importing (at once, or previewed then confirmed) and of the
// queue of identifiers waiting for the network.
import { z } from 'zod'
import { MAX_IMPORT_CHARS } from '../limits'
import type { ArgSchemas } from './common'
import { idSchema as id, noArgs } from './common'

export const importArgs = {
  importText: z
    .object({
      text: z.string().max(MAX_IMPORT_CHARS),
      fileName: z.string().max(1000).optional(),
    })
    .strict(),
  importSample: noArgs,
  previewImport: z
    .object({
      previewId: id,
      text: z.string().max(MAX_IMPORT_CHARS),
      fileName: z.string().max(1000).optional(),
    })
    .strict(),
  confirmImport: z.object({ previewId: id }).strict(),
  cancelImport: z.object({ previewId: id }).strict(),
  getLookupQueue: noArgs,
  retryLookups: z.object({ previewId: id }).strict(),
  /** Looks papers without ids up on arXiv by title; the result is a preview like any import's. */
  matchTitlesOnArxiv: z
    .object({ previewId: id, paperIds: z.array(id).min(1).max(100_000) })
    .strict(),
  dropQueuedLookups: z.object({ identifiers: z.array(z.string().max(500)).max(100_000) }).strict(),
} satisfies ArgSchemas
