// A top-level JSON array of objects, parsed an element at a time. JSON.parse of
// a whole 11 MB API answer builds one parse tree that lives until the last
// record is made from it, so every young-generation collection on the way
// copies it; parsed element by element, each element's tree is dropped as soon
// as its record is made. A quick scan (strings are skipped with indexOf) finds
// where the elements are; anything but `[ {…} , {…} ]` (a scalar element, text
// after the array) is left to JSON.parse of the whole, and so is any element
// that is not valid JSON: the caller parses the whole text again, for
// JSON.parse's own error.
//
// The same scan reads JSON as an HTML attribute holds it (a saved page's
// data-props, its quotes written `&quot;`) without decoding the whole value
// first: a JsonSpelling names the quote and decodes each part before it is
// parsed.

/** How the JSON is written: its quote, and how a part of it becomes JSON text. */
export interface JsonSpelling {
  quote: string
  /** A value or key as JSON text; throws a SyntaxError when it cannot tell. */
  decode: (part: string) => string
  /** The whole text as JSON text (for JSON.parse of the whole, when the scan gives up). */
  whole: (text: string) => string
}

/** JSON as JSON. */
export const PLAIN_JSON: JsonSpelling = {
  quote: '"',
  decode: (part) => part,
  whole: (text) => text,
}

/**
 * The elements of `text` when it is a JSON array of objects or arrays, each
 * parsed as the iteration reaches it (a SyntaxError then, from the element,
 * when it is not valid JSON); undefined when it is anything else.
 */
export function jsonListItems(text: string): Iterable<unknown> | undefined {
  const scan = new Scan(text, PLAIN_JSON)
  const list = scan.listSpans(scan.skipSpace(0))
  if (list === undefined || scan.skipSpace(list.end) !== text.length) return undefined
  return scan.elements(list.spans)
}

/** A top-level JSON object read member by member: some lists left to be parsed element by element. */
export interface JsonObjectMembers {
  /** Every other member, parsed. */
  members: Record<string, unknown>
  /** The members named in `lazy` whose value is a list of objects, parsed as they are iterated. */
  lists: Map<string, Iterable<unknown>>
}

/**
 * `text` as a JSON object whose members named in `lazy` are left as lists
 * parsed element by element (jsonListItems); undefined when it is not an
 * object, or not valid JSON outside those lists.
 */
export function jsonObjectMembers(
  text: string,
  lazy: readonly string[],
  spelling: JsonSpelling = PLAIN_JSON,
): JsonObjectMembers | undefined {
  const scan = new Scan(text, spelling)
  const members = new Map<string, unknown>()
  const lists = new Map<string, Iterable<unknown>>()
  // Object.fromEntries, not assignment: a "__proto__" member stays a member, as in JSON.parse.
  const done = (): JsonObjectMembers => ({ members: Object.fromEntries(members), lists })
  const n = text.length
  let i = scan.skipSpace(0)
  if (text.charCodeAt(i) !== OPEN_BRACE) return undefined
  i = scan.skipSpace(i + 1)
  if (text.charCodeAt(i) === CLOSE_BRACE) return scan.skipSpace(i + 1) === n ? done() : undefined
  try {
    for (;;) {
      if (!scan.isQuote(i)) return undefined
      const keyEnd = scan.stringEnd(i + spelling.quote.length)
      if (keyEnd === undefined) return undefined
      const key = scan.parse(i, keyEnd) as string
      i = scan.skipSpace(keyEnd)
      if (text.charCodeAt(i) !== COLON) return undefined
      const start = scan.skipSpace(i + 1)
      // A lazy list is scanned once, where it stands: its elements' spans are its end.
      const list = lazy.includes(key) ? scan.listSpans(start) : undefined
      const end = list?.end ?? scan.valueEnd(start)
      if (end === undefined) return undefined
      // A repeated key: the last one counts, as in JSON.parse.
      lists.delete(key)
      members.delete(key)
      if (list !== undefined) lists.set(key, scan.elements(list.spans))
      else members.set(key, scan.parse(start, end))
      i = scan.skipSpace(end)
      const next = text.charCodeAt(i)
      if (next === CLOSE_BRACE) return scan.skipSpace(i + 1) === n ? done() : undefined
      if (next !== COMMA) return undefined
      i = scan.skipSpace(i + 1)
    }
  } catch (error) {
    if (error instanceof SyntaxError) return undefined
    throw error
  }
}

