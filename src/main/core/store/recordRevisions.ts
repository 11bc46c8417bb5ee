// Revisions: what lets two devices' copies of a record merge without losing
// either side. Every record carries, beside it (never inside it, so record
// kinds added later get this for free), the stamp (hlc.ts) of each field's last
// write: a default stamp `at` and the fields written since. Merging two copies
// takes each field from the copy whose stamp for it is newer, so a star set on
// one machine and a tag added on the other both survive. A record's text (a
// note's body) is merged as text instead (textRevisions.ts). A deletion is a
// tombstone with its stamp; it hides every copy written before it, and only a
// record written whole after it (re-created, an undo) comes back. A list field
// that is a set (tags, a collection's papers) is merged element by element
// (setRevisions.ts).
import { NO_STAMP, maxStamp } from './hlc'
import { SET_FIELDS, isSetField, mergeSet, stampSet } from './setRevisions'
import type { SetStamps } from './setRevisions'
import { TEXT_FIELDS, mergeText, stampText } from './textRevisions'
import type { TextRevision } from './textRevisions'

export interface RecordRevision {
  /** The stamp of every field not named in `fields`: when the record was written whole. */
  at: string
  /** Fields written since `at`, with their stamps. */
  fields?: Record<string, string>
  /** The merge history of the record's text field (notes: the body). */
  text?: TextRevision
  /** Per set field, the stamp of each element added or removed since the field's stamp. */
  sets?: SetStamps
}

/** One copy of a record: the record (absent when deleted) and its revision. */
export interface RecordCopy {
  record: { id: string } | undefined
  revision: RecordRevision | undefined
  /** When it was deleted, if it was. */
  tombstone: string | undefined
}

/** What merging a copy into another did to the record's text, when it did something. */
export type TextOutcome = 'merged' | 'conflict'

export interface MergedCopy extends RecordCopy {
  text?: TextOutcome
}

function stampOf(revision: RecordRevision | undefined, field: string): string {
  return revision?.fields?.[field] ?? revision?.at ?? NO_STAMP
}

/** The newest stamp anywhere in a revision. */
export function newestStamp(revision: RecordRevision | undefined): string {
  if (revision === undefined) return NO_STAMP
  let newest = revision.at
  for (const stamp of Object.values(revision.fields ?? {})) newest = maxStamp(newest, stamp)
  for (const stamp of Object.values(revision.text?.vv ?? {})) newest = maxStamp(newest, stamp)
  for (const field of Object.keys(revision.sets ?? {}))
    for (const stamp of Object.values(setStampsOf(revision, field) ?? {}))
      newest = maxStamp(newest, stamp)
  return newest
}

/** The element stamps a revision keeps for a set field, if usable. */
export function setStampsOf(
  revision: RecordRevision | undefined,
  field: string,
): Record<string, string> | undefined {
  const stamps =
    revision?.sets !== undefined && Object.hasOwn(revision.sets, field)
      ? (revision.sets[field] as unknown)
      : undefined
  return typeof stamps === 'object' && stamps !== null && !Array.isArray(stamps)
    ? (stamps as Record<string, string>)
    : undefined
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/**
 * The revision of `next` written now (`stamp`) by `device` over `previous`:
 * only the fields that changed get the new stamp.
 */
export function stampRecord(
  kind: string,
  previous: { record: { id: string }; revision: RecordRevision | undefined } | undefined,
  next: { id: string },
  stamp: string,
  device: string,
): RecordRevision {
  const textField = TEXT_FIELDS[kind]
  if (previous === undefined) {
    const revision: RecordRevision = { at: stamp }
    if (textField !== undefined) revision.text = { vv: { [device]: stamp } }
    return revision
  }
  const before = previous.record as Record<string, unknown>
  const after = next as Record<string, unknown>
  const old = previous.revision ?? { at: NO_STAMP }
  const fields: Record<string, string> = { ...old.fields }
  const sets: SetStamps = { ...old.sets }
  let changed = 0
  let all = 0
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (field === 'id') continue
    if (isSetField(kind, field)) {
      // Stamped element by element; the field's own stamp stays the base.
      if (sameValue(before[field], after[field])) continue
      const stamps = stampSet(setStampsOf(old, field), before[field], after[field], stamp)
      if (stamps !== undefined) sets[field] = stamps
      continue
    }
    all++
    if (!sameValue(before[field], after[field])) {
      fields[field] = stamp
      changed++
    }
  }
  let revision: RecordRevision
  if (changed === all && all > 0) {
    // Every other field written whole: the set fields keep their own base.
    const bases: Record<string, string> = {}
    for (const field of SET_FIELDS[kind] ?? []) {
      const base = stampOf(old, field)
      if (base !== stamp && (field in before || field in after)) bases[field] = base
    }
    revision = { at: stamp, ...nonEmpty(bases) }
  } else {
    revision = { at: old.at, ...nonEmpty(fields) }
  }
  if (Object.keys(sets).length > 0) revision.sets = sets
  if (textField !== undefined) {
    const text = old.text ?? { vv: {} }
    const oldText = typeof before[textField] === 'string' ? (before[textField] as string) : ''
    const newText = typeof after[textField] === 'string' ? (after[textField] as string) : ''
    // A conflict is settled by this device writing the text, even unchanged
    // (the Conflicts view's "keep this text"): then updatedAt changes.
    const settles = text.sides !== undefined && before['updatedAt'] !== after['updatedAt']
    revision.text = newText === oldText && !settles ? text : stampText(text, oldText, device, stamp)
  }
  return revision
}

function nonEmpty(fields: Record<string, string>): { fields?: Record<string, string> } {
  return Object.keys(fields).length === 0 ? {} : { fields }
}

