// Search over the PDFs' text: for each word, the files (by SHA-256) it is in
// and how often. Words are the search's own (textTokens.ts: folded, accents off); a
// file matches a query holding all its words (a phrase's words too, side by
// side or not), and the last word typed matches by prefix, as in the search
// box. The pages shown for a match are those holding any of the words.
import type { PdfTextMatch, TextRange } from '../../../../shared/model'
import { forEachWord, wordsOf } from '../../search/textTokens'
import type { PageText } from './pageText'

/** Characters shown around a match in a snippet. */
const SNIPPET_CONTEXT = 60
/** Words shorter than this do not match by prefix (as in the library search). */
const MIN_PREFIX = 3

/** The files a word is in (ascending: files are numbered as added) and how often in each. */
interface Posting {
  files: number[]
  counts: number[]
}

export class PdfTextIndex {
  private readonly files: string[] = []
  private readonly fileNumbers = new Map<string, number>()
  /** word → the files it occurs in, ascending (files are numbered as added), with how often. */
  private readonly postings = new Map<string, Posting>()
  /** Sorted words, rebuilt lazily, for prefix queries. */
  private sortedWords: string[] | undefined

  get size(): number {
    return this.files.length
  }

  has(sha256: string): boolean {
    return this.fileNumbers.has(sha256)
  }

  add(sha256: string, pages: readonly PageText[]): void {
    if (this.fileNumbers.has(sha256)) return
    const file = this.files.length
    this.files.push(sha256)
    this.fileNumbers.set(sha256, file)
    for (const page of pages) {
      forEachWord(page.text, (word) => {
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
  }

  clear(): void {
    this.files.length = 0
    this.fileNumbers.clear()
    this.postings.clear()
    this.sortedWords = undefined
  }

  /**
   * The files (SHA-256) holding every one of `words` (the last by prefix,
   * while it is typed), each with how often they hold them (more first).
   */
  filesWithAll(words: readonly string[], prefixLast = true): Map<string, number> {
    const count = this.files.length
    // matched[f]: how many of the words file f holds so far (words are taken in order).
    const matched = new Uint8Array(count)
    const often = new Float64Array(count)
    const limit = Math.min(words.length, 255)
    for (let w = 0; w < limit; w++) {
      for (const posting of this.postingsOf(words[w] ?? '', prefixLast && w === limit - 1)) {
        const { files, counts } = posting
        for (let k = 0; k < files.length; k++) {
          const file = files[k] as number
          const held = matched[file] as number
          if (held === w) matched[file] = w + 1
          else if (held !== w + 1) continue
          often[file] = (often[file] as number) + (counts[k] as number)
        }
      }
    }
    const out = new Map<string, number>()
    if (limit === 0) return out
    for (let file = 0; file < count; file++) {
      if (matched[file] === limit) out.set(this.files[file] as string, often[file] as number)
    }
    return out
  }

  /** The postings of `word`, or (by prefix) of every word starting with it. */
  private postingsOf(word: string, byPrefix: boolean): Posting[] {
    if (!byPrefix || word.length < MIN_PREFIX) {
      const posting = this.postings.get(word)
      return posting === undefined ? [] : [posting]
    }
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