const COLON = 58
const BACKSLASH = 92
const COMMA = 44
const OPEN_BRACE = 123
const CLOSE_BRACE = 125
const OPEN_BRACKET = 91
const CLOSE_BRACKET = 93

const isSpace = (code: number): boolean => code === 32 || code === 10 || code === 13 || code === 9

/** The scan of one text in one spelling: where values start and end. */
class Scan {
  /** The quote's code units, and the first of them. */
  private readonly quote: number[]
  private readonly open: number

  constructor(
    private readonly text: string,
    private readonly spelling: JsonSpelling,
  ) {
    this.quote = Array.from(spelling.quote, (unit) => unit.charCodeAt(0))
    this.open = this.quote[0] ?? -1
  }

  /** The text from `start` to `end`, decoded and parsed. */
  parse(start: number, end: number): unknown {
    return JSON.parse(this.spelling.decode(this.text.slice(start, end))) as unknown
  }

  /** The values at `spans`, each parsed as the iteration reaches it. */
  elements(spans: readonly number[]): Iterable<unknown> {
    const parse = (i: number): unknown => this.parse(spans[i] ?? 0, spans[i + 1] ?? 0)
    return {
      *[Symbol.iterator]() {
        for (let i = 0; i < spans.length; i += 2) yield parse(i)
      },
    }
  }

  isQuote(at: number): boolean {
    const quote = this.quote
    for (let k = 0; k < quote.length; k++) {
      if (this.text.charCodeAt(at + k) !== quote[k]) return false
    }
    return true
  }

  skipSpace(from: number): number {
    const text = this.text
    let i = from
    while (i < text.length && isSpace(text.charCodeAt(i))) i++
    return i
  }

  /**
   * The list starting at `start`, when its elements are objects or arrays:
   * where each starts and ends (exclusive, flat) and where the list ends
   * (after its `]`); undefined when it is anything else.
   */
  listSpans(start: number): { spans: number[]; end: number } | undefined {
    const text = this.text
    if (text.charCodeAt(start) !== OPEN_BRACKET) return undefined
    const spans: number[] = []
    let i = this.skipSpace(start + 1)
    if (text.charCodeAt(i) === CLOSE_BRACKET) return { spans, end: i + 1 }
    for (;;) {
      const first = text.charCodeAt(i)
      if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return undefined
      const end = this.elementEnd(i)
      if (end === undefined) return undefined
      spans.push(i, end)
      i = this.skipSpace(end)
      const next = text.charCodeAt(i)
      if (next === CLOSE_BRACKET) return { spans, end: i + 1 }
      if (next !== COMMA) return undefined
      i = this.skipSpace(i + 1)
    }
  }

  /** Where the value starting at `start` ends: an object, a list, a string, or a scalar. */
  valueEnd(start: number): number | undefined {
    const text = this.text
    const first = text.charCodeAt(start)
    if (first === OPEN_BRACE || first === OPEN_BRACKET) return this.elementEnd(start)
    if (this.isQuote(start)) return this.stringEnd(start + this.spelling.quote.length)
    let i = start
    while (i < text.length) {
      const code = text.charCodeAt(i)
      if (code === COMMA || code === CLOSE_BRACE || isSpace(code)) break
      i++
    }
    return i > start ? i : undefined
  }

  /** Where the object or array starting at `start` ends (after its closing bracket). */
  private elementEnd(start: number): number | undefined {
    const text = this.text
    const open = this.open
    const quoteLength = this.quote.length
    let depth = 0
    for (let i = start; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (code === open) {
        // Outside strings, the quote's first unit starts a quote or nothing valid.
        if (quoteLength > 1 && !this.isQuote(i)) return undefined
        const end = this.stringEnd(i + quoteLength)
        if (end === undefined) return undefined
        i = end - 1
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        depth++
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        depth--
        if (depth === 0) return i + 1
      }
    }
    return undefined
  }

  /** Where the string whose text starts at `from` ends (after its closing quote). */
  stringEnd(from: number): number | undefined {
    const text = this.text
    const quote = this.spelling.quote
    let i = from
    for (;;) {
      const at = text.indexOf(quote, i)
      if (at === -1) return undefined
      // Escaped when an odd number of backslashes comes before it.
      let backslashes = 0
      while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++
      if (backslashes % 2 === 0) return at + quote.length
      i = at + quote.length
    }
  }
}
