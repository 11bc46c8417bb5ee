// Pandoc's citation syntax in note bodies: the one grammar that main (citation
// links, note export) and the renderer (preview, `[@` autocomplete) both read.
// Plain string work only: no DOM, no node: modules.
//
//   [@doe99]                          a citation
//   [@doe99; @smith04]                several works in one citation
//   [see @doe99, pp. 33-35; also @smith04, chap. 1]
//                                     prefixes, locators and suffixes
//   [-@doe99]                         the author left out ("(1999)")
//   @doe99 says                       in running text: "Doe (1999) says"
//   @doe99 [p. 33] says               the same with a locator
//   @{key with odd characters}        a key in braces may hold anything but `}`
//
// A key starts with a letter, digit or `_` and holds letters, digits, `_`
// and punctuation from `:.#$%&-+?<>~/` inside it (a key never ends with such
// a character: "@doe99." cites doe99). Like wiki-links, citations are not
// looked for in code spans, fenced code or after a backslash, nor is an
// e-mail address a citation, nor `[@x](url)`, which is a markdown link.
import { scanProse } from './proseScan'
import { matchWikiLinkAt } from './wikiLinks'

/** CSL's locator terms, which a citation's locator is labelled with. */
export type LocatorLabel =
  | 'book'
  | 'chapter'
  | 'column'
  | 'figure'
  | 'folio'
  | 'line'
  | 'note'
  | 'number'
  | 'opus'
  | 'page'
  | 'paragraph'
  | 'part'
  | 'section'
  | 'sub-verbo'
  | 'verse'
  | 'volume'

export interface CitationItem {
  key: string
  /** Text before the key ("see"), trimmed; absent when there is none. */
  prefix?: string
  /** "33-35" in `pp. 33-35`. */
  locator?: string
  label?: LocatorLabel
  /** Text after the key and its locator ("and elsewhere"), trimmed. */
  suffix?: string
  /** `-@key`: the author is left out. */
  suppressAuthor?: boolean
}

export interface Citation {
  /** Offset of the opening `[`, or of the `@` of an in-text citation. */
  start: number
  /** Offset just past the citation. */
  end: number
  /** `normal`: bracketed, "(Doe, 1999)"; `in-text`: a bare key, "Doe (1999)". */
  mode: 'normal' | 'in-text'
  items: CitationItem[]
}

/** A citation key being typed: `[@` or `; @` then `query` right before the caret. */
export interface OpenCitation {
  /** Offset of the `@`. */
  start: number
  query: string
}

/** Longest bracketed citation looked at; longer brackets are not citations. */
const MAX_CITATION_CHARS = 2000
const KEY_START = /[\p{L}\p{N}_]/u
const KEY_CHAR = /[\p{L}\p{N}_]/u
const KEY_PUNCTUATION = new Set(':.#$%&-+?<>~/')

/** Locator abbreviations pandoc recognizes (English), longest first where they overlap. */
const LOCATOR_TERMS: ReadonlyArray<[RegExp, LocatorLabel]> = [
  [/^(?:pp?\.|pages?)(?=\s|\d)/i, 'page'],
  [/^(?:chaps?\.|chapters?)(?=\s|\d)/i, 'chapter'],
  [/^(?:secs?\.|sections?|§§?)(?=\s|\d)/i, 'section'],
  [/^(?:figs?\.|figures?)(?=\s|\d)/i, 'figure'],
  [/^(?:vols?\.|volumes?)(?=\s|\d)/i, 'volume'],
  [/^(?:paras?\.|paragraphs?|¶¶?)(?=\s|\d)/i, 'paragraph'],
  [/^(?:ll?\.|lines?)(?=\s|\d)/i, 'line'],
  [/^(?:nn?\.|notes?)(?=\s|\d)/i, 'note'],
  [/^(?:bk\.|books?)(?=\s|\d)/i, 'book'],
  [/^(?:pts?\.|parts?)(?=\s|\d)/i, 'part'],
  [/^(?:cols?\.|columns?)(?=\s|\d)/i, 'column'],
  [/^(?:nos?\.|numbers?)(?=\s|\d)/i, 'number'],
  [/^(?:vv?\.|verses?)(?=\s|\d)/i, 'verse'],
  [/^(?:fols?\.|folios?)(?=\s|\d)/i, 'folio'],
  [/^(?:op\.|opus)(?=\s|\d)/i, 'opus'],
  [/^(?:s\.\s?v\.|sub verbo)(?=\s|\d)/i, 'sub-verbo'],
]
/** A locator's value: numbers, ranges and lists of them ("33-35", "iv, 12–14", "3a"). */
const LOCATOR_VALUE =
  /^[\p{L}\p{N}]*\p{N}[\p{L}\p{N}]*(?:\s*[-–—,&]\s*[\p{L}\p{N}]*\p{N}[\p{L}\p{N}]*)*/u
