// Arguments of the graph: a local graph around a paper or note, the library
// map, and the map's layout as the window's layout worker left it.
import { z } from 'zod'
import { GRAPH_EDGE_KINDS, MAX_GRAPH_DEPTH } from '../../model'
import type { ArgSchemas } from './common'
import { idSchema as id } from './common'

/** More nodes than any library the app is made for holds. */
const MAX_LAYOUT_NODES = 500_000
const coordinate = z.number().finite()

export const graphArgs = {
  getLocalGraph: z
    .object({
      kind: z.enum(['paper', 'note']),
      id,
      depth: z.number().int().min(1).max(MAX_GRAPH_DEPTH).optional(),
      /** The edge kinds to follow (default: every kind). */
      kinds: z.array(z.enum(GRAPH_EDGE_KINDS)).max(GRAPH_EDGE_KINDS.length).optional(),
    })
    .strict(),
  getLibraryMap: z.object({}).strict(),
  hasSavedMapLayout: z.object({}).strict(),
  saveGraphLayout: z
    .object({
      layoutKey: z.string().min(1).max(200),
      positions: z
        .record(id, z.tuple([coordinate, coordinate]))
        .refine((positions) => Object.keys(positions).length <= MAX_LAYOUT_NODES, {
          message: `at most ${MAX_LAYOUT_NODES} positions`,
        }),
    })
    .strict(),
} satisfies ArgSchemas
