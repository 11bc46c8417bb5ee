// Search over the PDFs' text: for each word, the files (by SHA-256) it is in
// and how often. Words are the search's own (textTokens.ts: folded, accents
// off); a file matches a query holding all its words, the words of a phrase
// side by side (wordPairs.ts), and the last word typed matches by prefix, as
// in the search box. Lists are intersected from the rarest word on, so a rare
// word costs what its few files cost, whatever the common words beside it.
// The pages shown for a match are those holding any of the words.
import type { PdfTextMatch, TextRange } from '../../../../shared/model'
import type { PdfTextClause } from '../../search/pdfTextHits'
import { forEachWord, wordsOf } from '../../search/textTokens'
import type { PageText } from './pageText'
import { WordPairs } from './wordPairs'

/** Characters shown around a match in a snippet. */
const SNIPPET_CONTEXT = 60
/** Words shorter than this do not match by prefix (as in the library search). */
const MIN_PREFIX = 3

/** The files a word is in (ascending: files are numbered as added) and how often in each. */
interface Posting {
  files: number[]
  counts: number[]
}

/** The files a query matched (ascending file numbers) and how often each holds its words. */
export interface PdfFileHits {
  files: Int32Array
  counts: Float64Array
}

const NO_HITS: PdfFileHits = { files: new Int32Array(), counts: new Float64Array() }

export class PdfTextIndex {
  private readonly files: string[] = []
  private readonly fileNumbers = new Map<string, number>()
  /** Per file, the pairs of words that stand side by side in it. */
  private readonly pairs: WordPairs[] = []
  /** word → the files it occurs in, ascending (files are numbered as added), with how often. */
  private readonly postings = new Map<string, Posting>()
  /** Sorted words, rebuilt lazily, for prefix queries. */
  private sortedWords: string[] | undefined
  /** Query scratch, one slot per file, all zero between queries. */
  private scratch = new Float64Array(0)

  get size(): number {
    return this.files.length
  }

  has(sha256: string): boolean {
    return this.fileNumbers.has(sha256)
  }

  /** The number of the file `sha256` in the index, if it is indexed. */
  fileOf(sha256: string): number | undefined {
    return this.fileNumbers.get(sha256)
  }

  /** Every file indexed, holding nothing in particular. */
  everyFile(): PdfFileHits {
    const files = new Int32Array(this.files.length)
    for (let file = 0; file < files.length; file++) files[file] = file
    return { files, counts: new Float64Array(files.length) }
  }

  add(sha256: string, pages: readonly PageText[]): void {
    if (this.fileNumbers.has(sha256)) return
    const file = this.files.length
    this.files.push(sha256)
    this.fileNumbers.set(sha256, file)
    const pairs = new Set<string>()
    for (const page of pages) {
      let previous = ''
      forEachWord(page.text, (word) => {
        if (previous !== '') pairs.add(`${previous} ${word}`)
        previous = word
        let posting = this.postings.get(word)
        if (posting === undefined) {
          posting = { files: [], counts: [] }
          this.postings.set(word, posting)
          this.sortedWords = undefined
        }
        const last = posting.files.length - 1
        if (posting.files[last] === file) posting.counts[last] = (posting.counts[last] ?? 0) + 1
        else {
          posting.files.push(file)
          posting.counts.push(1)
        }
      })
    }
    this.pairs.push(WordPairs.of(pairs))
  }

  clear(): void {
    this.files.length = 0
    this.pairs.length = 0
    this.fileNumbers.clear()
    this.postings.clear()
    this.sortedWords = undefined
  }

  /**
   * The files holding every clause (a phrase's words side by side; the last
   * word of a last clause that is no phrase by prefix when `prefixLast`),
   * each with how often they hold the words.
   */
  filesWithAll(clauses: readonly PdfTextClause[], prefixLast = true): PdfFileHits {
    const exact: Posting[] = []
    let prefix: Posting[] | undefined
    clauses.forEach((clause, c) => {
      clause.words.forEach((word, w) => {
        const last = prefixLast && !clause.phrase && c === clauses.length - 1
        if (last && w === clause.words.length - 1 && word.length >= MIN_PREFIX) {
          prefix = this.postingsOf(word)
        } else {
          exact.push(this.postings.get(word) ?? { files: [], counts: [] })
        }
      })
    })
    if (exact.length === 0 && prefix === undefined) return NO_HITS
    exact.sort((a, b) => a.files.length - b.files.length)
    let hits = exact.length > 0 ? intersect(exact) : this.union(prefix ?? [])
    if (exact.length > 0 && prefix !== undefined) hits = this.within(hits, prefix)
    const probes = clauses
      .filter((clause) => clause.phrase && clause.words.length > 1)
      .map((clause) => WordPairs.probeOf(clause.words))
    if (probes.length === 0 || hits.files.length === 0) return hits
    return keep(hits, (file) =>
      probes.every((probe) => this.pairs[file]?.mayHavePhrase(probe) === true),
    )
  }

  /** Every file holding one of the postings' words, with how often. */
  private union(postings: readonly Posting[]): PdfFileHits {
    const often = this.tally(postings)
    let size = 0
    for (let file = 0; file < this.files.length; file++) if ((often[file] as number) > 0) size++
    const hits = { files: new Int32Array(size), counts: new Float64Array(size) }
    size = 0
    for (let file = 0; file < this.files.length; file++) {
      const count = often[file] as number
      if (count === 0) continue
      hits.files[size] = file
      hits.counts[size++] = count
      often[file] = 0
    }
    return hits
  }

