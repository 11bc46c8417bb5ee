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

  /** What to probe for a phrase: its adjacent pairs' hashes, worked out once for every file. */
  static probeOf(words: readonly string[]): Uint32Array {
    const probe = new Uint32Array(Math.max(0, words.length - 1) * 2)
    for (let i = 1; i < words.length; i++) {
      const [a, b] = pairHashes(words[i - 1] ?? '', words[i] ?? '')
      probe[2 * i - 2] = a
      probe[2 * i - 1] = b
    }
    return probe
  }

  /** False when the phrase's words (its `probeOf`) never stand side by side, in order, in the file. */
  mayHavePhrase(probe: Uint32Array): boolean {
    const size = this.bits.length * 32
    for (let pair = 0; pair < probe.length; pair += 2) {
      const a = probe[pair] as number
      const b = probe[pair + 1] as number
      for (let k = 0; k < PROBES; k++) {
        const at = ((a + Math.imul(k, b)) >>> 0) % size
        if (((this.bits[at >>> 5] as number) & (1 << (at & 31))) === 0) return false
      }
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
