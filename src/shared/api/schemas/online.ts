// Arguments of the online imports: the Daily Papers of a day, a week or a month.
import { z } from 'zod'
import type { ArgSchemas } from './common'
import { idSchema as id } from './common'

export const dailyPeriodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('day'), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(),
  z.object({ kind: z.literal('week'), week: z.string().regex(/^\d{4}-W\d{2}$/) }).strict(),
  z.object({ kind: z.literal('month'), month: z.string().regex(/^\d{4}-\d{2}$/) }).strict(),
])

export const onlineArgs = {
  /** Fetches the period's Daily Papers and previews their import (confirmImport writes it). */
  previewDailyPapers: z.object({ previewId: id, period: dailyPeriodSchema }).strict(),
  /** Fetches the period's Daily Papers and imports them at once (the CLI). */
  importDailyPapers: z.object({ period: dailyPeriodSchema }).strict(),
  /** Fetches today's announcement feed of arXiv categories ("cs.AI", "cs.AI+cs.LG") and imports it. */
  importArxivFeed: z
    .object({
      categories: z
        .string()
        .max(500)
        .regex(/^[A-Za-z-]+(?:\.[A-Za-z-]+)?(?:\+[A-Za-z-]+(?:\.[A-Za-z-]+)?)*$/),
      syntax: z.enum(['rss', 'atom']).optional(),
    })
    .strict(),
} satisfies ArgSchemas
