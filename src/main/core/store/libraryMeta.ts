// library.json: the folder's identity. It is read first and alone, because its
// schema version says whether this Offprint may touch the folder at all.
import { z } from 'zod'
import type { JsonDocumentParser } from './durableJsonFile'
import { LibraryVersionError } from '../kernel/errors'
import { summarizeIssues } from '../kernel/issueSummary'

/**
 * The layout this build reads and writes.
 * 1: papers.json + notes.json (Offprint 0.1). 2: sharded records + journal.
 */
export const SCHEMA_VERSION = 2

export const LIBRARY_FILE = 'library.json'

export interface LibraryMeta {
  schemaVersion: number
  createdAt: string
  settings: Record<string, unknown>
  /**
   * Names the content the shard files hold (see LibraryStore.revision):
   * written at each checkpoint, so derived files saved beside the library
   * (the search index) can tell on the next opening whether they still match.
   */
  revision?: string
  /** Per settings key, the stamp (hlc.ts) of its last write: how two devices' settings merge. */
  settingsStamps?: Record<string, string>
}

const libraryMetaSchema = z.looseObject({
  schemaVersion: z.number().int().min(1),
  createdAt: z.string(),
  settings: z.record(z.string(), z.unknown()),
  revision: z.string().optional(),
  settingsStamps: z.record(z.string(), z.string()).optional(),
})

/** Refuses a layout newer than this build before looking at anything else. */
export function libraryMetaParser(path: string): JsonDocumentParser<LibraryMeta> {
  return (value) => {
    if (typeof value === 'object' && value !== null && 'schemaVersion' in value) {
      const version = value.schemaVersion
      if (typeof version === 'number' && version > SCHEMA_VERSION) {
        throw new LibraryVersionError(path, version, SCHEMA_VERSION)
      }
    }
    const result = libraryMetaSchema.safeParse(value)
    if (!result.success) {
      throw new Error(`unexpected content (${summarizeIssues(result.error.issues)})`)
    }
    return result.data
  }
}
