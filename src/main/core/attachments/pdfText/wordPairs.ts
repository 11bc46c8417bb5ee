// Which words of a PDF stand side by side, for phrases ("two words" in
// quotes) in its text. Every pair of adjacent words on a page is put in a
// Bloom filter of the file's own (10 bits per distinct pair, 7 probes: about
// 1 % of files holding both words apart still pass for one pair), far less
// memory than the words' positions. The list of pages (pdfTextIndex.ts's
// pageMatches) reads the text itself, so it is exact.
import { hashWord } from '../../search/textTokens'

const BITS_PER_PAIR = 10
const PROBES = 7

/** The two hashes a pair is probed with (double hashing). */
function pairHashes(first: string, second: string): [number, number] {
  const a = hashWord(`${first} ${second}`)
  // A second, independent mix of the same key (murmur3's finalizer).
  let b = a ^ 0x5bd1e995
  b = Math.imul(b ^ (b >>> 16), 0x85ebca6b)
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35)
  b ^= b >>> 16
  return [a >>> 0, (b | 1) >>> 0]
}

export class WordPairs {
  private constructor(private readonly bits: Uint32Array) {}

  /** The filter of a file's adjacent pairs, each "first second". */
  static of(pairs: ReadonlySet<string>): WordPairs {
    const size = Math.max(64, Math.ceil((pairs.size * BITS_PER_PAIR) / 32) * 32)
    const filter = new WordPairs(new Uint32Array(size / 32))
    for (const pair of pairs) {
      const space = pair.indexOf(' ')
      filter.put(pair.slice(0, space), pair.slice(space + 1))
    }
    return filter
  }

  /** False when `second` never follows `first` in the file; true when it does (or, rarely, a false alarm). */
  mayHave(first: string, second: string): boolean {
    const [a, b] = pairHashes(first, second)
    const size = this.bits.length * 32
    for (let probe = 0; probe < PROBES; probe++) {
      const bit = (a + Math.imul(probe, b)) >>> 0
      const at = bit % size
      if (((this.bits[at >>> 5] as number) & (1 << (at & 31))) === 0) return false
    }
    return true
  }

  /** False when the words never stand in this order, side by side, in the file. */
  mayHavePhrase(words: readonly string[]): boolean {
    for (let i = 1; i < words.length; i++) {
      if (!this.mayHave(words[i - 1] ?? '', words[i] ?? '')) return false
    }
    return true
  }

  private put(first: string, second: string): void {
    const [a, b] = pairHashes(first, second)
    const size = this.bits.length * 32
    for (let probe = 0; probe < PROBES; probe++) {
      const at = ((a + Math.imul(probe, b)) >>> 0) % size
      this.bits[at >>> 5] = (this.bits[at >>> 5] as number) | (1 << (at & 31))
    }
  }
}
