// A Hugging Face papers page saved from a browser (Save Page As…): the page's
// data is in its hydration elements, `<div … data-target="DailyPapers"
// data-props="{…}">` on listing pages (daily, weekly, monthly, trending,
// search) and the paper page's own element with a `paper` object. Only that
// JSON is read, never the visual markup, which changes with every redesign.
import type { ParsedImport } from '../parsedRecord'
import { HfFormatError, hfPageDataPapers } from './apiJson'
import { hfRecord } from './hfRecord'
import type { HfPaper } from './hfRecord'

// A hydration element's opening tag: its data-target and data-props, in either order.
// The site quotes data-props with " (its JSON's quotes written &quot;); tools that
// rewrite a page they fetched (BeautifulSoup's prettify()) quote it with ' instead.
// The value (megabytes) is found with indexOf; only the tag's text around it is
// matched: what comes before it, and what comes after it up to the tag's end.
const TAG_BEFORE_TARGET = /<[a-z]+\s[^>]*?data-target="([A-Za-z]+)"[^>]*?$/
const TAG_BEFORE = /<[a-z]+\s[^>]*$/
const TARGET_AFTER = /^[^>]*?data-target="([A-Za-z]+)"/
const PROPS = 'data-props='

const ENTITIES: Readonly<Record<string, string>> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  nbsp: '\u00a0',
}

/**
 * An attribute value as the browser reads it: entities decoded. Pages write
 * megabytes of `&quot;` here, so the common entities go by plain replacement;
 * `&amp;` last, so that `&amp;quot;` stays the text `&quot;`.
 */
export function decodeAttribute(value: string): string {
  if (!value.includes('&')) return value
  const quick = decodeQuotAndAmp(value)
  if (quick !== undefined) return quick
  let text = value.replaceAll('&quot;', '"')
  if (/&(?:#|lt;|gt;|apos;|nbsp;)/i.test(text)) {
    text = text.replace(/&(#x[0-9a-f]+|#[0-9]+|lt|gt|apos|nbsp);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) {
        return safeCodePoint(Number.parseInt(name.slice(2), 16)) ?? whole
      }
      if (name.startsWith('#')) return safeCodePoint(Number.parseInt(name.slice(1), 10)) ?? whole
      return ENTITIES[name.toLowerCase()] ?? whole
    })
  }
  return text.replaceAll('&amp;', '&')
}

/**
 * The common case of a page's data, fast: every "&" starts `&quot;` or
 * `&amp;`. Decoded in one pass, in place, over the value's bytes: as Latin-1
 * when every character fits in one byte (the string is copied as it is, and
 * so is the result), else as UTF-16. The "&"s are found with the string's
 * indexOf (a listing's data holds a million `&quot;`, which string
 * replacement takes several times longer over); an entity's name is read
 * four bytes at a time, and the text between two entities is moved four
 * bytes at a time (copyWithin for long runs). Undefined when any other "&"
 * is there, for the general decoder.
 */
function decodeQuotAndAmp(value: string): string | undefined {
  const wide = BEYOND_LATIN1.test(value)
  const encoding = wide ? 'utf16le' : 'latin1'
  const bytes = Buffer.from(value, encoding)
  const units = decodeUnits(value, bytes, wide)
  return units === undefined ? undefined : bytes.toString(encoding, 0, wide ? units * 2 : units)
}

const BEYOND_LATIN1 = /[\u0100-\uffff]/

// The entities' names as little-endian words: "quot" and "amp;" in Latin-1
// bytes; "qu", "ot", "am", "p;" in UTF-16 code units.
const QUOT = 0x746f7571
const AMP_ = 0x3b706d61
const QU = 0x00750071
const OT = 0x0074006f
const AM = 0x006d0061
const P_ = 0x003b0070

/**
 * decodeQuotAndAmp's pass over `value`'s bytes (`bytes`, two per code unit
 * when `wide`), decoded into the start of `bytes`; how many code units that
 * leaves, or undefined. Every entity is at least five units long and becomes
 * one, so what is written stays at least four units behind what is read
 * after the first one: a four-byte word is read before it is overwritten.
 */
function decodeUnits(value: string, bytes: Buffer, wide: boolean): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length)
  const shift = wide ? 1 : 0
  const length = value.length
  let read = value.indexOf('&')
  if (read === -1) return length
  let written = read
  for (;;) {
    // Only within the value: a word read past it would be another's bytes.
    const at = read << shift
    let entity: number
    if (read + 5 < length && (wide ? isWideQuot(view, at) : isQuot(view, at))) {
      entity = 0x22
      read += 6
    } else if (read + 4 < length && (wide ? isWideAmp(view, at) : isAmp(view, at))) {
      entity = 0x26
      read += 5
    } else {
      return undefined
    }
    if (wide) view.setUint16(written << 1, entity, true)
    else view.setUint8(written, entity)
    written++
    const next = value.indexOf('&', read)
    const end = next === -1 ? length : next
    const from = read << shift
    const to = end << shift
    let into = written << shift
    if (to - from < SHORT_RUN) {
      // Between two quotes there is mostly a key or a short value: a few
      // words moved here cost less than a call to copyWithin.
      let byte = from
      for (; byte + 4 <= to; byte += 4, into += 4)
        view.setUint32(into, view.getUint32(byte, true), true)
      for (; byte < to; byte++, into++) view.setUint8(into, view.getUint8(byte))
    } else {
      bytes.copyWithin(into, from, to)
    }
    written += end - read
    read = end
    if (next === -1) return written
  }
}

