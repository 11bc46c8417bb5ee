// Every document's words of one field, in order, end to end: what quoted
// phrases are checked against and what removing a document counts down. The
// largest part of the index (a word per word of every abstract), so a word
// takes two bytes: word numbers are given in order of first appearance, and
// the 65,535 first words of a library are nearly all of its text. A later,
// rarer word is stored as ESCAPE and its number kept aside, by position.

const ESCAPE = 0xffff

export interface ForwardArrays {
  words: Uint16Array
  /** Positions holding ESCAPE, ascending, and the word numbers they stand for. */
  escapedAt: Int32Array
  escapedWord: Int32Array
}

export class ForwardWords {
  private words: Uint16Array = new Uint16Array(1 << 16)
  private used = 0
  private escapedAt: Int32Array = new Int32Array(16)
  private escapedWord: Int32Array = new Int32Array(16)
  private escapes = 0

  get length(): number {
    return this.used
  }

  /** Appends `words[0 .. count)`; returns where they start. */
  append(words: Int32Array, count: number): number {
    const start = this.used
    this.reserve(start + count)
    const stored = this.words
    for (let i = 0; i < count; i++) {
      const word = words[i] as number
      if (word < ESCAPE) stored[start + i] = word
      else {
        stored[start + i] = ESCAPE
        this.escape(start + i, word)
      }
    }
    this.used = start + count
    return start
  }

  /** The word number at `position`. */
  at(position: number): number {
    const word = this.words[position] as number
    return word === ESCAPE ? this.escapedWordAt(position) : word
  }

  /** The first position from `from` on holding `word`, or -1 (searched natively). */
  indexOf(word: number, from: number): number {
    if (word < ESCAPE) return this.words.indexOf(word, from)
    for (let at = this.words.indexOf(ESCAPE, from); at !== -1;) {
      if (at >= this.used) return -1
      if (this.escapedWordAt(at) === word) return at
      at = this.words.indexOf(ESCAPE, at + 1)
    }
    return -1
  }

  /** Appends `length` words of `other` from `start` (compaction); returns where they start. */
  copyFrom(other: ForwardWords, start: number, length: number): number {
    const at = this.used
    this.reserve(at + length)
    // A loop, not set(subarray): this runs once per document, mostly on short runs.
    const from = other.words
    const to = this.words
    for (let k = 0; k < length; k++) to[at + k] = from[start + k] as number
    for (let i = other.escapes === 0 ? 0 : other.firstEscapeFrom(start); i < other.escapes; i++) {
      const position = other.escapedAt[i] as number
      if (position >= start + length) break
      this.escape(at + position - start, other.escapedWord[i] as number)
    }
    this.used = at + length
    return at
  }

  /** Gives back what doubling left over, keeping an eighth more for the edits that follow. */
  trim(): void {
    const room = Math.max(this.used + (this.used >> 3), 1 << 16)
    if (this.words.length > room + (room >> 2)) this.words = this.words.slice(0, room)
  }

  toArrays(): ForwardArrays {
    return {
      words: this.words.subarray(0, this.used),
      escapedAt: this.escapedAt.slice(0, this.escapes),
      escapedWord: this.escapedWord.slice(0, this.escapes),
    }
  }

  /** Words read back from a file; the caller has checked every number in them. */
  static fromArrays(arrays: ForwardArrays): ForwardWords {
    const forward = new ForwardWords()
    const used = arrays.words.length
    // The file reader leaves room after the words it read: use it as is.
    const whole = new Uint16Array(arrays.words.buffer, 0)
    if (arrays.words.byteOffset === 0 && whole.length > used) forward.words = whole
    else {
      forward.words = new Uint16Array(Math.max(1 << 16, used + (used >> 3)))
      forward.words.set(arrays.words)
    }
    forward.used = used
    forward.escapedAt = arrays.escapedAt.slice()
    forward.escapedWord = arrays.escapedWord.slice()
    forward.escapes = arrays.escapedAt.length
    return forward
  }

  private escape(position: number, word: number): void {
    if (this.escapes === this.escapedAt.length) {
      this.escapedAt = doubled(this.escapedAt)
      this.escapedWord = doubled(this.escapedWord)
    }
    this.escapedAt[this.escapes] = position
    this.escapedWord[this.escapes] = word
    this.escapes++
  }

  private escapedWordAt(position: number): number {
    const i = this.firstEscapeFrom(position)
    return this.escapedAt[i] === position ? (this.escapedWord[i] as number) : -1
  }

  /** Index of the first escape at or after `position` (binary search: positions ascend). */
  private firstEscapeFrom(position: number): number {
    let low = 0
    let high = this.escapes
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((this.escapedAt[middle] as number) < position) low = middle + 1
      else high = middle
    }
    return low
  }

  private reserve(size: number): void {
    if (size <= this.words.length) return
    const bigger = new Uint16Array(Math.max(size, this.words.length * 2))
    bigger.set(this.words.subarray(0, this.used))
    this.words = bigger
  }
}

function doubled(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2)
  bigger.set(array)
  return bigger
}

/** Throws unless every stored number is a word below `vocabularySize` (see SearchIndex.fromArrays). */
export function checkForwardArrays(arrays: ForwardArrays, vocabularySize: number): void {
  const { words, escapedAt, escapedWord } = arrays
  const fail = (): never => {
    throw new Error('damaged search index: a word')
  }
  if (escapedAt.length !== escapedWord.length) fail()
  let escapes = 0
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as number
    if (word === ESCAPE) {
      if (escapedAt[escapes] !== i) fail()
      const escaped = escapedWord[escapes++] as number
      if (escaped < ESCAPE || escaped >= vocabularySize) fail()
    } else if (word >= vocabularySize) fail()
  }
  if (escapes !== escapedAt.length) fail()
}
