// One kind's records in memory, split the way they are split on disk, so a
// checkpoint can write exactly the shards that changed without scanning the rest.
import { shardOf } from './shardRouting'

export class ShardedMap<T extends { id: string }> {
  readonly shards: Map<string, T>[]
  private readonly dirty = new Set<number>()
  private count = 0

  constructor(readonly shardCount: number) {
    this.shards = Array.from({ length: shardCount }, () => new Map<string, T>())
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

  /** Adds or replaces a record and marks its shard for the next checkpoint. */
  set(record: T): void {
    const index = shardOf(record.id, this.shardCount)
    const shard = this.shards[index]
    if (shard === undefined) return
    if (!shard.has(record.id)) this.count++
    shard.set(record.id, record)
    this.dirty.add(index)
  }

  delete(id: string): void {
    const index = shardOf(id, this.shardCount)
    if (this.shards[index]?.delete(id)) {
      this.count--
      this.dirty.add(index)
    }
  }

  /**
   * Loads a record read from shard file `fileIndex` without marking it dirty,
   * unless it sits in the wrong file (moved by hand): then both files are
   * rewritten at the next checkpoint, putting it where lookups will find it.
   */
  load(fileIndex: number, record: T): void {
    const index = shardOf(record.id, this.shardCount)
    const shard = this.shards[index]
    if (shard === undefined) return
    if (!shard.has(record.id)) this.count++
    shard.set(record.id, record)
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
