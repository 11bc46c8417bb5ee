// The kinds of record a library holds, and how each is stored. Adding a kind
// here is all the store needs to persist, journal and migrate it.
import type {
  Attachment,
  Collection,
  Feed,
  FeedItem,
  Highlight,
  Note,
  Paper,
  PaperRelation,
} from '../../../shared/model'

export interface RecordTypes {
  papers: Paper
  notes: Note
  collections: Collection
  relations: PaperRelation
  feeds: Feed
  feedItems: FeedItem
  attachments: Attachment
  highlights: Highlight
}

export type RecordKind = keyof RecordTypes

/**
 * Shards per kind, sized so that at 100k papers (~150 MB) one shard is well
 * under a megabyte: rewriting it on a checkpoint costs milliseconds.
 */
export const SHARD_COUNTS: Record<RecordKind, number> = {
  papers: 256,
  notes: 64,
  collections: 4,
  relations: 16,
  feeds: 1,
  feedItems: 32,
  attachments: 16,
  highlights: 64,
}

export const RECORD_KINDS = Object.keys(SHARD_COUNTS) as RecordKind[]

/** What one commit does to one kind: full records to store, ids to delete. */
export interface RecordChanges<T> {
  put?: readonly T[]
  remove?: readonly string[]
}

/** One atomic change to the library: everything in it is applied, or nothing. */
export type ChangeSet = {
  [K in RecordKind]?: RecordChanges<RecordTypes[K]>
} & {
  /** Replaces the settings object as a whole. */
  settings?: Readonly<Record<string, unknown>>
}

/** The in-memory library: one map per kind, id → record. */
export type RecordMaps = { [K in RecordKind]: Map<string, RecordTypes[K]> }

export function emptyRecordMaps(): RecordMaps {
  return {
    papers: new Map(),
    notes: new Map(),
    collections: new Map(),
    relations: new Map(),
    feeds: new Map(),
    feedItems: new Map(),
    attachments: new Map(),
    highlights: new Map(),
  }
}

/** What the rest of the core may do with one kind's records: read. */
export interface ReadonlyRecords<K extends RecordKind> {
  readonly size: number
  get(id: string): RecordTypes[K] | undefined
  has(id: string): boolean
  values(): IterableIterator<RecordTypes[K]>
}

/** Read access to every kind of record (the store itself is one). */
export type LibraryRecords = { readonly [K in RecordKind]: ReadonlyRecords<K> }
