// Two versions of one library file merged into one, record by record: what
// git's merge driver for a library folder runs (`offprint sync merge-file`,
// see README "Using one library on several machines"), so two clones that
// edited the same shard merge without conflict markers.
import { randomUUID } from 'node:crypto'
import { LIBRARY_FILE, libraryMetaParser } from './libraryMeta'
import type { LibraryMeta } from './libraryMeta'
import { MergeBatch, emptyRecords } from './mergeBatch'
import { RECORD_KINDS } from './recordKinds'
import type { RecordKind } from './recordKinds'
import { parseShard, shardContent } from './shardFiles'
import type { ShardFile } from './shardFiles'

/** The merged text of library file `relativePath` ("papers/03.json", "library.json"). */
export function mergeLibraryFile(relativePath: string, ours: string, theirs: string): string {
  const path = relativePath.replace(/\\/g, '/')
  if (path === LIBRARY_FILE || path.endsWith(`/${LIBRARY_FILE}`)) {
    const parse = libraryMetaParser(path)
    const mine = parse(JSON.parse(ours))
    const other = parse(JSON.parse(theirs))
    const meta: LibraryMeta = { ...mine, settings: { ...mine.settings } }
    const batch = new MergeBatch(emptyRecords(), meta)
    batch.mergeSettings(other.settings, other.settingsStamps ?? {})
    return `${JSON.stringify({ ...meta, revision: randomUUID() }, null, 2)}\n`
  }
  const kind = RECORD_KINDS.find((k) => path.split('/').includes(k)) as RecordKind | undefined
  if (kind === undefined) throw new Error(`${relativePath} is not a library file`)
  const records = emptyRecords()
  const batch = new MergeBatch(records, { schemaVersion: 2, createdAt: '', settings: {} })
  batch.mergeShardFile(kind, parseShard(JSON.parse(ours)) as ShardFile<unknown>)
  batch.mergeShardFile(kind, parseShard(JSON.parse(theirs)) as ShardFile<unknown>)
  const merged: ShardFile<{ id: string }> = { records: [] }
  const map = records[kind]
  for (let index = 0; index < map.shardCount; index++) {
    const content = shardContent(map.shard(index) as never) as ShardFile<{ id: string }>
    merged.records.push(...content.records)
    if (content.revisions) merged.revisions = { ...merged.revisions, ...content.revisions }
    if (content.tombstones) merged.tombstones = { ...merged.tombstones, ...content.tombstones }
  }
  return `${JSON.stringify(merged)}\n`
}
