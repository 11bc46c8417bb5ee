// A set of record changes (put = add or replace by id, remove by id) per kind.
// Operations that touch several kinds (a merge, its undo) describe themselves
// this way, so whatever stores the records applies them in one place.
import type { Collection, Note, Paper } from '../../shared/model'

export interface KindChanges<T extends { id: string }> {
  put: T[]
  remove: string[]
}

export interface RecordChanges {
  papers: KindChanges<Paper>
  notes: KindChanges<Note>
  collections: KindChanges<Collection>
}

export function emptyChanges(): RecordChanges {
  return {
    papers: { put: [], remove: [] },
    notes: { put: [], remove: [] },
    collections: { put: [], remove: [] },
  }
}

/** `records` with `changes` applied: replaced in place, new ones appended, removed ones dropped. */
export function applyKindChanges<T extends { id: string }>(
  records: readonly T[],
  changes: KindChanges<T>,
): T[] {
  const put = new Map(changes.put.map((record) => [record.id, record]))
  const removed = new Set(changes.remove)
  const next: T[] = []
  for (const record of records) {
    if (removed.has(record.id)) continue
    const replacement = put.get(record.id)
    next.push(replacement ?? record)
    put.delete(record.id)
  }
  return [...next, ...put.values()]
}

export function isEmptyKind<T extends { id: string }>(changes: KindChanges<T>): boolean {
  return changes.put.length === 0 && changes.remove.length === 0
}
