// A change set as this device commits it: every record it puts gets its new
// revision (only the fields that changed get the new stamp), every id it
// removes a tombstone, every settings key it writes a stamp. The journal line
// carries them all, so another device merges the change exactly.
import type { JournalEntry } from './journal'
import type { LibraryMeta } from './libraryMeta'
import type { Records } from './mergeBatch'
import { RECORD_KINDS } from './recordKinds'
import type { ChangeSet, RecordKind } from './recordKinds'
import { stampRecord } from './recordRevisions'
import type { RecordRevision } from './recordRevisions'
import type { ShardedMap } from './shardedMap'

export function stampChanges(
  records: Records,
  meta: LibraryMeta,
  changes: ChangeSet,
  stamp: string,
  device: string,
): { entry: JournalEntry; revisions: Map<RecordKind, Map<string, RecordRevision>> } {
  const entry: JournalEntry = { changes, device }
  const revisions = new Map<RecordKind, Map<string, RecordRevision>>()
  for (const kind of RECORD_KINDS) {
    const change = changes[kind]
    if (change === undefined) continue
    const map = records[kind] as ShardedMap<{ id: string }>
    const kindRevisions = new Map<string, RecordRevision>()
    for (const record of (change.put ?? []) as readonly { id: string }[]) {
      const previous = map.copyOf(record.id)
      const revision = stampRecord(
        kind,
        previous.record === undefined
          ? undefined
          : { record: previous.record, revision: previous.revision },
        record,
        stamp,
        device,
      )
      kindRevisions.set(record.id, revision)
    }
    revisions.set(kind, kindRevisions)
    ;(entry.revs ??= {})[kind] = Object.fromEntries(kindRevisions)
    if (change.remove !== undefined && change.remove.length > 0) {
      ;(entry.tombs ??= {})[kind] = Object.fromEntries(change.remove.map((id) => [id, stamp]))
    }
  }
  if (changes.settings !== undefined) {
    entry.settingsStamps = changedKeys(meta.settings, changes.settings, stamp)
  }
  return { entry, revisions }
}

/** The settings keys `next` writes differently from `previous`, each with `stamp`. */
function changedKeys(
  previous: Readonly<Record<string, unknown>>,
  next: Readonly<Record<string, unknown>>,
  stamp: string,
): Record<string, string> {
  const stamps: Record<string, string> = {}
  for (const key of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    if (JSON.stringify(previous[key]) !== JSON.stringify(next[key])) stamps[key] = stamp
  }
  return stamps
}
