// The library's files as read on open: shard files (read a few at a time,
// usable records loaded, unusable ones set aside and brought back from a
// backup when one has them) and any library file that cannot be read (moved
// aside, never overwritten, replaced by its newest good copy in the backups).
import { join } from 'node:path'
import type { StoreProblem } from '../../../shared/model'
import { findGoodCopy, summaryOf } from '../backups/backupFolder'
import type { BackupManifest } from '../backups/backupFolder'
import { DurableJsonFile, UnreadableFileError } from './durableJsonFile'
import type { JsonDocumentParser } from './durableJsonFile'
import { fileTimestamp, moveAside } from './moveAside'
import { isUsableRecord } from './recordChecks'
import { SHARD_COUNTS } from './recordKinds'
import type { RecordKind } from './recordKinds'
import type { RecordRevision } from './recordRevisions'
import type { Shard, ShardedMap } from './shardedMap'
import { shardFileName } from './shardRouting'

export interface ShardFile<T> {
  records: T[]
  /** Each record's revision (recordRevisions.ts); absent in files written before them. */
  revisions?: Record<string, RecordRevision>
  /** Deleted records' ids and when they were deleted. */
  tombstones?: Record<string, string>
}

/** The revision the file holds for a record, if it is a usable one. */
export function revisionIn(file: ShardFile<unknown>, id: string): RecordRevision | undefined {
  const revision = file.revisions?.[id] as unknown
  if (typeof revision !== 'object' || revision === null) return undefined
  return typeof (revision as { at?: unknown }).at === 'string'
    ? (revision as RecordRevision)
    : undefined
}

/** The tombstones a file holds, those that are usable. */
export function tombstonesIn(file: ShardFile<unknown>): [string, string][] {
  const tombstones = file.tombstones as unknown
  if (typeof tombstones !== 'object' || tombstones === null) return []
  return Object.entries(tombstones as Record<string, unknown>).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  )
}

/** A shard's content as written at a checkpoint. */
export function shardContent<T extends { id: string }>(shard: Shard<T>): ShardFile<T> {
  const content: ShardFile<T> = { records: [...shard.records.values()] }
  if (shard.revisions.size > 0) content.revisions = Object.fromEntries(shard.revisions)
  if (shard.tombstones.size > 0) content.tombstones = Object.fromEntries(shard.tombstones)
  return content
}

/** One shard file as read: its records, or null when it was missing or moved aside. */
interface ShardRead {
  index: number
  file: DurableJsonFile<ShardFile<{ id: string }>>
  found: StoreProblem[]
  data: ShardFile<{ id: string }> | null
}

/**
 * Shard files read at once on open: enough to keep the disk busy, few enough
 * that their raw bytes never pile up. Reading all 256 at once held the whole
 * library's bytes twice over (buffers and decoded text) at one moment, and
 * the process kept that memory after freeing it: 100-180 MB more resident.
 */
const SHARDS_READ_AT_ONCE = 8

/**
 * A shard file. Its records are typed as stored records, but read ones are
 * checked one by one (recordChecks.ts) before they are used.
 */
export function shardFile(
  dir: string,
  kind: RecordKind,
  index: number,
): DurableJsonFile<ShardFile<{ id: string }>> {
  return new DurableJsonFile(join(dir, shardFileName(kind, index)), parseShard, { compact: true })
}

export const parseShard: JsonDocumentParser<ShardFile<{ id: string }>> = (value) => {
  if (
    typeof value !== 'object' ||
    value === null ||
    !Array.isArray((value as { records?: unknown }).records)
  ) {
    throw new Error('unexpected content (no "records" list)')
  }
  return value as ShardFile<{ id: string }>
}

/**
 * Reads every shard file of one kind. An unreadable file is moved aside whole;
 * an unusable record inside a readable file is set aside alone, in a
 * quarantine file next to it, and its shard is rewritten without it.
 */
