// One kind's records in memory, split the way they are split on disk, so a
// checkpoint can write exactly the shards that changed without scanning the
// rest. Beside each record: its revision (recordRevisions.ts), and for deleted
// records their tombstones, stored in the same shard file.
import type { RecordCopy, RecordRevision } from './recordRevisions'
import { shardOf } from './shardRouting'

export interface Shard<T> {
  records: Map<string, T>
  revisions: Map<string, RecordRevision>
  tombstones: Map<string, string>
}

export class ShardedMap<T extends { id: string }> {
  readonly shards: Map<string, T>[]
  readonly revisions: Map<string, RecordRevision>[]
  readonly tombstones: Map<string, string>[]
  private readonly dirty = new Set<number>()
  private count = 0

  constructor(readonly shardCount: number) {
    this.shards = Array.from({ length: shardCount }, () => new Map<string, T>())
    this.revisions = Array.from({ length: shardCount }, () => new Map<string, RecordRevision>())
    this.tombstones = Array.from({ length: shardCount }, () => new Map<string, string>())
  }

  get size(): number {
    return this.count
  }

  get(id: string): T | undefined {
    return this.shards[shardOf(id, this.shardCount)]?.get(id)
  }

  has(id: string): boolean {
    return this.get(id) !== undefined
  }

  *values(): IterableIterator<T> {
    for (const shard of this.shards) yield* shard.values()
  }

  /** The record, its revision and its tombstone, as merging sees them. */
  copyOf(id: string): RecordCopy {
    const index = shardOf(id, this.shardCount)
    return {
      record: this.shards[index]?.get(id),
      revision: this.revisions[index]?.get(id),
      tombstone: this.tombstones[index]?.get(id),
    }
  }

  /** One shard's content, for writing it. */
  shard(index: number): Shard<T> {
    return {
      records: this.shards[index] ?? new Map(),
      revisions: this.revisions[index] ?? new Map(),
      tombstones: this.tombstones[index] ?? new Map(),
    }
  }

  /** Adds or replaces a record (with its revision) and marks its shard for the next checkpoint. */
  set(record: T, revision?: RecordRevision): void {
    const index = shardOf(record.id, this.shardCount)
    const shard = this.shards[index]
    if (shard === undefined) return
    if (!shard.has(record.id)) this.count++
    shard.set(record.id, record)
    if (revision !== undefined) this.revisions[index]?.set(record.id, revision)
    this.dirty.add(index)
  }

  /** Deletes a record, leaving its tombstone when one is given. */
  delete(id: string, tombstone?: string): void {
    const index = shardOf(id, this.shardCount)
    if (this.shards[index]?.delete(id)) this.count--
    this.revisions[index]?.delete(id)
    if (tombstone !== undefined) this.tombstones[index]?.set(id, tombstone)
    this.dirty.add(index)
  }

  /** Stores a merged copy: the record with its revision, or its tombstone alone. */
  setCopy(id: string, copy: RecordCopy): void {
    const index = shardOf(id, this.shardCount)
    if (copy.record === undefined) this.delete(id)
    else this.set(copy.record as T, copy.revision)
    if (copy.tombstone === undefined) this.tombstones[index]?.delete(id)
    else this.tombstones[index]?.set(id, copy.tombstone)
    this.dirty.add(index)
  }

  /**
   * Loads a record read from shard file `fileIndex` without marking it dirty,
   * unless it sits in the wrong file (moved by hand): then both files are
   * rewritten at the next checkpoint, putting it where lookups will find it.
   */
  load(fileIndex: number, record: T, revision?: RecordRevision): void {
    const index = shardOf(record.id, this.shardCount)
    const shard = this.shards[index]
    if (shard === undefined) return
    if (!shard.has(record.id)) this.count++
    shard.set(record.id, record)
    if (revision !== undefined) this.revisions[index]?.set(record.id, revision)
    if (index !== fileIndex) {
      this.dirty.add(index)
      this.dirty.add(fileIndex)
    }
  }

  /** Loads a tombstone read from shard file `fileIndex` (see load). */
  loadTombstone(fileIndex: number, id: string, stamp: string): void {
    const index = shardOf(id, this.shardCount)
    this.tombstones[index]?.set(id, stamp)
    if (index !== fileIndex) {
      this.dirty.add(index)
      this.dirty.add(fileIndex)
    }
  }

  markDirty(index: number): void {
    this.dirty.add(index)
  }

  markAllDirty(): void {
    for (let index = 0; index < this.shardCount; index++) this.dirty.add(index)
  }

  dirtyShards(): number[] {
    return [...this.dirty].sort((a, b) => a - b)
  }

  markClean(index: number): void {
    this.dirty.delete(index)
  }
}
