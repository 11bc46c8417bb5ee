// A number that changes when anything the index reads from a paper changes:
// kept per document in the index file, so that on opening only papers whose
// text differs from what was indexed are read again. Two 32-bit FNV-1a
// hashes with different starting points and the text's length: a stale paper
// going unnoticed would need all three to collide.
import type { SearchDocument } from './searchDocument'

const FNV_PRIME = 16777619
/** MurmurHash2's multiplier: a second, unrelated hash of the same characters. */
const MIX_PRIME = 0x5bd1e995
/** Between fields, so that moving text from one field to the next changes the hash. */
const FIELD_BREAK = 0xffff

export interface Fingerprint {
  first: number
  second: number
  length: number
}

export function documentFingerprint(document: SearchDocument): Fingerprint {
  // Joined as the index joins them (a joined string is also flat: reading a
  // string built piece by piece character by character is far slower).
  const texts = [
    document.title,
    document.abstract,
    document.authors.join('\n'),
    document.organization ?? '',
    document.tags.join('\n'),
    document.note,
    document.aiSummary ?? '',
    document.published ?? '',
  ]
  // Plain locals in one loop: this runs over every paper's text on opening.
  let first = 0x811c9dc5
  let second = 0x01000193
  let length = 0
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      first = Math.imul(first ^ code, FNV_PRIME)
      second = Math.imul(second ^ code, MIX_PRIME)
    }
    first = Math.imul(first ^ FIELD_BREAK, FNV_PRIME)
    second = Math.imul(second ^ FIELD_BREAK, MIX_PRIME)
    length += text.length + 1
  }
  return { first: first | 0, second: second | 0, length }
}
