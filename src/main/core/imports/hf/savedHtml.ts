// A Hugging Face papers page saved from a browser (Save Page As…): the page's
// data is in its hydration elements, `<div … data-target="DailyPapers"
// data-props="{…}">` on listing pages (daily, weekly, monthly, trending,
// search) and the paper page's own element with a `paper` object. Only that
// JSON is read, never the visual markup, which changes with every redesign.
import type { ParsedImport } from '../parsedRecord'
import type { JsonSpelling } from '../jsonListItems'
import { HfFormatError, hfPageDataPapers } from './apiJson'
import { hfRecord } from './hfRecord'
import type { HfPaper } from './hfRecord'

// One hydration element's opening tag: its data-target and data-props, in either order.
// The site quotes data-props with " (its JSON's quotes written &quot;); tools that
// rewrite a page they fetched (BeautifulSoup's prettify()) quote it with ' instead.
const HYDRATER =
  /<[a-z]+\s[^>]*?data-target="([A-Za-z]+)"[^>]*?data-props=(?:"([^"]*)"|'([^']*)')[^>]*>/dg
const HYDRATER_REVERSED =
  /<[a-z]+\s[^>]*?data-props=(?:"([^"]*)"|'([^']*)')[^>]*?data-target="([A-Za-z]+)"[^>]*>/g

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
 * `&amp;`. Decoded in one pass, in place: the "&"s found with the string's
 * indexOf (a listing's data holds a million `&quot;`, which string
 * replacement takes several times longer over), the text between them moved
 * whole; as Latin-1 bytes when every character fits in one (the string is
 * copied as it is, and so is the result), else as UTF-16 code units.
 * Undefined when any other "&" is there, for the general decoder.
 */
function decodeQuotAndAmp(value: string): string | undefined {
  if (!BEYOND_LATIN1.test(value)) {
    const bytes = Buffer.from(value, 'latin1')
    const written = decodeUnits(value, bytes)
    return written === undefined ? undefined : bytes.toString('latin1', 0, written)
  }
  const bytes = Buffer.from(value, 'utf16le')
  const units = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2)
  const written = decodeUnits(value, units)
  return written === undefined ? undefined : bytes.toString('utf16le', 0, written * 2)
}

const BEYOND_LATIN1 = /[\u0100-\uffff]/

/**
 * JSON in a "-quoted attribute, read where it stands: its quotes are
 * `&quot;`, and each part the scan parses (a paper of the list, a member) is
 * decoded on its own, so the megabytes of a listing are never decoded as
 * one string. A part with an entity other than `&quot;` and `&amp;` (which
 * could hide a quote or a backslash from the scan) stops the scan: the value
 * is then decoded whole and parsed as it was.
 */
const QUOTED_ATTRIBUTE: JsonSpelling = {
  quote: '&quot;',
  decode: (part) => {
    if (!part.includes('&')) return part
    const decoded = decodePart(part)
    if (decoded === undefined) throw new SyntaxError('an entity the scan does not read')
    return decoded
  },
  whole: decodeAttribute,
}

/** Parts up to this long are decoded in one buffer, kept for the next part. */
const PART_BUFFER = 1 << 16
let partBuffer: Buffer | undefined

/** decodeQuotAndAmp of a part of a value (a paper of a listing): no buffer made for each. */
function decodePart(part: string): string | undefined {
  if (part.length > PART_BUFFER || BEYOND_LATIN1.test(part)) return decodeQuotAndAmp(part)
  partBuffer ??= Buffer.allocUnsafe(PART_BUFFER)
  partBuffer.write(part, 0, 'latin1')
  const written = decodeUnits(part, partBuffer)
  return written === undefined ? undefined : partBuffer.toString('latin1', 0, written)
}

/** decodeQuotAndAmp's pass over `value`'s code units, copied at the start of `units`; how many are left, or undefined. */
function decodeUnits(value: string, units: Uint8Array | Uint16Array): number | undefined {
  const length = value.length
  let read = value.indexOf('&')
  if (read === -1) return length
  let written = read
  for (;;) {
    if (
      units[read + 1] === 0x71 && // &quot;
      units[read + 2] === 0x75 &&
      units[read + 3] === 0x6f &&
      units[read + 4] === 0x74 &&
      units[read + 5] === 0x3b
    ) {
      units[written++] = 0x22
      read += 6
    } else if (
      units[read + 1] === 0x61 && // &amp;
      units[read + 2] === 0x6d &&
      units[read + 3] === 0x70 &&
      units[read + 4] === 0x3b
    ) {
      units[written++] = 0x26
      read += 5
    } else {
      return undefined
    }
    const next = value.indexOf('&', read)
    const end = next === -1 ? length : next
    units.copyWithin(written, read, end)
    written += end - read
    if (next === -1) return written
    read = next
  }
}

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
  /** How it is quoted. */
  quote: '"' | "'"
  index: number
}

function hydrations(text: string): Hydration[] {
  const found = new Map<number, Hydration>()
  // Where the found elements' values are: megabytes of text not searched again.
  const values: number[] = []
  for (const m of text.matchAll(HYDRATER)) {
    const quote = m[2] === undefined ? "'" : '"'
    found.set(m.index, { target: m[1] ?? '', props: m[2] ?? m[3] ?? '', quote, index: m.index })
    const span = m.indices?.[2] ?? m.indices?.[3]
    if (span !== undefined) values.push(...span)
  }
  // Elements whose data-props come first are looked for only when some are left (a second
  // pass over a page of megabytes).
  const attributes =
    occurrencesOutside(text, 'data-props="', values) +
    occurrencesOutside(text, "data-props='", values)
  if (found.size < attributes) {
    for (const m of text.matchAll(HYDRATER_REVERSED)) {
      if (!found.has(m.index))
        found.set(m.index, {
          target: m[3] ?? '',
          props: m[1] ?? m[2] ?? '',
          quote: m[1] === undefined ? "'" : '"',
          index: m.index,
        })
    }
  }
  return [...found.values()].sort((a, b) => a.index - b.index)
}

/** How often `part` is in the text outside the spans (start, end, flat, in order). */
function occurrencesOutside(text: string, part: string, spans: readonly number[]): number {
  let count = 0
  let from = 0
  for (let span = 0; span <= spans.length; span += 2) {
    // A slice is searched, not the text: no search runs on into the span.
    const gap = text.slice(from, spans[span] ?? text.length)
    for (let i = gap.indexOf(part); i !== -1; i = gap.indexOf(part, i + part.length)) count++
    from = spans[span + 1] ?? text.length
  }
  return count
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
      data =
        hydration.quote === '"'
          ? hfPageDataPapers(hydration.props, line, QUOTED_ATTRIBUTE)
          : hfPageDataPapers(decodeAttribute(hydration.props), line)
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
