// One field (title, abstract, …) of every indexed document, both ways round:
// - inverted lists: for each word, the documents containing it and how often;
// - the words of each document in order (forwardWords.ts: phrases, removal).
// All lists of a field live end to end in one pool of typed arrays (a list is
// a start, a length and a capacity), so a library of half a million distinct
// words costs three arrays, not a million and a half. A full list moves to
// the pool's end with twice the room; adding a document costs O(its words).
// A removed document's entries stay (its number is dead, queries skip it)
// until compact(), which also packs the pool.
//
// Each entry also keeps where the word first occurs in the document (capped at
// 255): a quoted phrase then checks the few positions where it can start
// instead of reading the whole abstract or note of every candidate.
import type { ForwardArrays } from './forwardWords'
import { ForwardWords } from './forwardWords'
import type { WordMarks } from './wordMarks'

/** Counts and first positions are bytes: this value means "this or more". */
const BYTE_CAP = 255

/** The entries of one word's list: pool positions start .. start + length. */
export interface PostingList {
  docs: Int32Array
  counts: Uint8Array
  /** Position of the word's first occurrence in the document, BYTE_CAP when it is later. */
  firsts: Uint8Array
  start: number
  length: number
}

/**
 * A field's index as flat arrays, for the index file: the lists laid end to
 * end in word order, each with room for an eighth more (listRoom) so that the
 * edits after a restart append without moving lists; no removed documents.
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
  constructor(private readonly marks: WordMarks) {}

  // The pool: every list's entries, each list at listStart[word] with room
  // for listCapacity[word] entries.
  private docs: Int32Array = new Int32Array(1024)
  private counts: Uint8Array = new Uint8Array(1024)
  private firsts: Uint8Array = new Uint8Array(1024)
  private poolUsed = 0
  private listStart = new Int32Array(0)
  private listCapacity = new Int32Array(0)
  private listLengths = new Int32Array(0)
  /** Live documents containing each word (for idf). */
  private frequencies = new Int32Array(0)
  /** Each document's words: forward positions forwardStart[doc] ..+ docLengths[doc]. */
  private forward = new ForwardWords()
  private forwardStart = new Int32Array(0)
  private docLengths = new Int32Array(0)
  private totalLength = 0
  private liveDocs = 0
  /**
   * While true (a first build), documents are only written down and the lists
   * are made in one go by finish(): sized exactly, instead of moving each
   * list a dozen times as it grows.
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
    // on that entry (marks.slot remembers where it went).
    const marker = this.marks.next()
    const { seen: seenIn, slot: slotOf } = this.marks
    for (let i = 0; i < count; i++) {
      const word = words[i] as number
      if (seenIn[word] === marker) {
        // The pool may have been replaced by a bigger one since: read it now.
        const counts = this.counts
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
    // Each word of the document is counted down once.
    const marker = this.marks.next()
    const seenIn = this.marks.seen
    for (let i = start; i < start + length; i++) {
      const word = this.forward.at(i)
      if (seenIn[word] === marker) continue
      seenIn[word] = marker
      this.frequencies[word] = (this.frequencies[word] ?? 1) - 1
    }
  }

  /** The inverted list of `word` (dead documents included), or undefined. */
  list(word: number): PostingList | undefined {
    const length = this.listLengths[word] ?? 0
    if (length === 0) return undefined
    const { docs, counts, firsts } = this
    return { docs, counts, firsts, start: this.listStart[word] as number, length }
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
   * after edits packs the pool when moved lists left much of it unused.
   */
  finish(): void {
    if (this.bulk) this.makeLists()
    else if (this.poolUsed > 2 * this.packedSize() + 1024) this.pack(() => true)
    this.forward.trim()
  }

  /**
   * The field as flat arrays, for saving, without the entries of removed
   * documents: those `live` marks 0 (undefined when there are none). Copies;
   * changes nothing.
   */
  toArrays(docCount: number, vocabularySize: number, live: Uint8Array | undefined): FieldArrays {
    const { listStart, docs: pool } = this
    const listLengths = this.listLengths.slice(0, vocabularySize)
    if (live !== undefined) {
      for (let word = 0; word < vocabularySize; word++) {
        const start = listStart[word] as number
        const end = start + (listLengths[word] as number)
        let kept = 0
        for (let i = start; i < end; i++) kept += live[pool[i] as number] as number
        listLengths[word] = kept
      }
    }
    let room = 0
    for (const length of listLengths) room += listRoom(length)
    const docs = new Int32Array(room)
    const counts = new Uint8Array(room)
    const firsts = new Uint8Array(room)
    let at = 0
    for (let word = 0; word < vocabularySize; word++) {
      const start = listStart[word] as number
      const kept = listLengths[word] as number
      if (live === undefined) {
        docs.set(pool.subarray(start, start + kept), at)
        counts.set(this.counts.subarray(start, start + kept), at)
        firsts.set(this.firsts.subarray(start, start + kept), at)
      } else {
        const end = start + (this.listLengths[word] as number)
        for (let i = start, to = at; i < end; i++) {
          const doc = pool[i] as number
          if (live[doc] !== 1) continue
          docs[to] = doc
          counts[to] = this.counts[i] as number
          firsts[to] = this.firsts[i] as number
          to++
        }
      }
      at += listRoom(kept)
    }
    const docLengths = this.docLengths.slice(0, docCount)
    if (live === undefined) {
      // Nothing was removed: the forward words hold no garbage to leave out.
      const forwardStart = this.forwardStart.slice(0, docCount)
      return {
        listLengths,
        docs,
        counts,
        firsts,
        forward: this.forward.toArrays(),
        forwardStart,
        docLengths,
      }
    }
    // A removed document has no words left (remove() sets its length to 0).
    const forward = new ForwardWords()
    const forwardStart = new Int32Array(docCount)
    for (let doc = 0; doc < docCount; doc++) {
      const length = docLengths[doc] as number
      if (length > 0) {
        forwardStart[doc] = forward.copyFrom(this.forward, this.forwardStart[doc] as number, length)
      }
    }
    return {
      listLengths,
      docs,
      counts,
      firsts,
      forward: forward.toArrays(),
      forwardStart,
      docLengths,
    }
  }

  /**
   * A field read back from an index file (checked by the caller: every word
   * below the vocabulary size, every document below `docCount`, lists sorted).
   * Its arrays become the pool as they are.
   */
  static fromArrays(arrays: FieldArrays, liveDocs: number, marks: WordMarks): FieldPostings {
    const postings = new FieldPostings(marks)
    postings.bulk = false
    const vocabularySize = arrays.listLengths.length
    postings.reserveWords(vocabularySize)
    postings.listLengths.set(arrays.listLengths)
    postings.frequencies.set(arrays.listLengths)
    let at = 0
    arrays.listLengths.forEach((length, word) => {
      postings.listStart[word] = at
      postings.listCapacity[word] = listRoom(length)
      at += listRoom(length)
    })
    postings.docs = arrays.docs
    postings.counts = arrays.counts
    postings.firsts = arrays.firsts
    postings.poolUsed = at
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
    const { forward, forwardStart, docLengths, listLengths } = this
    const { seen: seenIn, slot: slotOf } = this.marks
    const docCount = docLengths.length
    for (let doc = 0; doc < docCount; doc++) {
      const start = forwardStart[doc] as number
      const end = start + (docLengths[doc] as number)
      const marker = this.marks.next()
      for (let i = start; i < end; i++) {
        const word = forward.at(i)
        if (seenIn[word] === marker) continue
        seenIn[word] = marker
        listLengths[word] = (listLengths[word] as number) + 1
      }
    }
    // Each list gets room for an eighth more, so the edits that follow
    // append without moving it.
    let room = 0
    for (let word = 0; word < listLengths.length; word++) {
      const length = listLengths[word] as number
      this.frequencies[word] = length
      this.listStart[word] = room
      this.listCapacity[word] = listRoom(length)
      room += listRoom(length)
    }
    this.allocatePool(room + (room >> 4))
    this.poolUsed = room
    const { docs, counts, firsts, listStart } = this
    const filled = listStart.slice()
    for (let doc = 0; doc < docCount; doc++) {
      const start = forwardStart[doc] as number
      const length = docLengths[doc] as number
      const marker = this.marks.next()
      for (let i = 0; i < length; i++) {
        const word = forward.at(start + i)
        if (seenIn[word] === marker) {
          const slot = slotOf[word] as number
          if ((counts[slot] as number) < BYTE_CAP) counts[slot] = (counts[slot] as number) + 1
        } else {
          seenIn[word] = marker
          const slot = filled[word] as number
          filled[word] = slot + 1
          slotOf[word] = slot
          docs[slot] = doc
          counts[slot] = 1
          firsts[slot] = i < BYTE_CAP ? i : BYTE_CAP
        }
      }
    }
  }

  /** Drops what dead documents left behind; `isLive(doc)` says which documents are kept. */
  compact(isLive: (doc: number) => boolean): void {
    this.pack(isLive)
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

  /** Copies every list, without the entries of documents `isLive` refuses, into a new pool. */
  private pack(isLive: (doc: number) => boolean): void {
    const { docs, counts, firsts, listStart, listLengths, listCapacity } = this
    let kept = 0
    for (let word = 0; word < listLengths.length; word++) {
      const start = listStart[word] as number
      const length = listLengths[word] as number
      let live = 0
      for (let i = start; i < start + length; i++) if (isLive(docs[i] as number)) live++
      listLengths[word] = live
      kept += listRoom(live)
    }
    this.allocatePool(kept + (kept >> 4))
    let at = 0
    for (let word = 0; word < listLengths.length; word++) {
      const start = listStart[word] as number
      const live = listLengths[word] as number
      listStart[word] = at
      listCapacity[word] = listRoom(live)
      let to = at
      for (let i = start; to < at + live; i++) {
        const doc = docs[i] as number
        if (!isLive(doc)) continue
        this.docs[to] = doc
        this.counts[to] = counts[i] as number
        this.firsts[to] = firsts[i] as number
        to++
      }
      at += listRoom(live)
    }
    this.poolUsed = at
  }

  /** Adds an entry (doc, count 1, first at `first`) to the list of `word`; returns its pool position. */
  private append(word: number, doc: number, first: number): number {
    const length = this.listLengths[word] as number
    if (length === this.listCapacity[word]) this.move(word, Math.max(4, 2 * length))
    const slot = (this.listStart[word] as number) + length
    this.docs[slot] = doc
    this.counts[slot] = 1
    this.firsts[slot] = first
    this.listLengths[word] = length + 1
    this.frequencies[word] = (this.frequencies[word] ?? 0) + 1
    return slot
  }

  /** Gives the list of `word` room for `capacity` entries at the end of the pool. */
  private move(word: number, capacity: number): void {
    const start = this.listStart[word] as number
    const length = this.listLengths[word] as number
    if (start + (this.listCapacity[word] as number) === this.poolUsed && length > 0) {
      // Already last in the pool: it grows where it is.
      this.reservePool(start + capacity)
      this.poolUsed = start + capacity
    } else {
      const to = this.poolUsed
      this.reservePool(to + capacity)
      this.docs.copyWithin(to, start, start + length)
      this.counts.copyWithin(to, start, start + length)
      this.firsts.copyWithin(to, start, start + length)
      this.listStart[word] = to
      this.poolUsed = to + capacity
    }
    this.listCapacity[word] = capacity
  }

  /** The pool's size with every list packed, room included. */
  private packedSize(): number {
    let entries = 0
    for (const length of this.listLengths) entries += listRoom(length)
    return entries
  }

  private reservePool(size: number): void {
    if (size <= this.docs.length) return
    const capacity = Math.max(size, this.docs.length * 2)
    const { docs, counts, firsts } = this
    this.allocatePool(capacity)
    this.docs.set(docs.subarray(0, this.poolUsed))
    this.counts.set(counts.subarray(0, this.poolUsed))
    this.firsts.set(firsts.subarray(0, this.poolUsed))
  }

  private allocatePool(capacity: number): void {
    this.docs = new Int32Array(capacity)
    this.counts = new Uint8Array(capacity)
    this.firsts = new Uint8Array(capacity)
  }

  private reserveWords(size: number): void {
    if (size <= this.listLengths.length) return
    // Half again, not double: four of these per field, each as long as the vocabulary.
    const capacity = Math.max(size, this.listLengths.length + (this.listLengths.length >> 1), 1024)
    this.listStart = grown(this.listStart, capacity)
    this.listCapacity = grown(this.listCapacity, capacity)
    this.listLengths = grown(this.listLengths, capacity)
    this.frequencies = grown(this.frequencies, capacity)
    this.marks.reserve(capacity)
  }

  private reserveDocs(size: number): void {
    if (size <= this.docLengths.length) return
    const capacity = Math.max(size, this.docLengths.length * 2, 1024)
    this.docLengths = grown(this.docLengths, capacity)
    this.forwardStart = grown(this.forwardStart, capacity)
  }
}

function grown(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(capacity)
  bigger.set(array)
  return bigger
}
