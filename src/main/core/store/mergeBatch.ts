// One merge: copies of records from elsewhere (other devices' journals, shard
// files another device wrote, conflict copies) merged into the records in
// memory, one record at a time (recordRevisions.ts). It keeps what the window
// and the services must hear of: the records that changed as they now read,
// those that went away, and the notes whose text was merged or set side by side.
import type { JournalEntry } from './journal'
import type { LibraryMeta } from './libraryMeta'
import { maxStamp } from './hlc'
import { RECORD_KINDS, SHARD_COUNTS } from './recordKinds'
import type { ChangeSet, RecordKind, RecordTypes } from './recordKinds'
import { mergeCopies, newestStamp } from './recordRevisions'
import type { RecordCopy } from './recordRevisions'
import { revisionIn, tombstonesIn } from './shardFiles'
import type { ShardFile } from './shardFiles'
import { isUsableRecord } from './recordChecks'
import { ShardedMap } from './shardedMap'

export type Records = { [K in RecordKind]: ShardedMap<RecordTypes[K]> }

export function emptyRecords(): Records {
  return {
    papers: new ShardedMap(SHARD_COUNTS.papers),
    notes: new ShardedMap(SHARD_COUNTS.notes),
    collections: new ShardedMap(SHARD_COUNTS.collections),
    relations: new ShardedMap(SHARD_COUNTS.relations),
    feeds: new ShardedMap(SHARD_COUNTS.feeds),
    feedItems: new ShardedMap(SHARD_COUNTS.feedItems),
    attachments: new ShardedMap(SHARD_COUNTS.attachments),
    highlights: new ShardedMap(SHARD_COUNTS.highlights),
  }
}

/** What a merge changed, as the services and the window must hear of it. */
export interface MergeOutcome {
  /** The records that now read differently (put) or went away (remove). */
  changes: ChangeSet
  /** Those records as they were before the merge (absent: new). */
  before: { [K in RecordKind]: Map<string, RecordTypes[K]> }
  /** Notes whose text two devices edited, merged line by line. */
  textMerged: string[]
  /** Notes whose text could not be merged: both versions kept, for the user to look at. */
  textConflicts: string[]
  /** The newest stamp seen, for the clock. */
  newest: string
  /** Devices whose changes were seen. */
  devices: Set<string>
}

export class MergeBatch {
  private readonly puts = new Map<RecordKind, Map<string, { id: string }>>()
  private readonly removes = new Map<RecordKind, Set<string>>()
  private readonly before = new Map<RecordKind, Map<string, { id: string }>>()
  private readonly textMerged = new Set<string>()
  private readonly textConflicts = new Set<string>()
  private settingsChanged = false
  private newest = ''
  readonly devices = new Set<string>()

  constructor(
    private readonly records: Records,
    private readonly meta: LibraryMeta,
  ) {}

  get settingsWereMerged(): boolean {
    return this.settingsChanged
  }

  /** Merges one copy of record `id` of `kind`; true when memory changed. */
  mergeCopy(kind: RecordKind, id: string, incoming: RecordCopy): boolean {
    const map = this.records[kind] as ShardedMap<{ id: string }>
    const local = map.copyOf(id)
    this.seen(incoming)
    const merged = mergeCopies(kind, local, incoming)
    if (merged === undefined) return false
    if (!this.before.get(kind)?.has(id) && local.record !== undefined) {
      this.mapOf(this.before, kind).set(id, local.record)
    }
    map.setCopy(id, merged)
    if (merged.record !== undefined) {
      if (merged.record !== local.record) {
        this.mapOf(this.puts, kind).set(id, merged.record)
        this.removes.get(kind)?.delete(id)
      }
    } else if (local.record !== undefined || this.puts.get(kind)?.has(id) === true) {
      this.puts.get(kind)?.delete(id)
      let removed = this.removes.get(kind)
      if (removed === undefined) this.removes.set(kind, (removed = new Set()))
      removed.add(id)
    }
    if (merged.text === 'merged') this.textMerged.add(id)
    if (merged.text === 'conflict') this.textConflicts.add(id)
    return true
  }

