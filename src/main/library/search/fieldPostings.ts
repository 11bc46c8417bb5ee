// The inverted lists of one field (title, abstract, …): for each word, the
// documents that contain it and how often. Lists are typed arrays that double
// when full, so adding a document costs O(its words). A removed document's
// entries stay in the lists and are skipped (its number is dead) until
// compact() drops them, which keeps an edit far below a millisecond.

export class FieldPostings {
  private docs: (Int32Array | undefined)[] = []
  private counts: (Uint8Array | undefined)[] = []
  private lengths = new Int32Array(0)
  /** Live documents containing each word (for idf). */
  private frequencies = new Int32Array(0)
  /** Words in this field, per document number (for length normalization). */
  private docLengths = new Uint16Array(0)
  private totalLength = 0
  private liveDocs = 0
  // Scratch for counting words in one document, indexed by word id.
  private seenIn = new Int32Array(0)
  private tally = new Int32Array(0)

  /** Indexes document `doc` whose words (ids, in order) are `words`. */
  add(doc: number, words: Int32Array, vocabularySize: number): void {
    this.reserveWords(vocabularySize)
    this.reserveDocs(doc + 1)
    this.docLengths[doc] = Math.min(words.length, 65535)
    this.totalLength += words.length
    this.liveDocs++
    if (words.length === 0) return
    const marker = doc + 1
    for (const word of words) {
      if (this.seenIn[word] !== marker) {
        this.seenIn[word] = marker
        this.tally[word] = 0
      }
      this.tally[word] = (this.tally[word] ?? 0) + 1
    }
    for (const word of words) {
      if (this.seenIn[word] !== marker) continue
      this.seenIn[word] = -marker // each word once
      this.append(word, doc, Math.min(255, this.tally[word] ?? 1))
    }
  }

  /** Forgets document `doc` (its entries become dead); `words` are the ids it was added with. */
  remove(doc: number, words: Int32Array): void {
    this.totalLength -= words.length
    this.liveDocs--
    const marker = -(doc + 1) - 1_000_000_000
    for (const word of words) {
      if (this.seenIn[word] === marker) continue
      this.seenIn[word] = marker
      this.frequencies[word] = (this.frequencies[word] ?? 1) - 1
    }
  }

  /** Calls `visit(doc, count)` for each entry of `word`, dead ones included. */
  forEach(word: number, visit: (doc: number, count: number) => void): void {
    const docs = this.docs[word]
    const counts = this.counts[word]
    if (docs === undefined || counts === undefined) return
    const length = this.lengths[word] ?? 0
    for (let i = 0; i < length; i++) visit(docs[i] ?? 0, counts[i] ?? 1)
  }

  /** The raw list of `word`: documents, counts and how many entries are used. */
  list(word: number): { docs: Int32Array; counts: Uint8Array; length: number } | undefined {
    const docs = this.docs[word]
    const counts = this.counts[word]
    if (docs === undefined || counts === undefined) return undefined
    return { docs, counts, length: this.lengths[word] ?? 0 }
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

  /** Drops the entries of dead documents; `isLive(doc)` says which are kept. */
  compact(isLive: (doc: number) => boolean): void {
    for (let word = 0; word < this.docs.length; word++) {
      const docs = this.docs[word]
      const counts = this.counts[word]
      if (docs === undefined || counts === undefined) continue
      const length = this.lengths[word] ?? 0
      let kept = 0
      for (let i = 0; i < length; i++) {
        const doc = docs[i] ?? 0
        if (!isLive(doc)) continue
        docs[kept] = doc
        counts[kept] = counts[i] ?? 1
        kept++
      }
      this.lengths[word] = kept
    }
  }

  private append(word: number, doc: number, count: number): void {
    let docs = this.docs[word]
    let counts = this.counts[word]
    const length = this.lengths[word] ?? 0
    if (docs === undefined || counts === undefined) {
      docs = new Int32Array(4)
      counts = new Uint8Array(4)
      this.docs[word] = docs
      this.counts[word] = counts
    } else if (length === docs.length) {
      const biggerDocs = new Int32Array(length * 2)
      biggerDocs.set(docs)
      const biggerCounts = new Uint8Array(length * 2)
      biggerCounts.set(counts)
      docs = biggerDocs
      counts = biggerCounts
      this.docs[word] = docs
      this.counts[word] = counts
    }
    docs[length] = doc
    counts[length] = count
    this.lengths[word] = length + 1
    this.frequencies[word] = (this.frequencies[word] ?? 0) + 1
  }

  private reserveWords(size: number): void {
    if (size <= this.lengths.length) return
    const capacity = Math.max(size, this.lengths.length * 2, 1024)
    this.lengths = resized(this.lengths, capacity)
    this.frequencies = resized(this.frequencies, capacity)
    this.seenIn = resized(this.seenIn, capacity)
    this.tally = resized(this.tally, capacity)
  }

  private reserveDocs(size: number): void {
    if (size <= this.docLengths.length) return
    const bigger = new Uint16Array(Math.max(size, this.docLengths.length * 2, 1024))
    bigger.set(this.docLengths)
    this.docLengths = bigger
  }
}

function resized(array: Int32Array, capacity: number): Int32Array {
  const bigger = new Int32Array(capacity)
  bigger.set(array)
  return bigger
}
