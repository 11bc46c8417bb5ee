// The search index as plain arrays, as the index file stores it
// (searchIndexFile.ts), and the check that an index read back from a file
// points nowhere it may not: a damaged file throws on load instead of
// misleading a query later.
import type { FieldArrays } from './fieldPostings'
import { listRoom } from './fieldPostings'
import { checkForwardArrays } from './forwardWords'
import { SEARCH_FIELDS } from './searchFields'

/**
 * The whole index as plain arrays, for the index file (searchIndexFile.ts).
 * Document numbers are kept as they are: dead ones have no paper.
 */
export interface SearchIndexArrays {
  words: string[]
  paperOf: (string | null)[]
  /** Per document: its Fingerprint as first, second, length. */
  fingerprints: Int32Array
  year: Uint16Array
  day: Int32Array
  noted: Uint8Array
  /** Per document: reading status (STATUS_CODE) and star (0 or 1). */
  status: Uint8Array
  starred: Uint8Array
  fields: FieldArrays[]
}

/** Throws unless every array has its size and every number is in range (see SearchIndex.fromArrays). */
export function checkArrays(arrays: SearchIndexArrays): void {
  const fail = (what: string): never => {
    throw new Error(`damaged search index: ${what}`)
  }
  const docCount = arrays.paperOf.length
  const vocabularySize = arrays.words.length
  if (arrays.fields.length !== SEARCH_FIELDS.length) fail('fields')
  if (
    arrays.fingerprints.length !== 3 * docCount ||
    arrays.year.length !== docCount ||
    arrays.day.length !== docCount ||
    arrays.noted.length !== docCount ||
    arrays.status.length !== docCount ||
    arrays.starred.length !== docCount
  ) {
    fail('document arrays')
  }
  for (let doc = 0; doc < docCount; doc++) {
    if ((arrays.status[doc] as number) > 2 || (arrays.starred[doc] as number) > 1) fail('a state')
  }
  // Which documents are papers, as bytes: the loops below ask for every
  // posting (tens of millions at 100k papers), and reading a byte array is
  // several times cheaper than comparing entries of the ids array.
  const live = new Uint8Array(docCount)
  arrays.paperOf.forEach((id, doc) => {
    if (id !== null) live[doc] = 1
  })
  for (const field of arrays.fields) {
    const { listLengths, docs, counts, firsts, forward, forwardStart, docLengths } = field
    if (listLengths.length !== vocabularySize) fail('vocabulary')
    if (forwardStart.length !== docCount || docLengths.length !== docCount) fail('documents')
    checkForwardArrays(forward, vocabularySize)
    for (let doc = 0; doc < docCount; doc++) {
      const start = forwardStart[doc] as number
      const length = docLengths[doc] as number
      if (length < 0 || (length > 0 && live[doc] === 0)) fail('a dead document')
      if (length > 0 && (start < 0 || start + length > forward.words.length)) fail('a document')
    }
    let room = 0
    for (const length of listLengths) room += listRoom(length)
    if (docs.length !== room || counts.length !== room || firsts.length !== room) fail('lists')
    let at = 0
    for (const length of listLengths) {
      let previous = -1
      for (let i = at; i < at + length; i++) {
        const doc = docs[i] as number
        if (doc <= previous || doc >= docCount || live[doc] === 0 || counts[i] === 0) {
          fail(counts[i] === 0 ? 'a count' : 'a list')
        }
        previous = doc
      }
      at += listRoom(length)
    }
  }
}
