// List fields that are sets (a paper's tags, a collection's papers) merge as
// sets, element by element, so a tag added on each of two devices between
// syncs keeps both. Beside the field's stamp (its base: when the list was last
// written whole, e.g. by the device that created the record or by a version of
// Offprint before this) the revision keeps, per element, the stamp of its last
// add or removal on this or another device. An element's stamp is the newer of
// its own and the base; merging two copies takes each element's presence from
// the copy whose stamp for it is newer (the same stamp is the same write; with
// no stamps on either side, present on either side wins). A removed element's
// stamp is kept, so an older copy that still has it does not bring it back.
// Ordered lists (a paper's authors) are not sets: they merge as one value.
import { maxStamp } from './hlc'

/** Per record kind, the string-list fields merged as sets. */
export const SET_FIELDS: Readonly<Record<string, readonly string[] | undefined>> = {
  papers: ['tags', 'citationKeyAliases'],
  collections: ['paperIds'],
}

/** Per set field, the stamp of each element's last add or removal. */
export type SetStamps = Record<string, Record<string, string>>

export function isSetField(kind: string, field: string): boolean {
  return SET_FIELDS[kind]?.includes(field) === true
}

function elementsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

function own(stamps: Record<string, string> | undefined, element: string): string | undefined {
  return stamps !== undefined && Object.hasOwn(stamps, element) ? stamps[element] : undefined
}

/**
 * The element stamps after this device writes `after` over `before`: every
 * element added or removed gets `stamp`.
 */
export function stampSet(
  old: Record<string, string> | undefined,
  before: unknown,
  after: unknown,
  stamp: string,
): Record<string, string> | undefined {
  const was = new Set(elementsOf(before))
  const now = new Set(elementsOf(after))
  const entries = new Map(Object.entries(old ?? {}))
  for (const element of was) if (!now.has(element)) entries.set(element, stamp)
  for (const element of now) if (!was.has(element)) entries.set(element, stamp)
  return entries.size === 0 ? undefined : Object.fromEntries(entries)
}

/** One copy of a set field: its value, its base stamp and its element stamps. */
export interface SetCopy {
  value: unknown
  base: string
  stamps: Record<string, string> | undefined
}

export interface MergedSet {
  /** The merged list (undefined when neither copy has the field). */
  value: string[] | undefined
  base: string
  stamps: Record<string, string> | undefined
}

/**
 * The merged list as a record holds it: none when neither copy has the field, and
 * none for an empty set when one copy has no field (an absent list and an empty
 * one are the same set; an undo that took the field away keeps it away).
 */
function listOf(elements: string[], a: SetCopy, b: SetCopy): string[] | undefined {
  const hasA = Array.isArray(a.value)
  const hasB = Array.isArray(b.value)
  if (!hasA && !hasB) return undefined
  if (elements.length === 0 && !(hasA && hasB)) return undefined
  return elements
}

/** The newest stamp a copy of a set field carries: its own, or an element's. */
function newestOf(copy: SetCopy): string {
  let newest = copy.base
  for (const stamp of Object.values(copy.stamps ?? {})) newest = maxStamp(newest, stamp)
  return newest
}

/** Merges two copies of a set field; the same result in either order. */
export function mergeSet(a: SetCopy, b: SetCopy): MergedSet {
  const inA = elementsOf(a.value)
  const inB = elementsOf(b.value)
  if (
    a.base === b.base &&
    JSON.stringify(inA) === JSON.stringify(inB) &&
    JSON.stringify(a.stamps) === JSON.stringify(b.stamps) &&
    new Set(inA).size === inA.length
  ) {
    // The same list with the same stamps: nothing to merge (most records).
    return { value: listOf(inA, a, b), base: a.base, stamps: a.stamps }
  }
  const hasA = new Set(inA)
  const hasB = new Set(inB)
  const base = maxStamp(a.base, b.base)
  const present = new Set<string>()
  const stamps = new Map<string, string>()
  const all = new Set([
    ...inA,
    ...inB,
    ...Object.keys(a.stamps ?? {}),
    ...Object.keys(b.stamps ?? {}),
  ])
  for (const element of all) {
    const stampA = maxStamp(own(a.stamps, element) ?? a.base, a.base)
    const stampB = maxStamp(own(b.stamps, element) ?? b.base, b.base)
    const keep =
      stampA === stampB
        ? hasA.has(element) || hasB.has(element)
        : stampA > stampB
          ? hasA.has(element)
          : hasB.has(element)
    if (keep) present.add(element)
    const newest = maxStamp(stampA, stampB)
    if (newest > base) stamps.set(element, newest)
  }
  // The order of the copy written last (its newest stamp; else the lesser list), then the rest.
  const newestA = newestOf(a)
  const newestB = newestOf(b)
  const aFirst =
    newestA !== newestB ? newestA > newestB : JSON.stringify(inA) <= JSON.stringify(inB)
  const ordered = [...new Set(aFirst ? [...inA, ...inB] : [...inB, ...inA])].filter((element) =>
    present.has(element),
  )
  return {
    value: listOf(ordered, a, b),
    base,
    stamps: stamps.size === 0 ? undefined : Object.fromEntries(stamps),
  }
}
