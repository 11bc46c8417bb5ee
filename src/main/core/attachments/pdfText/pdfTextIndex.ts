// Search over the PDFs' text: for each word, the files (by SHA-256) and pages
// it is on. Words are the search's own (textTokens.ts: folded, accents off); a
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

interface PageRef {
  file: number
  page: number
}

export class PdfTextIndex {
  private readonly files: string[] = []
  private readonly fileNumbers = new Map<string, number>()
  private readonly pages: PageText[][] = []
  /** word → "file:page" keys it occurs on (each once). */
  private readonly postings = new Map<string, Set<number>>()
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
    this.pages.push([...pages])
    pages.forEach((page, pageIndex) => {
      const key = pageKey({ file, page: pageIndex })
      forEachWord(page.text, (word) => {
        let set = this.postings.get(word)
        if (set === undefined) {
          set = new Set()
          this.postings.set(word, set)
          this.sortedWords = undefined
        }
        set.add(key)
      })
    })
  }

  clear(): void {
    this.files.length = 0
    this.fileNumbers.clear()
    this.pages.length = 0
    this.postings.clear()
    this.sortedWords = undefined
  }

  /**
   * The files (SHA-256) holding every one of `words` (the last by prefix,
   * while it is typed), each with how many of its pages hold one of them.
   */
  filesWithAll(words: readonly string[], prefixLast = true): Map<string, number> {
    let files: Set<number> | undefined
    const pages = new Map<number, Set<number>>()
    words.forEach((word, i) => {
      const keys = this.keysOf(word, prefixLast && i === words.length - 1)
      const own = new Set<number>()
      for (const key of keys) {
        const ref = refOf(key)
        own.add(ref.file)
        const set = pages.get(ref.file) ?? new Set<number>()
        set.add(ref.page)
        pages.set(ref.file, set)
      }
      files = files === undefined ? own : new Set([...files].filter((file) => own.has(file)))
    })
    const found = new Map<string, number>()
    for (const file of files ?? []) {
      const sha = this.files[file]
      if (sha !== undefined) found.set(sha, pages.get(file)?.size ?? 0)
    }
    return found
  }

  /** Pages of the files in `attachments` (SHA-256 → attachment id) where `query`'s words are. */
  matches(query: string, attachments: ReadonlyMap<string, string>): PdfTextMatch[] {
    const words = wordsOf(query)
    const out: PdfTextMatch[] = []
    if (words.length === 0) return out
    for (const ref of this.pagesWithAny(words)) {
      const sha256 = this.files[ref.file]
      const attachmentId = sha256 === undefined ? undefined : attachments.get(sha256)
      const page = this.pages[ref.file]?.[ref.page]
      if (sha256 === undefined || attachmentId === undefined || page === undefined) continue
      out.push({ attachmentId, sha256, pageIndex: ref.page, ...snippetOf(page.text, words) })
    }
    return out.sort(
      (a, b) => a.attachmentId.localeCompare(b.attachmentId) || a.pageIndex - b.pageIndex,
    )
  }

  /** Pages holding at least one of `words` (the last by prefix). */
  private pagesWithAny(words: readonly string[]): PageRef[] {
    const keys = new Set<number>()
    words.forEach((word, i) => {
      for (const key of this.keysOf(word, i === words.length - 1)) keys.add(key)
    })
    return [...keys].map(refOf)
  }

  private keysOf(word: string, byPrefix: boolean): ReadonlySet<number> {
    if (byPrefix && word.length >= MIN_PREFIX) return this.withPrefix(word)
    return this.postings.get(word) ?? new Set<number>()
  }

  private withPrefix(prefix: string): Set<number> {
    this.sortedWords ??= [...this.postings.keys()].sort()
    const words = this.sortedWords
    let low = 0
    let high = words.length
    while (low < high) {
      const mid = (low + high) >> 1
      if ((words[mid] ?? '') < prefix) low = mid + 1
      else high = mid
    }
    const keys = new Set<number>()
    for (let i = low; i < words.length && (words[i] ?? '').startsWith(prefix); i++) {
      for (const key of this.postings.get(words[i] ?? '') ?? []) keys.add(key)
    }
    return keys
  }
}

const PAGE_BITS = 2 ** 17

function pageKey(ref: PageRef): number {
  return ref.file * PAGE_BITS + ref.page
}

function refOf(key: number): PageRef {
  return { file: Math.floor(key / PAGE_BITS), page: key % PAGE_BITS }
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
