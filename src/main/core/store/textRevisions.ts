// A record's text (a note's body) edited on two devices between syncs: both
// texts are kept. Each text carries a version vector (the newest stamp of each
// device that wrote it) and, after a local edit, the version it started from.
// When neither version contains the other, a common ancestor known to both
// gives a three-way merge (node-diff3); edits to the same lines, or no known
// ancestor, give one text with both versions between visible markers, and the
// two versions are kept (`sides`) until someone edits the text: the note is
// then listed for the user to look at.
import { merge as mergeThreeWay } from 'node-diff3'
import { deviceOfStamp, maxStamp } from './hlc'

/** Per record kind, the field merged as text. */
export const TEXT_FIELDS: Readonly<Record<string, string | undefined>> = { notes: 'body' }

export type VersionVector = Record<string, string>

export interface TextSide {
  device: string
  text: string
}

export interface TextRevision {
  vv: VersionVector
  /** The version a run of local edits started from: the ancestor for a later merge. */
  base?: { text: string; vv: VersionVector }
  /** Both versions of a conflict no merge could settle, until the text is edited. */
  sides?: [TextSide, TextSide]
}

export type TextMergeOutcome = 'kept' | 'taken' | 'merged' | 'conflict'

/** vv `a` has seen everything `b` has. */
export function dominates(a: VersionVector, b: VersionVector): boolean {
  for (const [device, stamp] of Object.entries(b)) if ((a[device] ?? '') < stamp) return false
  return true
}

function join(a: VersionVector, b: VersionVector): VersionVector {
  const joined: VersionVector = { ...a }
  for (const [device, stamp] of Object.entries(b)) {
    joined[device] = maxStamp(joined[device] ?? '', stamp)
  }
  return Object.fromEntries(Object.entries(joined).sort(([x], [y]) => (x < y ? -1 : 1)))
}

function newest(vv: VersionVector): string {
  let result = ''
  for (const stamp of Object.values(vv)) result = maxStamp(result, stamp)
  return result
}

/** The text revision after `device` edits the text at `stamp`. */
export function stampText(
  old: TextRevision,
  oldText: string,
  device: string,
  stamp: string,
): TextRevision {
  const vv = join(old.vv, { [device]: stamp })
  // A run of edits by this device alone keeps the version it started from.
  const keepBase =
    old.base !== undefined &&
    Object.entries(old.vv).every(
      ([other, seen]) => other === device || old.base?.vv[other] === seen,
    )
  const base = keepBase && old.base !== undefined ? old.base : { text: oldText, vv: old.vv }
  return { vv, base }
}

interface Version {
  text: string
  revision: TextRevision
}

/** Merges two versions of a text; commutative in its result. */
export function mergeText(
  local: Version,
  incoming: Version,
): { text: string; revision: TextRevision; outcome: TextMergeOutcome } {
  if (dominates(local.revision.vv, incoming.revision.vv)) {
    return { ...local, outcome: 'kept' }
  }
  if (dominates(incoming.revision.vv, local.revision.vv)) {
    return { ...incoming, outcome: 'taken' }
  }
  const vv = join(local.revision.vv, incoming.revision.vv)
  // The same order on every device, so each computes the same text.
  const [first, second] =
    newest(local.revision.vv) <= newest(incoming.revision.vv)
      ? [local, incoming]
      : [incoming, local]
  if (first.text === second.text) return { text: first.text, revision: { vv }, outcome: 'taken' }
  const ancestor = commonAncestor(first.revision, second.revision)
  const firstSide = sideOf(first, second)
  const secondSide = sideOf(second, first)
  if (ancestor !== undefined) {
    const merged = mergeThreeWay(lines(first.text), lines(ancestor), lines(second.text), {
      label: { a: firstSide.device, b: secondSide.device },
    })
    if (!merged.conflict) {
      return { text: merged.result.join('\n'), revision: { vv }, outcome: 'merged' }
    }
    return {
      text: merged.result.join('\n'),
      revision: { vv, sides: [firstSide, secondSide] },
      outcome: 'conflict',
    }
  }
  return {
    text: [
      `<<<<<<< ${firstSide.device}`,
      first.text,
      '=======',
      second.text,
      `>>>>>>> ${secondSide.device}`,
    ].join('\n'),
    revision: { vv, sides: [firstSide, secondSide] },
    outcome: 'conflict',
  }
}

function lines(text: string): string[] {
  return text.split('\n')
}

/** The device that wrote `version` since the two parted: its newest stamp `other` lacks. */
function sideOf(version: Version, other: Version): TextSide {
  let stamp = ''
  for (const [device, seen] of Object.entries(version.revision.vv)) {
    if ((other.revision.vv[device] ?? '') < seen) stamp = maxStamp(stamp, seen)
  }
  return { device: deviceOfStamp(stamp) || 'unknown device', text: version.text }
}

/** A version both have seen (and nothing newer that one lacks), when one is known. */
function commonAncestor(a: TextRevision, b: TextRevision): string | undefined {
  const candidates = [a.base, b.base].filter(
    (base): base is { text: string; vv: VersionVector } =>
      base !== undefined && dominates(a.vv, base.vv) && dominates(b.vv, base.vv),
  )
  if (candidates.length === 0) return undefined
  const [one, two] = candidates
  if (two !== undefined && one !== undefined && dominates(two.vv, one.vv)) return two.text
  return one?.text
}
