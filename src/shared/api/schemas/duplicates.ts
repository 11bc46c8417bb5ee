// Arguments of finding and merging duplicate papers.
import { z } from 'zod'
import type { ArgSchemas } from './common'
import { idSchema as id, noArgs } from './common'

export const duplicateArgs = {
  findDuplicates: noArgs,
  mergeDuplicates: z.object({ keepId: id, mergeIds: z.array(id).min(1).max(1000) }).strict(),
} satisfies ArgSchemas
