// One field (title, abstract, …) of every indexed document, both ways round:
// - inverted lists: for each word, the documents containing it and how often;
// - the words of each document in order, packed in one array (phrases, removal).
// Lists are typed arrays that double when full, so adding a document costs
// O(its words) and allocates nothing per document. A removed document's
// entries stay (its number is dead, queries skip it) until compact().
//
// Each entry also keeps where the word first occurs in the document (capped at
// 255): a quoted phrase then checks the few positions where it can start
// instead of reading the whole abstract or note of every candidate.
import type { ForwardArrays } from './forwardWords'
import { ForwardWords } from './forwardWords'

/** Counts and first positions are bytes: this value means "this or more". */
const BYTE_CAP = 255

export interface PostingList {
  docs: Int32Array
  counts: Uint8Array
  /** Position of the word's first occurrence in the document, BYTE_CAP when it is later. */
  firsts: Uint8Array
  length: number
}

/**
 * A field's index as flat arrays, for the index file: the lists laid end to
 * end, each with room for an eighth more (listRoom) so edits after a restart
 * append without copying; forward words of live documents only.
 */
export interface FieldArrays {
  listLengths: Int32Array
  docs: Int32Array
  counts: Uint8Array
  firsts: Uint8Array
  forward: ForwardArrays
  forwardStart: Int32Array
  docLengths: Int32Array
}

/** Where each list sits in FieldArrays.docs: its length plus an eighth. */
export function listRoom(length: number): number {
  return length + (length >> 3)
}

export class FieldPostings {
  private docs: (Int32Array | undefined)[] = []
  private counts: (Uint8Array | undefined)[] = []
  private firsts: (Uint8Array | undefined)[] = []
  private listLengths = new Int32Array(0)
  /** Live documents containing each word (for idf). */
  private frequencies = new Int32Array(0)
  /** Each document's words: forward positions forwardStart[doc] ..+ docLengths[doc]. */
  private forward = new ForwardWords()
  private forwardStart = new Int32Array(0)
  private docLengths = new Int32Array(0)
  private totalLength = 0
  private liveDocs = 0
  // Scratch for counting words in one document, indexed by word id.
  private seenIn = new Int32Array(0)
  private slotOf = new Int32Array(0)
  /**
   * While true (a first build), documents are only written down and the lists
   * are made in one go by finish(): sized exactly, instead of doubling (and
   * copying, and leaving garbage) a few hundred thousand times.
   */
  private bulk = true

  /** Indexes document `doc` whose words are `words[0 .. count)` (ids below `vocabularySize`). */
  add(doc: number, words: Int32Array, count: number, vocabularySize: number): void {
    this.reserveWords(vocabularySize)
    this.reserveDocs(doc + 1)
    this.forwardStart[doc] = this.forward.append(words, count)
    this.docLengths[doc] = count
    this.totalLength += count
    this.liveDocs++
    if (this.bulk) return
    // One pass: a word's first occurrence appends its entry, later ones count
    // on that entry (slotOf remembers where it went).
    const marker = doc + 1
    const seenIn = this.seenIn
    const slotOf = this.slotOf
    for (let i = 0; i < count; i++) {
      const word = words[i] as number
      if (seenIn[word] === marker) {
        const counts = this.counts[word] as Uint8Array
        const slot = slotOf[word] as number
        if ((counts[slot] as number) < BYTE_CAP) counts[slot] = (counts[slot] as number) + 1
      } else {
        seenIn[word] = marker
        slotOf[word] = this.append(word, doc, i < BYTE_CAP ? i : BYTE_CAP)
      }
    }
  }

  /** Forgets document `doc`: its entries become dead and stop counting for idf. */
  remove(doc: number): void {
    const start = this.forwardStart[doc] ?? 0
    const length = this.docLengths[doc] ?? 0
    this.totalLength -= length
    this.liveDocs--
    this.docLengths[doc] = 0
    if (this.bulk) return // no lists or frequencies yet: finish() skips the empty document
    // A marker no add() uses, so each word of the document is counted down once.
    const marker = -(doc + 1)
    for (let i = start; i < start + length; i++) {
      const word = this.forward.at(i)
      if (this.seenIn[word] === marker) continue
      this.seenIn[word] = marker
      this.frequencies[word] = (this.frequencies[word] ?? 1) - 1
    }
  }

  /** The inverted list of `word` (dead documents included), or undefined. */
  list(word: number): PostingList | undefined {
    const docs = this.docs[word]
    const counts = this.counts[word]
    const firsts = this.firsts[word]
    if (docs === undefined || counts === undefined || firsts === undefined) return undefined
    return { docs, counts, firsts, length: this.listLengths[word] ?? 0 }
  }

