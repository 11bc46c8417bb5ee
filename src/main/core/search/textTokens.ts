// How text becomes searchable words, in one place so that the index, the query
// parser and the highlighter always agree on what a word is.
//
// A word is a run of letters and digits (any script). It is folded to lower
// case without diacritics ("Schölkopf" -> "scholkopf"), so a query typed on any
// keyboard finds it. Everything else (spaces, punctuation, hyphens) separates
// words: "Tool-Integrated" is "tool" + "integrated".

/** Words longer than this are skipped (hashes, base64, long URLs): nobody types them. */
export const MAX_WORD_LENGTH = 64

const FNV_OFFSET = 0x811c9dc5
/** Also written out in termDictionary.ts's hot loop. */
const FNV_PRIME = 16777619

/** FNV-1a over one folded character code: the dictionary hashes words with this. */
function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME)
}

export function hashWord(word: string): number {
  let hash = FNV_OFFSET
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i))
  return hash | 0
}

export const HASH_START = FNV_OFFSET

/** True for the ASCII characters that belong to a word: a-z, A-Z, 0-9. */
function isAsciiWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u
const COMBINING_MARK = /\p{M}/gu
// Folding a character is costly (normalize + regex), and texts reuse few distinct ones.
const foldCache = new Map<string, string | null>()

/**
 * The folded form of one non-ASCII character: lower case, accents removed
 * ("É" -> "e"); '' for a lone combining mark (it joins the word it sits in);
 * null when the character separates words.
 */
export function foldCharacter(char: string): string | null {
  let folded = foldCache.get(char)
  if (folded === undefined) {
    folded = WORD_CHAR.test(char)
      ? char.normalize('NFD').replace(COMBINING_MARK, '').toLowerCase()
      : null
    if (foldCache.size < 100_000) foldCache.set(char, folded)
  }
  return folded
}

/** Calls `onWord` for every word of `text`: its folded form and its [start, end) in `text`. */
export function forEachWord(
  text: string,
  onWord: (word: string, start: number, end: number) => void,
): void {
  let word = ''
  let start = -1
  const flush = (end: number): void => {
    if (start >= 0 && word !== '' && word.length <= MAX_WORD_LENGTH) onWord(word, start, end)
    word = ''
    start = -1
  }
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i)
    if (code < 128) {
      if (isAsciiWordCode(code)) {
        if (start < 0) start = i
        word += String.fromCharCode(code >= 65 && code <= 90 ? code + 32 : code)
      } else {
        flush(i)
      }
      i++
      continue
    }
    const char = String.fromCodePoint(text.codePointAt(i) ?? code)
    const folded = foldCharacter(char)
    if (folded === null) {
      flush(i)
    } else {
      if (start < 0) start = i
      word += folded
    }
    i += char.length
  }
  flush(text.length)
}

/** The folded words of `text`, in order. */
export function wordsOf(text: string): string[] {
  const words: string[] = []
  forEachWord(text, (word) => words.push(word))
  return words
}
