// What every organizing operation produces before anything is written: the
// change set, the label its undo step carries, and the answer for the caller.
// Operations are pure functions of the current records, so a bad argument is
// found before the first byte is written and the library is left as it was.
import type { ChangeOutcome, Paper } from '../../../shared/model'
import type { LibraryRecords } from '../store/libraryStore'
import { requirePaper } from '../store/requireRecord'
import { RECORD_KINDS } from '../store/recordKinds'
import type { ChangeSet } from '../store/recordKinds'

/** What an operation works from: the records as they are, the time, and fresh ids. */
export interface OrganizeContext {
  records: LibraryRecords
  /** ISO timestamp the change is made at. */
  at: string
  newId(): string
}

export interface Plan<T> {
  changes: ChangeSet
  /** What the action did, as Undo names it ("Add 3 papers to “Retrieval”"). */
  label: string
  result: T
}

/** A plan whose answer is the usual outcome: its label and how many things it changed. */
export function outcomePlan(
  changes: ChangeSet,
  label: string,
  changed: number,
): Plan<ChangeOutcome> {
  return { changes, label, result: { label, changed } }
}

export function isEmptyChangeSet(changes: ChangeSet): boolean {
  return (
    changes.settings === undefined &&
    RECORD_KINDS.every(
      (kind) => (changes[kind]?.put?.length ?? 0) + (changes[kind]?.remove?.length ?? 0) === 0,
    )
  )
}

/** Each id once, in the order first given. */
export function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids)]
}

/** The papers with these ids (each once); the first unknown id is an error. */
export function requirePapers(records: LibraryRecords, ids: readonly string[]): Paper[] {
  return uniqueIds(ids).map((id) => requirePaper(records, id))
}

/** A user-given name as labels and messages show it. */
export function quoted(name: string): string {
  return `“${name}”`
}

/** A copy of `record` without `key` (records never hold undefined-valued keys: they would not survive JSON). */
export function without<T extends object, K extends keyof T>(record: T, key: K): Omit<T, K> {
  const copy = { ...record }
  delete copy[key]
  return copy
}