const isQuot = (view: DataView, at: number): boolean =>
  view.getUint32(at + 1, true) === QUOT && view.getUint8(at + 5) === 0x3b

const isAmp = (view: DataView, at: number): boolean => view.getUint32(at + 1, true) === AMP_

const isWideQuot = (view: DataView, at: number): boolean =>
  view.getUint32(at + 2, true) === QU &&
  view.getUint32(at + 6, true) === OT &&
  view.getUint16(at + 10, true) === 0x3b

const isWideAmp = (view: DataView, at: number): boolean =>
  view.getUint32(at + 2, true) === AM && view.getUint32(at + 6, true) === P_

/** Runs of text between two entities shorter than this (in bytes) are moved word by word. */
const SHORT_RUN = 48

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff
    ? String.fromCodePoint(code)
    : undefined
}

function lineAt(text: string, index: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++
  return line
}

interface Hydration {
  target: string
  /** The data-props value as written (entities not decoded). */
  props: string
  index: number
}

function hydrations(text: string): Hydration[] {
  const found: Hydration[] = []
  let from = 0
  for (;;) {
    const at = text.indexOf(PROPS, from)
    if (at === -1) return found
    const quote = text[at + PROPS.length]
    if (quote !== '"' && quote !== "'") {
      from = at + PROPS.length
      continue
    }
    const start = at + PROPS.length + 1
    const end = text.indexOf(quote, start)
    if (end === -1) return found
    from = end + 1
    // The tag's text before the value, from after the last ">" (no tag spans one).
    const tagFrom = text.lastIndexOf('>', at) + 1
    const before = text.slice(tagFrom, at)
    const tagEnd = text.indexOf('>', end)
    if (tagEnd === -1) return found
    const after = text.slice(end + 1, tagEnd)
    const head = TAG_BEFORE_TARGET.exec(before) ?? TAG_BEFORE.exec(before)
    const target = head?.[1] ?? TARGET_AFTER.exec(after)?.[1]
    if (head === null || target === undefined) continue
    found.push({ target, props: text.slice(start, end), index: tagFrom + head.index })
    from = tagEnd + 1
  }
}

/** Does this hydration element hold papers (a listing's list, or a paper page's paper)? */
function holdsPapers(props: string): boolean {
  return (
    props.includes('&quot;dailyPapers&quot;') ||
    props.includes('&quot;paper&quot;:{') ||
    props.includes('"dailyPapers"') ||
    props.includes('"paper":{')
  )
}

export function parseHfSavedHtml(text: string): ParsedImport {
  const papers: HfPaper[] = []
  const seen = new Set<string>()
  const skipped: ParsedImport['skipped'] = []
  let pageDate: string | undefined
  for (const hydration of hydrations(text)) {
    if (!holdsPapers(hydration.props)) continue
    const line = lineAt(text, hydration.index)
    let data
    try {
      data = hfPageDataPapers(decodeAttribute(hydration.props), line)
    } catch {
      continue
    }
    if (data === undefined) {
      skipped.push({ line, reason: `The page's ${hydration.target} data is not valid JSON` })
      continue
    }
    const { found, value } = data
    skipped.push(...found.skipped)
    for (const paper of found.papers) {
      const key = paper.arxivId ?? paper.title.toLowerCase()
      if (seen.has(key)) continue
      seen.add(key)
      papers.push(paper)
    }
    pageDate ??= dayOfPage(value)
  }
  if (papers.length === 0) {
    throw new HfFormatError(
      'it is a saved Hugging Face page, but its data holds no papers (saved before the page had loaded?)',
    )
  }
  return {
    format: 'hf-saved-html',
    records: papers.map((paper, index) => hfRecord(paper, index + 1)),
    skipped,
    identifiers: [],
    ...(pageDate === undefined ? {} : { pageDate }),
  }
}

/** A daily listing's own day (its dateString), for the suggested collection name. */
function dayOfPage(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const record = value as Record<string, unknown>
  const date = record['dateString'] ?? record['date']
  const period = record['periodType']
  if (period !== undefined && period !== 'day') return undefined
  return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined
}

/** Does the text look like a saved HF page: HTML with a hydration element holding papers? */
export function looksLikeHfSavedHtml(head: string, text: string): boolean {
  if (!/<(?:!doctype html|html|head|body|div)\b/i.test(head)) return false
  return (
    /data-target="DailyPapers"/.test(text) ||
    /data-props="[^"]*&quot;paper&quot;:\{/.test(text) ||
    /data-props='[^']*"paper":\{/.test(text)
  )
}
