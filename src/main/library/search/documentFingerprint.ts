// A number that changes when anything the index reads from a paper changes:
// kept per document in the index file, so that on opening only papers whose
// text differs from what was indexed are read again. Two 32-bit FNV-1a
// hashes with different starting points and the text's length: a stale paper
// going unnoticed would need all three to collide.
import type { SearchDocument } from './searchIndex'

const FNV_PRIME = 16777619
/** Between fields, so that moving text from one field to the next changes the hash. */
const FIELD_BREAK = 0xffff

export interface Fingerprint {
  first: number
  second: number
  length: number
}

export function documentFingerprint(document: SearchDocument): Fingerprint {
  let first = 0x811c9dc5
  let second = 0x01000193
  let length = 0
  const add = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      first = Math.imul(first ^ code, FNV_PRIME)
      second = Math.imul(second ^ code, 0x5bd1e995)
    }
    first = Math.imul(first ^ FIELD_BREAK, FNV_PRIME)
    second = Math.imul(second ^ FIELD_BREAK, 0x5bd1e995)
    length += text.length + 1
  }
  add(document.title)
  add(document.abstract)
  for (const author of document.authors) add(author)
  add('')
  add(document.organization ?? '')
  for (const tag of document.tags) add(tag)
  add('')
  add(document.note)
  add(document.published ?? '')
  return { first: first | 0, second: second | 0, length }
}
