// A change set under construction that reads through itself: an operation
// touching the same record twice (restoring a note whose paper it restores
// too) sees its own earlier decision, not the stored record.
import type { LibraryRecords } from '../store/libraryStore'
import { RECORD_KINDS } from '../store/recordKinds'
import type { ChangeSet, RecordKind, RecordTypes } from '../store/recordKinds'

type Pending = { [K in RecordKind]: Map<string, RecordTypes[K] | null> }

export class ChangeBuilder {
  // id → the record to store, or null to delete it.
  private readonly pending: Pending = {
    papers: new Map(),
    notes: new Map(),
    collections: new Map(),
    relations: new Map(),
    attachments: new Map(),
    highlights: new Map(),
  }

  constructor(private readonly records: LibraryRecords) {}

  /** The record as it will be after this change set (undefined once removed). */
  get<K extends RecordKind>(kind: K, id: string): RecordTypes[K] | undefined {
    const pending = this.pending[kind] as Map<string, RecordTypes[K] | null>
    if (pending.has(id)) return pending.get(id) ?? undefined
    return this.records[kind].get(id)
  }

  put<K extends RecordKind>(kind: K, record: RecordTypes[K]): void {
    ;(this.pending[kind] as Map<string, RecordTypes[K] | null>).set(record.id, record)
  }

  remove(kind: RecordKind, id: string): void {
    this.pending[kind].set(id, null)
  }

  /** Records put or removed so far, all kinds together. */
  get size(): number {
    return RECORD_KINDS.reduce((sum, kind) => sum + this.pending[kind].size, 0)
  }

  changes(): ChangeSet {
    const changes: ChangeSet = {}
    for (const kind of RECORD_KINDS) {
      const put: { id: string }[] = []
      const remove: string[] = []
      for (const [id, record] of this.pending[kind]) {
        if (record === null) remove.push(id)
        else put.push(record)
      }
      if (put.length + remove.length === 0) continue
      Object.assign(changes, {
        [kind]: { ...(put.length > 0 ? { put } : {}), ...(remove.length > 0 ? { remove } : {}) },
      })
    }
    return changes
  }
}