  /**
   * How many times the words `sequence` occur one after another in document
   * `doc`, given one entry of the list of `sequence[anchor]` for that document
   * (its first position and count): only the anchor's occurrences are tried.
   */
  occurrences(
    doc: number,
    sequence: readonly number[],
    anchor: number,
    first: number,
    count: number,
  ): number {
    const start = this.forwardStart[doc] as number
    const length = this.docLengths[doc] as number
    const anchorWord = sequence[anchor] as number
    const words = this.forward
    const size = sequence.length
    if (count === BYTE_CAP) {
      // A capped count may hide more occurrences: read the document to its end.
      let found = 0
      const stop = start + length - size
      outer: for (let from = Math.max(start, start + first - anchor); from <= stop; from++) {
        for (let j = 0; j < size; j++) if (words.at(from + j) !== sequence[j]) continue outer
        found++
      }
      return found
    }
    // The anchor occurs exactly `count` times from `first` on, so the native
    // search for its next occurrence never leaves the document.
    let found = 0
    let at = first < BYTE_CAP ? start + first : words.indexOf(anchorWord, start + first)
    for (let left = count; ;) {
      const from = at - anchor
      if (from >= start && from + size <= start + length) {
        let j = 0
        while (j < size && words.at(from + j) === sequence[j]) j++
        if (j === size) found++
      }
      if (--left === 0) break
      at = words.indexOf(anchorWord, at + 1)
    }
    return found
  }

  frequency(word: number): number {
    return this.frequencies[word] ?? 0
  }

  lengthOf(doc: number): number {
    return this.docLengths[doc] ?? 0
  }

  get averageLength(): number {
    return this.liveDocs === 0 ? 0 : this.totalLength / this.liveDocs
  }

  get documentCount(): number {
    return this.liveDocs
  }

  /**
   * Ends a first build by making every list from the documents' words, or
   * after edits gives back the room that lists grew into.
   */
  finish(): void {
    if (this.bulk) this.makeLists()
    else this.trim()
    this.forward.trim()
  }

  /** The field as flat arrays (call finish() and compact() first: no dead entries). */
  toArrays(docCount: number, vocabularySize: number): FieldArrays {
    const listLengths = new Int32Array(vocabularySize)
    listLengths.set(this.listLengths.subarray(0, vocabularySize))
    let room = 0
    for (const length of listLengths) room += listRoom(length)
    const docs = new Int32Array(room)
    const counts = new Uint8Array(room)
    const firsts = new Uint8Array(room)
    let at = 0
    listLengths.forEach((length, word) => {
      if (length === 0) return
      docs.set((this.docs[word] as Int32Array).subarray(0, length), at)
      counts.set((this.counts[word] as Uint8Array).subarray(0, length), at)
      firsts.set((this.firsts[word] as Uint8Array).subarray(0, length), at)
      at += listRoom(length)
    })
    return {
      listLengths,
      docs,
      counts,
      firsts,
      forward: this.forward.toArrays(),
      forwardStart: this.forwardStart.slice(0, docCount),
      docLengths: this.docLengths.slice(0, docCount),
    }
  }

  /**
   * A field read back from an index file (checked by the caller: every word
   * below the vocabulary size, every document below `docCount`, lists sorted).
   * The lists are views into the arrays read, not copies.
   */
  static fromArrays(arrays: FieldArrays, liveDocs: number): FieldPostings {
    const postings = new FieldPostings()
    postings.bulk = false
    const vocabularySize = arrays.listLengths.length
    postings.reserveWords(vocabularySize)
    postings.listLengths.set(arrays.listLengths)
    postings.frequencies.set(arrays.listLengths)
    let at = 0
    arrays.listLengths.forEach((length, word) => {
      if (length === 0) return
      const end = at + listRoom(length)
      postings.docs[word] = arrays.docs.subarray(at, end)
      postings.counts[word] = arrays.counts.subarray(at, end)
      postings.firsts[word] = arrays.firsts.subarray(at, end)
      at = end
    })
    const docCount = arrays.docLengths.length
    postings.reserveDocs(docCount)
    postings.forwardStart.set(arrays.forwardStart)
    postings.docLengths.set(arrays.docLengths)
    postings.forward = ForwardWords.fromArrays(arrays.forward)
    postings.liveDocs = liveDocs
    for (const length of arrays.docLengths) postings.totalLength += length
    return postings
  }