/** True when the record, written as `revision`, is hidden by `tombstone`. */
function buried(revision: RecordRevision | undefined, tombstone: string | undefined): boolean {
  return tombstone !== undefined && (revision?.at ?? NO_STAMP) <= tombstone
}

/**
 * Merges copy `incoming` into copy `local`, or returns undefined when
 * `incoming` adds nothing. Commutative in its result: two devices merging
 * the same two copies in either order get the same record.
 */
export function mergeCopies(
  kind: string,
  local: RecordCopy,
  incoming: RecordCopy,
): MergedCopy | undefined {
  const tombstone =
    local.tombstone === undefined
      ? incoming.tombstone
      : incoming.tombstone === undefined
        ? local.tombstone
        : maxStamp(local.tombstone, incoming.tombstone)
  const localAlive = local.record !== undefined && !buried(local.revision, tombstone)
  const incomingAlive = incoming.record !== undefined && !buried(incoming.revision, tombstone)
  let merged: MergedCopy
  if (!incomingAlive) {
    if (tombstone === local.tombstone && (localAlive || local.record === undefined))
      return undefined
    merged = localAlive
      ? { record: local.record, revision: local.revision, tombstone }
      : { record: undefined, revision: undefined, tombstone }
  } else if (!localAlive) {
    merged = { record: incoming.record, revision: incoming.revision, tombstone }
  } else {
    const fields = mergeFields(kind, local, incoming)
    if (fields === undefined && tombstone === local.tombstone) return undefined
    merged = fields ?? { record: local.record, revision: local.revision, tombstone }
    merged.tombstone = tombstone
  }
  return merged
}

/** Field by field; undefined when `incoming` has nothing newer. */
function mergeFields(
  kind: string,
  local: RecordCopy,
  incoming: RecordCopy,
): MergedCopy | undefined {
  const a = local.record as Record<string, unknown>
  const b = incoming.record as Record<string, unknown>
  const textField = TEXT_FIELDS[kind]
  const record: Record<string, unknown> = { id: a['id'] }
  const stamps = new Map<string, string>()
  const sets: SetStamps = {}
  let changed = false
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (field === 'id' || field === textField) continue
    if (isSetField(kind, field)) {
      const set = mergeSet(
        {
          value: a[field],
          base: stampOf(local.revision, field),
          stamps: setStampsOf(local.revision, field),
        },
        {
          value: b[field],
          base: stampOf(incoming.revision, field),
          stamps: setStampsOf(incoming.revision, field),
        },
      )
      if (set.value !== undefined) record[field] = set.value
      stamps.set(field, set.base)
      if (set.stamps !== undefined) sets[field] = set.stamps
      if (!sameValue(a[field], set.value)) changed = true
      continue
    }
    const mine = stampOf(local.revision, field)
    const theirs = stampOf(incoming.revision, field)
    const takeTheirs = theirs > mine
    const value = takeTheirs ? b[field] : a[field]
    if (value !== undefined) record[field] = value
    stamps.set(field, takeTheirs ? theirs : mine)
    if (takeTheirs && !sameValue(a[field], b[field])) changed = true
  }
  const at = maxStamp(local.revision?.at ?? NO_STAMP, incoming.revision?.at ?? NO_STAMP)
  const fields: Record<string, string> = {}
  for (const [field, stamp] of stamps) if (stamp !== at) fields[field] = stamp
  const revision: RecordRevision = { at, ...nonEmpty(fields) }
  if (Object.keys(sets).length > 0) revision.sets = sets
  let text: TextOutcome | undefined
  if (textField !== undefined) {
    const result = mergeText(
      { text: String(a[textField] ?? ''), revision: local.revision?.text ?? { vv: {} } },
      { text: String(b[textField] ?? ''), revision: incoming.revision?.text ?? { vv: {} } },
    )
    record[textField] = result.text
    revision.text = result.revision
    if (result.outcome !== 'kept') changed = true
    if (result.outcome === 'merged' || result.outcome === 'conflict') text = result.outcome
  }
  if (!changed && sameRevision(revision, local.revision)) return undefined
  // Key order of the local copy first, so an unchanged record reads the same.
  const ordered: Record<string, unknown> = {}
  for (const field of Object.keys(a)) if (field in record) ordered[field] = record[field]
  for (const field of Object.keys(record)) if (!(field in ordered)) ordered[field] = record[field]
  const result: MergedCopy = {
    record: ordered as { id: string },
    revision,
    tombstone: undefined,
  }
  if (text !== undefined) result.text = text
  return result
}

/** The same revision, whatever order its fields were written in. */
export function sameRevision(
  a: RecordRevision | undefined,
  b: RecordRevision | undefined,
): boolean {
  if (a === undefined || b === undefined) return a === b
  if (a.at !== b.at || JSON.stringify(a.text) !== JSON.stringify(b.text)) return false
  if (!sameSets(a.sets, b.sets)) return false
  const fa = a.fields ?? {}
  const fb = b.fields ?? {}
  const keys = Object.keys(fa)
  return keys.length === Object.keys(fb).length && keys.every((key) => fa[key] === fb[key])
}

function sameSets(a: SetStamps | undefined, b: SetStamps | undefined): boolean {
  const fa = a ?? {}
  const fb = b ?? {}
  const keys = Object.keys(fa)
  if (keys.length !== Object.keys(fb).length) return false
  for (const key of keys) {
    const ea = fa[key] ?? {}
    const eb = fb[key] ?? {}
    const elements = Object.keys(ea)
    if (elements.length !== Object.keys(eb).length) return false
    if (!elements.every((element) => Object.hasOwn(eb, element) && ea[element] === eb[element]))
      return false
  }
  return true
}