  /** The files of `hits` that also hold one of the postings' words (the word being typed). */
  private within(hits: PdfFileHits, postings: readonly Posting[]): PdfFileHits {
    const often = this.tally(postings)
    const kept = keep(hits, (file) => (often[file] as number) > 0)
    for (let i = 0; i < kept.files.length; i++) {
      const file = kept.files[i] as number
      kept.counts[i] = (kept.counts[i] as number) + (often[file] as number)
    }
    often.fill(0)
    return kept
  }

  /** How often each file holds the postings' words, in the query scratch (the caller zeroes it). */
  private tally(postings: readonly Posting[]): Float64Array {
    if (this.scratch.length < this.files.length) {
      this.scratch = new Float64Array(Math.max(this.files.length, this.scratch.length * 2))
    }
    const often = this.scratch
    for (const { files, counts } of postings) {
      for (let k = 0; k < files.length; k++) {
        const file = files[k] as number
        often[file] = (often[file] as number) + (counts[k] as number)
      }
    }
    return often
  }

  /** The postings of every word starting with `word`. */
  private postingsOf(word: string): Posting[] {
    this.sortedWords ??= [...this.postings.keys()].sort()
    const sorted = this.sortedWords
    let low = 0
    let high = sorted.length
    while (low < high) {
      const mid = (low + high) >> 1
      if ((sorted[mid] ?? '') < word) low = mid + 1
      else high = mid
    }
    const found: Posting[] = []
    for (let i = low; i < sorted.length && (sorted[i] ?? '').startsWith(word); i++) {
      const posting = this.postings.get(sorted[i] ?? '')
      if (posting !== undefined) found.push(posting)
    }
    return found
  }
}

/** The files in every posting (the rarest first), the counts summed: each next list is galloped through. */
function intersect(postings: readonly Posting[]): PdfFileHits {
  const [rarest, ...rest] = postings
  if (rarest === undefined) return NO_HITS
  let files = Int32Array.from(rarest.files)
  let counts = Float64Array.from(rarest.counts)
  for (const posting of rest) {
    let size = 0
    let at = 0
    for (let i = 0; i < files.length; i++) {
      const file = files[i] as number
      at = seek(posting.files, file, at)
      if (at >= posting.files.length) break
      if (posting.files[at] !== file) continue
      files[size] = file
      counts[size++] = (counts[i] as number) + (posting.counts[at] as number)
    }
    files = files.subarray(0, size)
    counts = counts.subarray(0, size)
    if (size === 0) break
  }
  return { files, counts }
}

/** The first index at or after `from` whose file is ≥ `file` (galloping, then binary search). */
function seek(files: readonly number[], file: number, from: number): number {
  let step = 1
  let low = from
  let high = from
  while (high < files.length && (files[high] as number) < file) {
    low = high + 1
    high += step
    step *= 2
  }
  high = Math.min(high, files.length)
  while (low < high) {
    const mid = (low + high) >> 1
    if ((files[mid] as number) < file) low = mid + 1
    else high = mid
  }
  return low
}

/** The hits whose file passes `test`. */
function keep(hits: PdfFileHits, test: (file: number) => boolean): PdfFileHits {
  const files = new Int32Array(hits.files.length)
  const counts = new Float64Array(hits.files.length)
  let size = 0
  for (let i = 0; i < hits.files.length; i++) {
    const file = hits.files[i] as number
    if (!test(file)) continue
    files[size] = file
    counts[size++] = hits.counts[i] as number
  }
  return { files: files.subarray(0, size), counts: counts.subarray(0, size) }
}

/**
 * The pages of one PDF (`pages`, its extracted text) holding a word of
 * `query`, each with a snippet: read from the text itself, so the index keeps
 * no page texts in memory.
 */
export function pageMatches(
  query: string,
  attachmentId: string,
  sha256: string,
  pages: readonly PageText[],
): PdfTextMatch[] {
  const words = wordsOf(query)
  if (words.length === 0) return []
  const out: PdfTextMatch[] = []
  pages.forEach((page, pageIndex) => {
    let hit = false
    forEachWord(page.text, (word) => {
      hit ||= matchesQueryWord(word, words)
    })
    if (hit) out.push({ attachmentId, sha256, pageIndex, ...snippetOf(page.text, words) })
  })
  return out
}

/** A window of the page's text around its first matched word, with every query word marked in it. */
function snippetOf(
  text: string,
  words: readonly string[],
): { snippet: string; ranges: TextRange[] } {
  let first: TextRange | undefined
  forEachWord(text, (word, start, end) => {
    if (first === undefined && matchesQueryWord(word, words)) first = { start, end }
  })
  const at = first ?? { start: 0, end: 0 }
  const from = Math.max(0, at.start - SNIPPET_CONTEXT)
  const to = Math.min(text.length, at.end + SNIPPET_CONTEXT)
  const snippet = text.slice(from, to).replace(/\s+/g, ' ').trim()
  const ranges: TextRange[] = []
  forEachWord(snippet, (word, start, end) => {
    if (matchesQueryWord(word, words)) ranges.push({ start, end })
  })
  return { snippet, ranges }
}

function matchesQueryWord(word: string, words: readonly string[]): boolean {
  return words.some(
    (query) => word === query || (query.length >= MIN_PREFIX && word.startsWith(query)),
  )
}