export async function loadShards(
  dir: string,
  kind: RecordKind,
  map: ShardedMap<{ id: string }>,
  now: () => Date,
  problems: StoreProblem[],
): Promise<void> {
  const read = async (index: number): Promise<ShardRead> => {
    const file = shardFile(dir, kind, index)
    const found: StoreProblem[] = []
    const data = await readOrRecover(dir, shardFileName(kind, index), file, now, found)
    return { index, file, found, data }
  }
  const count = SHARD_COUNTS[kind]
  // A window of reads in flight: while one shard is loaded, the next ones are
  // being read. Loaded in shard order, so problems are reported in that order.
  const reads = new Map<number, Promise<ShardRead>>()
  const startRead = (index: number): void => {
    const reading = read(index)
    // A failure is thrown where it is awaited; reads still in flight then must not go unhandled.
    reading.catch(() => undefined)
    reads.set(index, reading)
  }
  for (let index = 0; index < Math.min(SHARDS_READ_AT_ONCE, count); index++) startRead(index)
  for (let index = 0; index < count; index++) {
    const shard = await (reads.get(index) as Promise<ShardRead>)
    reads.delete(index)
    if (index + SHARDS_READ_AT_ONCE < count) startRead(index + SHARDS_READ_AT_ONCE)
    await loadShard(dir, kind, map, shard, now, problems)
  }
}

/** Puts one shard file's usable records in memory and sets the others aside. */
async function loadShard(
  dir: string,
  kind: RecordKind,
  map: ShardedMap<{ id: string }>,
  { index, file, found, data }: ShardRead,
  now: () => Date,
  problems: StoreProblem[],
): Promise<void> {
  problems.push(...found)
  if (data === null) return
  const unusable: unknown[] = []
  for (const record of data.records as unknown[]) {
    if (isUsableRecord(kind, record)) {
      const id = (record as { id: string }).id
      map.load(index, record as { id: string }, revisionIn(data, id))
    } else unusable.push(record)
  }
  for (const [id, stamp] of tombstonesIn(data)) map.loadTombstone(index, id, stamp)
  if (unusable.length > 0) {
    const quarantine = `${file.path}.quarantined-${fileTimestamp(now())}.json`
    await new DurableJsonFile(quarantine, (value) => value).write({ records: unusable })
    const recovered = await recoverRecords(dir, kind, index, unusable, map)
    const count = `${unusable.length} unusable record${unusable.length === 1 ? '' : 's'}`
    const problem: StoreProblem = {
      kind: 'unusable-records',
      file: file.path,
      movedTo: quarantine,
      reason:
        recovered === undefined
          ? `${count} set aside`
          : `${count} set aside, ${recovered.count} of them restored from a backup`,
    }
    if (recovered !== undefined) problem.restoredFrom = summaryOf(recovered.backup)
    problems.push(problem)
    map.markDirty(index)
  }
}

/**
 * Brings back, from the newest backup that has a good copy of their shard,
 * the unusable records whose id can still be read. Returns how many.
 */
async function recoverRecords(
  dir: string,
  kind: RecordKind,
  index: number,
  unusable: readonly unknown[],
  map: ShardedMap<{ id: string }>,
): Promise<{ count: number; backup: BackupManifest } | undefined> {
  const ids = new Set<string>()
  for (const record of unusable) {
    const id = (record as { id?: unknown } | null)?.id
    if (typeof id === 'string' && id !== '' && !map.has(id)) ids.add(id)
  }
  if (ids.size === 0) return undefined
  const copy = await findGoodCopy(dir, shardFileName(kind, index), parseShard)
  if (copy === undefined) return undefined
  let count = 0
  for (const record of copy.data.records as unknown[]) {
    if (isUsableRecord(kind, record) && ids.delete((record as { id: string }).id)) {
      const id = (record as { id: string }).id
      map.load(index, record as { id: string }, revisionIn(copy.data, id))
      count++
    }
  }
  return count === 0 ? undefined : { count, backup: copy.backup }
}

/**
 * Reads a library file. One that cannot be read is never overwritten: it is
 * moved aside, and the newest good copy in the library's backups takes its
 * place (the journal, replayed after, brings back the changes since the last
 * checkpoint). Without a good copy the file starts empty.
 */
export async function readOrRecover<T>(
  dir: string,
  relativePath: string,
  file: DurableJsonFile<T>,
  now: () => Date,
  problems: StoreProblem[],
): Promise<T | null> {
  try {
    return await file.read()
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error
    const movedTo = await moveAside(file.path, now())
    const problem: StoreProblem = {
      kind: 'unreadable-file',
      file: file.path,
      movedTo,
      reason: error.reason,
    }
    problems.push(problem)
    const copy = await findGoodCopy(dir, relativePath, file.parse)
    if (copy === undefined) return null
    await file.write(copy.data)
    problem.restoredFrom = summaryOf(copy.backup)
    return copy.data
  }
}