  /** Merges one journal line. */
  mergeEntry(entry: JournalEntry): void {
    if (entry.device !== undefined) this.devices.add(entry.device)
    for (const kind of RECORD_KINDS) {
      const change = entry.changes[kind]
      if (change === undefined) continue
      const revisions = entry.revs?.[kind]
      const tombstones = entry.tombs?.[kind]
      for (const record of (change.put ?? []) as readonly { id: string }[]) {
        if (!isUsableRecord(kind, record)) continue
        this.mergeCopy(kind, record.id, {
          record,
          revision: revisions?.[record.id],
          tombstone: undefined,
        })
      }
      for (const id of change.remove ?? []) {
        const stamp = tombstones?.[id]
        if (stamp === undefined) continue // a version 1 line: applied as a local change instead
        this.mergeCopy(kind, id, { record: undefined, revision: undefined, tombstone: stamp })
      }
    }
    if (entry.changes.settings !== undefined && entry.settingsStamps !== undefined) {
      this.mergeSettings(entry.changes.settings, entry.settingsStamps)
    }
  }

  /** Merges the records and tombstones of a shard file of `kind`. */
  mergeShardFile(kind: RecordKind, file: ShardFile<unknown>): void {
    for (const record of file.records) {
      if (!isUsableRecord(kind, record)) continue
      const id = (record as { id: string }).id
      this.mergeCopy(kind, id, {
        record: record as { id: string },
        revision: revisionIn(file, id),
        tombstone: undefined,
      })
    }
    for (const [id, stamp] of tombstonesIn(file)) {
      this.mergeCopy(kind, id, { record: undefined, revision: undefined, tombstone: stamp })
    }
  }

  /** Merges settings written elsewhere, key by key, the newer write winning. */
  mergeSettings(settings: Readonly<Record<string, unknown>>, stamps: Record<string, string>): void {
    const mine = this.meta.settingsStamps ?? {}
    const merged = { ...this.meta.settings }
    const mergedStamps = { ...mine }
    let changed = false
    for (const [key, stamp] of Object.entries(stamps)) {
      this.newest = maxStamp(this.newest, stamp)
      if (stamp <= (mine[key] ?? '')) continue
      if (key in settings) merged[key] = settings[key]
      else delete merged[key]
      mergedStamps[key] = stamp
      changed = true
    }
    if (!changed) return
    this.meta.settings = merged
    this.meta.settingsStamps = mergedStamps
    this.settingsChanged = true
  }

  outcome(): MergeOutcome {
    const changes: ChangeSet = {}
    const before = {} as MergeOutcome['before']
    for (const kind of RECORD_KINDS) {
      const put = [...(this.puts.get(kind)?.values() ?? [])]
      const remove = [...(this.removes.get(kind) ?? [])]
      if (put.length > 0 || remove.length > 0) {
        ;(changes as Record<string, unknown>)[kind] = {
          ...(put.length > 0 ? { put } : {}),
          ...(remove.length > 0 ? { remove } : {}),
        }
      }
      ;(before as Record<string, unknown>)[kind] = this.before.get(kind) ?? new Map()
    }
    if (this.settingsChanged) changes.settings = this.meta.settings
    return {
      changes,
      before,
      textMerged: [...this.textMerged],
      textConflicts: [...this.textConflicts],
      newest: this.newest,
      devices: this.devices,
    }
  }

  private seen(copy: RecordCopy): void {
    if (copy.tombstone !== undefined) this.newest = maxStamp(this.newest, copy.tombstone)
    const revision = copy.revision
    if (revision === undefined) return
    this.newest = maxStamp(this.newest, newestStamp(revision))
  }

  private mapOf<V>(maps: Map<RecordKind, Map<string, V>>, kind: RecordKind): Map<string, V> {
    let map = maps.get(kind)
    if (map === undefined) maps.set(kind, (map = new Map()))
    return map
  }
}

/** True when a merge changed nothing anyone must hear of. */
export function isEmptyOutcome(outcome: MergeOutcome): boolean {
  return Object.keys(outcome.changes).length === 0
}