  /** Two passes over the documents: how long each list is, then fill the lists in doc order. */
  private makeLists(): void {
    this.bulk = false
    const { forward, forwardStart, docLengths, seenIn, slotOf, listLengths } = this
    const docCount = docLengths.length
    for (let doc = 0; doc < docCount; doc++) {
      const start = forwardStart[doc] as number
      const end = start + (docLengths[doc] as number)
      const marker = doc + 1
      for (let i = start; i < end; i++) {
        const word = forward.at(i)
        if (seenIn[word] === marker) continue
        seenIn[word] = marker
        listLengths[word] = (listLengths[word] as number) + 1
      }
    }
    for (let word = 0; word < listLengths.length; word++) {
      const length = listLengths[word] as number
      this.frequencies[word] = length
      if (length === 0) continue
      // Room for an eighth more, so the edits that follow append without copying.
      const capacity = length + (length >> 3) + 4
      this.docs[word] = new Int32Array(capacity)
      this.counts[word] = new Uint8Array(capacity)
      this.firsts[word] = new Uint8Array(capacity)
    }
    const filled = new Int32Array(listLengths.length)
    for (let doc = 0; doc < docCount; doc++) {
      const start = forwardStart[doc] as number
      const length = docLengths[doc] as number
      const marker = -(doc + 1)
      for (let i = 0; i < length; i++) {
        const word = forward.at(start + i)
        if (seenIn[word] === marker) {
          const counts = this.counts[word] as Uint8Array
          const slot = slotOf[word] as number
          if ((counts[slot] as number) < BYTE_CAP) counts[slot] = (counts[slot] as number) + 1
        } else {
          seenIn[word] = marker
          const slot = filled[word] as number
          filled[word] = slot + 1
          slotOf[word] = slot
          ;(this.docs[word] as Int32Array)[slot] = doc
          ;(this.counts[word] as Uint8Array)[slot] = 1
          ;(this.firsts[word] as Uint8Array)[slot] = i < BYTE_CAP ? i : BYTE_CAP
        }
      }
    }
    // remove() marks with -(doc + 1) too: start it from a clean slate.
    seenIn.fill(0)
  }

  /**
   * Gives back most of the room arrays grew into (they double when full):
   * up to half of a list. An eighth is kept, so the edits that follow append
   * without copying long lists.
   */
  private trim(): void {
    for (let word = 0; word < this.docs.length; word++) {
      const docs = this.docs[word]
      const counts = this.counts[word]
      const length = this.listLengths[word] ?? 0
      const capacity = length + (length >> 3) + 4
      if (docs === undefined || counts === undefined || docs.length <= capacity) continue
      this.docs[word] = grown(docs.subarray(0, length), capacity)
      this.counts[word] = resizedBytes(counts, length, capacity)
      this.firsts[word] = resizedBytes(this.firsts[word] as Uint8Array, length, capacity)
    }
  }

  /** Drops what dead documents left behind; `isLive(doc)` says which documents are kept. */
  compact(isLive: (doc: number) => boolean): void {
    for (let word = 0; word < this.docs.length; word++) {
      const docs = this.docs[word]
      const counts = this.counts[word]
      const firsts = this.firsts[word]
      if (docs === undefined || counts === undefined || firsts === undefined) continue
      const length = this.listLengths[word] ?? 0
      let kept = 0
      for (let i = 0; i < length; i++) {
        const doc = docs[i] ?? 0
        if (!isLive(doc)) continue
        docs[kept] = doc
        counts[kept] = counts[i] ?? 1
        firsts[kept] = firsts[i] ?? 0
        kept++
      }
      this.listLengths[word] = kept
    }
    const packed = new ForwardWords()
    for (let doc = 0; doc < this.forwardStart.length; doc++) {
      if (!isLive(doc)) continue
      const start = this.forwardStart[doc] ?? 0
      const length = this.docLengths[doc] ?? 0
      this.forwardStart[doc] = packed.copyFrom(this.forward, start, length)
    }
    packed.trim()
    this.forward = packed
  }

  /** Adds an entry (doc, count 1, first at `first`) to the list of `word`; returns its position. */
  private append(word: number, doc: number, first: number): number {
    let docs = this.docs[word]
    let counts = this.counts[word]
    let firsts = this.firsts[word]
    const length = this.listLengths[word] ?? 0
    if (docs === undefined || counts === undefined || firsts === undefined) {
      docs = new Int32Array(4)
      counts = new Uint8Array(4)
      firsts = new Uint8Array(4)
      this.docs[word] = docs
      this.counts[word] = counts
      this.firsts[word] = firsts
    } else if (length === docs.length) {
      docs = grown(docs, length * 2)
      counts = resizedBytes(counts, length, length * 2)
      firsts = resizedBytes(firsts, length, length * 2)
      this.docs[word] = docs
      this.counts[word] = counts
      this.firsts[word] = firsts
    }
    docs[length] = doc
    counts[length] = 1
    firsts[length] = first
    this.listLengths[word] = length + 1
    this.frequencies[word] = (this.frequencies[word] ?? 0) + 1
    return length
  }

  private reserveWords(size: number): void {
    if (size <= this.listLengths.length) return
    const capacity = Math.max(size, this.listLengths.length * 2, 1024)
    this.listLengths = grown(this.listLengths, capacity)
    this.frequencies = grown(this.frequencies, capacity)
    this.seenIn = grown(this.seenIn, capacity)
    this.slotOf = grown(this.slotOf, capacity)
  }

  private reserveDocs(size: number): void {
    if (size <= this.docLengths.length) return
    const capacity = Math.max(size, this.docLengths.length * 2, 1024)
    this.docLengths = grown(this.docLengths, capacity)
    this.forwardStart = grown(this.forwardStart, capacity)
  }
}

function resizedBytes(array: Uint8Array, length: number, capacity: number): Uint8Array {
  const resized = new Uint8Array(capacity)
  resized.set(array.subarray(0, length))
  return resized
}

function grown(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(capacity)
  bigger.set(array)
  return bigger
}
