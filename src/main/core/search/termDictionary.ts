// Every distinct word the index has seen, numbered. Indexing 100k abstracts
// means ~20 million word lookups, so the hot path reads ASCII text code by code
// and finds the word's number through an open-addressing hash table without
// building a string for words it already knows (that alone halves build time
// against a regex + Map). Sorted and by-length views serve prefix and typo
// lookups.
import { withinEditDistance } from './editDistance'
import { HASH_START, MAX_WORD_LENGTH, forEachWord, hashWord } from './textTokens'

// Module-local copies: the hot loop must not go through an import binding on every character.
const HASH_SEED = HASH_START
const HASH_PRIME = 16777619
const LONGEST_WORD = MAX_WORD_LENGTH

export class TermDictionary {
  private readonly words: string[] = []
  private hashes = new Int32Array(1024)
  /** Open addressing: slot -> word id + 1 (0 = empty). Kept at most half full. */
  private slots = new Int32Array(2048)
  /** Ids in word order, for prefix ranges; ids added since the last sort wait in `unsorted`. */
  private sorted = new Int32Array(0)
  private unsorted: number[] = []
  /** Ids by word length, for typo lookups. */
  private readonly byLength: number[][] = []
  private scratch = new Int32Array(4096)

  /** A dictionary numbering `words` in order (from an index file); throws on a repeated word. */
  static fromWords(words: readonly string[]): TermDictionary {
    const dictionary = new TermDictionary()
    for (const word of words) {
      if (dictionary.find(word) !== -1) throw new Error(`damaged search index: "${word}" twice`)
      dictionary.add(word, hashWord(word))
    }
    dictionary.sortPending()
    return dictionary
  }

  get size(): number {
    return this.words.length
  }

  wordOf(id: number): string {
    return this.words[id] ?? ''
  }

  /** The id of a folded word, or -1 when it has never been indexed. */
  find(word: string): number {
    const hash = hashWord(word)
    const mask = this.slots.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? 0
      if (entry === 0) return -1
      if (this.hashes[entry - 1] === hash && this.words[entry - 1] === word) return entry - 1
    }
  }

  /** The id of a folded word, numbering it if it is new. */
  intern(word: string): number {
    const found = this.find(word)
    return found === -1 ? this.add(word, hashWord(word)) : found
  }

  /**
   * Numbers the words of `text` (new ones included) into `this.words` order and
   * returns how many there are; the ids are in `buffer` until the next call.
   * Allocation-free for ASCII text, which is nearly all of a paper library.
   */
  internText(text: string): number {
    let count = 0
    let start = -1
    let hash = HASH_SEED
    const length = text.length
    for (let i = 0; i <= length; i++) {
      let code = i < length ? text.charCodeAt(i) : 32
      if (code >= 128) return this.internSlowly(text)
      if (code >= 65 && code <= 90) code += 32
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
        if (start < 0) {
          start = i
          hash = HASH_SEED
        }
        hash = Math.imul(hash ^ code, HASH_PRIME)
      } else if (start >= 0) {
        if (i - start <= LONGEST_WORD) {
          if (count === this.scratch.length) this.scratch = grow(this.scratch)
          this.scratch[count++] = this.internAscii(text, start, i, hash | 0)
        }
        start = -1
      }
    }
    return count
  }

  /** The ids written by the last internText call (valid up to the count it returned). */
  get buffer(): Int32Array {
    return this.scratch
  }

  /** Any script: fold each character (accents, case) through textTokens. */
  private internSlowly(text: string): number {
    let count = 0
    forEachWord(text, (word) => {
      if (count === this.scratch.length) this.scratch = grow(this.scratch)
      this.scratch[count++] = this.intern(word)
    })
    return count
  }

  /** Ids of the words starting with `prefix` (itself included when present), at most `limit`. */
  withPrefix(prefix: string, limit: number): number[] {
    this.sortPending()
    const sorted = this.sorted
    let low = 0
    let high = sorted.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.wordAt(sorted, middle) < prefix) low = middle + 1
      else high = middle
    }
    const ids: number[] = []
    for (let i = low; i < sorted.length && ids.length < limit; i++) {
      const id = sorted[i] ?? 0
      if (!(this.words[id] ?? '').startsWith(prefix)) break
      ids.push(id)
    }
    return ids
  }

  /** Ids of the words within `distance` edits (typos) of `word`, the word itself excluded. */
  near(word: string, distance: number): number[] {
    const ids: number[] = []
    const from = Math.max(1, word.length - distance)
    const to = Math.min(MAX_WORD_LENGTH, word.length + distance)
    for (let length = from; length <= to; length++) {
      for (const id of this.byLength[length] ?? []) {
        const candidate = this.words[id] ?? ''
        if (candidate !== word && withinEditDistance(word, candidate, distance)) ids.push(id)
      }
    }
    return ids
  }

  /** Sorts words added since the last call; done once after a build so queries never wait. */
  sortPending(): void {
    if (this.unsorted.length === 0) return
    const compare = (a: number, b: number): number => {
      const x = this.words[a] ?? ''
      const y = this.words[b] ?? ''
      return x < y ? -1 : x > y ? 1 : 0
    }
    const fresh = Int32Array.from(this.unsorted).sort(compare)
    this.unsorted = []
    // Merge two sorted runs: linear in the vocabulary, so an edit that adds a word stays cheap.
    const merged = new Int32Array(this.sorted.length + fresh.length)
    let i = 0
    let j = 0
    let k = 0
    while (i < this.sorted.length && j < fresh.length) {
      const a = this.sorted[i] ?? 0
      const b = fresh[j] ?? 0
      if (compare(a, b) <= 0) {
        merged[k++] = a
        i++
      } else {
        merged[k++] = b
        j++
      }
    }
    while (i < this.sorted.length) merged[k++] = this.sorted[i++] ?? 0
    while (j < fresh.length) merged[k++] = fresh[j++] ?? 0
    this.sorted = merged
  }

  private wordAt(sorted: Int32Array, index: number): string {
    return this.words[sorted[index] ?? 0] ?? ''
  }

  private internAscii(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1
    const length = end - start
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? 0
      if (entry === 0) return this.add(text.slice(start, end).toLowerCase(), hash)
      const id = entry - 1
      if (this.hashes[id] === hash) {
        const word = this.words[id] ?? ''
        if (word.length === length && sameFoldedAscii(word, text, start)) return id
      }
    }
  }

  private add(word: string, hash: number): number {
    const id = this.words.length
    this.words.push(word)
    if (id === this.hashes.length) this.hashes = grow(this.hashes)
    this.hashes[id] = hash
    if (this.words.length * 2 > this.slots.length) this.rehash()
    else this.place(id, hash)
    this.unsorted.push(id)
    const bucket = this.byLength[word.length]
    if (bucket === undefined) this.byLength[word.length] = [id]
    else bucket.push(id)
    return id
  }

  private place(id: number, hash: number): void {
    const mask = this.slots.length - 1
    let slot = hash & mask
    while ((this.slots[slot] ?? 0) !== 0) slot = (slot + 1) & mask
    this.slots[slot] = id + 1
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2)
    for (let id = 0; id < this.words.length; id++) this.place(id, this.hashes[id] ?? 0)
  }
}

function sameFoldedAscii(word: string, text: string, start: number): boolean {
  for (let i = 0; i < word.length; i++) {
    let code = text.charCodeAt(start + i)
    if (code >= 65 && code <= 90) code += 32
    if (word.charCodeAt(i) !== code) return false
  }
  return true
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2)
  bigger.set(array)
  return bigger
}