const ROMAN_VALUE = /^[ivxlcdm]+\b(?:\s*[-–,]\s*[ivxlcdm]+\b)*/i

/** The key starting at `at` (just after an `@`), and where it ends; undefined when there is none. */
export function matchCitationKey(
  text: string,
  at: number,
): { key: string; end: number } | undefined {
  if (text[at] === '{') {
    const close = text.indexOf('}', at + 1)
    if (close === -1) return undefined
    const key = text.slice(at + 1, close)
    if (key.trim() === '' || /[\n\r{]/.test(key)) return undefined
    return { key, end: close + 1 }
  }
  const first = text[at]
  if (first === undefined || !KEY_START.test(first)) return undefined
  let end = at + 1
  for (;;) {
    const c = text[end]
    if (c !== undefined && KEY_CHAR.test(c)) {
      end++
      continue
    }
    // Punctuation belongs to the key only between key characters.
    if (c !== undefined && KEY_PUNCTUATION.has(c)) {
      const next = text[end + 1]
      if (next !== undefined && KEY_CHAR.test(next)) {
        end += 2
        continue
      }
    }
    break
  }
  return { key: text.slice(at, end), end }
}

/** How a key is written after `@`: bare when pandoc reads it back whole, else in braces. */
export function formatCitationKey(key: string): string {
  const bare = matchCitationKey(key, 0)
  return bare?.end === key.length && bare.key === key ? `@${key}` : `@{${key}}`
}

/** The bracketed citation whose `[` is at `at`, or undefined when the text there is not one. */
export function matchBracketCitationAt(
  text: string,
  at: number,
): Omit<Citation, 'start'> | undefined {
  if (text[at] !== '[' || text[at + 1] === '[') return undefined
  const limit = Math.min(text.length, at + 1 + MAX_CITATION_CHARS)
  let close = -1
  let depth = 0
  for (let i = at + 1; i < limit; i++) {
    const c = text[i]
    if (c === '\\') {
      i++
    } else if (c === '[') {
      depth++
    } else if (c === ']') {
      if (depth === 0) {
        close = i
        break
      }
      depth--
    } else if (c === '\n' && text[i + 1] === '\n') {
      return undefined
    }
  }
  if (close === -1) return undefined
  // `[@key](url)` and `[@key][ref]` are markdown links, not citations.
  if (text[close + 1] === '(' || text[close + 1] === '[') return undefined
  const items: CitationItem[] = []
  let partStart = at + 1
  for (const partEnd of semicolons(text, at + 1, close)) {
    const item = itemOf(text, partStart, partEnd)
    if (item === undefined) return undefined
    items.push(item)
    partStart = partEnd + 1
  }
  return items.length === 0 ? undefined : { end: close + 1, mode: 'normal', items }
}

/** Offsets of the `;` separating a bracket's parts (outside braced keys), then of its end. */
function semicolons(text: string, from: number, to: number): number[] {
  const ends: number[] = []
  let braces = false
  for (let i = from; i < to; i++) {
    const c = text[i]
    if (c === '\\') i++
    else if (c === '@' && text[i + 1] === '{') braces = true
    else if (c === '}') braces = false
    else if (c === ';' && !braces) ends.push(i)
  }
  ends.push(to)
  return ends
}

/** One part of a bracketed citation: [prefix] [-]@key [locator] [suffix]; exactly one key. */
function itemOf(text: string, from: number, to: number): CitationItem | undefined {
  for (let i = from; i < to; i++) {
    const c = text[i]
    if (c === '\\') {
      i++
      continue
    }
    if (c !== '@') continue
    const suppress = text[i - 1] === '-' && (i - 1 === from || /\s/.test(text[i - 2] ?? ''))
    const before = suppress ? i - 1 : i
    // The `@` starts the part or follows a space ("see @doe99").
    if (before !== from && !/\s/.test(text[before - 1] ?? '')) continue
    const key = matchCitationKey(text, i + 1)
    if (key === undefined || key.end > to) return undefined
    const item: CitationItem = { key: key.key }
    const prefix = unescape(text.slice(from, before)).trim()
    if (prefix !== '') item.prefix = prefix
    if (suppress) item.suppressAuthor = true
    const rest = unescape(text.slice(key.end, to))
    if (rest.includes('@') && matchesAnotherKey(rest)) return undefined
    Object.assign(item, locatorOf(rest))
    return item
  }
  return undefined
}

function matchesAnotherKey(rest: string): boolean {
  return /(?:^|\s)-?@[{\p{L}\p{N}_]/u.test(rest)
}

/** What follows a key: an optional comma, a locator ("pp. 33-35", "33"), then a suffix. */
export function locatorOf(rest: string): Pick<CitationItem, 'locator' | 'label' | 'suffix'> {
  const trimmed = rest.replace(/^\s*,?\s*/, '')
  let label: LocatorLabel | undefined
  let after = trimmed
  for (const [term, name] of LOCATOR_TERMS) {
    const found = term.exec(trimmed)
    if (found !== null) {
      label = name
      after = trimmed.slice(found[0].length).trimStart()
      break
    }
  }
  const value =
    LOCATOR_VALUE.exec(after)?.[0] ??
    (label === undefined ? '' : ROMAN_VALUE.exec(after)?.[0]) ??
    ''
  const result: Pick<CitationItem, 'locator' | 'label' | 'suffix'> = {}
  let suffix = rest.trim()
  if (value !== '' && (label !== undefined || /^\d/.test(after))) {
    result.locator = value
    result.label = label ?? 'page'
    suffix = after.slice(value.length).trim()
  }
  if (suffix !== '') result.suffix = suffix
  return result
}

/**
 * The in-text citation whose `@` is at `at`: the key, and a bracketed
 * locator or suffix right after it (`@doe99 [p. 33]`) when there is one.
 */
export function matchInTextCitationAt(
  text: string,
  at: number,
): Omit<Citation, 'start'> | undefined {
  if (text[at] !== '@') return undefined
  const before = text[at - 1]
  // "me@example.org" is an address; "[@x" is bracketed and read as such.
  if (before !== undefined && /[\p{L}\p{N}_@.\-+[\\]/u.test(before)) return undefined
  const key = matchCitationKey(text, at + 1)
  if (key === undefined) return undefined
  const item: CitationItem = { key: key.key }
  let end = key.end
  const bracket = /^ ?\[/.exec(text.slice(end, end + 2))
  if (bracket !== null) {
    const open = end + bracket[0].length - 1
    const close = text.indexOf(']', open)
    const inner = close === -1 ? '' : text.slice(open + 1, close)
    if (
      close !== -1 &&
      !inner.includes('\n') &&
      !inner.includes('[') &&
      !matchesAnotherKey(inner) &&
      text[close + 1] !== '(' &&
      inner.trim() !== ''
    ) {
      Object.assign(item, locatorOf(unescape(inner)))
      end = close + 1
    }
  }
  return { end, mode: 'in-text', items: [item] }
}

/** Every citation in a markdown body, in order, skipping code and escapes. */
export function parseCitations(body: string): Citation[] {
  return scanProse(body, '[@', (at, to) => {
    // A wiki-link's text holds no citation.
    if (body[at] === '[' && body[at + 1] === '[') {
      return { end: matchWikiLinkAt(body, at)?.end ?? at + 2 }
    }
    const found =
      body[at] === '[' ? matchBracketCitationAt(body, at) : matchInTextCitationAt(body, at)
    return found !== undefined && found.end <= to
      ? { end: found.end, found: { start: at, ...found } }
      : undefined
  })
}

/** Every key the body cites, each once, in order of first citation. */
export function citedKeys(body: string): string[] {
  return [...new Set(parseCitations(body).flatMap((citation) => citation.items.map((i) => i.key)))]
}

/**
 * The key being typed at `caret` inside a bracket: `[@` or `; @` (or `[-@`)
 * then key characters up to the caret. Used to open the autocomplete.
 */
export function openCitationBefore(text: string, caret: number): OpenCitation | undefined {
  const lineStart = text.lastIndexOf('\n', caret - 1) + 1
  const at = text.lastIndexOf('@', caret - 1)
  if (at < lineStart) return undefined
  const query = text.slice(at + 1, caret)
  if (query.length > 200 || /[\s\];[@{}]/.test(query)) return undefined
  const lead = text.slice(lineStart, at).replace(/-$/, '')
  if (!/(?:\[|;\s*)$/.test(lead)) return undefined
  // Inside code or escaped? Close the citation at the caret and see whether it parses.
  const probe = `${text.slice(0, caret)}x]${text.slice(caret)}`
  const open = probe.lastIndexOf('[', at)
  const found = parseCitations(probe).find((citation) => citation.start === open)
  return found === undefined ? undefined : { start: at, query }
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1')
}
