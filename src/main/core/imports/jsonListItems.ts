// A top-level JSON array of objects, parsed an element at a time. JSON.parse of
// a whole 11 MB API answer builds one parse tree that lives until the last
// record is made from it, so every young-generation collection on the way
// copies it; parsed element by element, each element's tree is dropped as soon
// as its record is made. A quick scan (strings are skipped with indexOf) finds
// where the elements are; anything but `[ {…} , {…} ]` (a scalar element, text
// after the array) is left to JSON.parse of the whole, and so is any element
// that is not valid JSON: the caller parses the whole text again, for
// JSON.parse's own error.

/**
 * The elements of `text` when it is a JSON array of objects or arrays, each
 * parsed as the iteration reaches it (a SyntaxError then, from the element,
 * when it is not valid JSON); undefined when it is anything else.
 */
export function jsonListItems(text: string): Iterable<unknown> | undefined {
  const spans = elementSpans(text)
  if (spans === undefined) return undefined
  return {
    *[Symbol.iterator]() {
      for (let i = 0; i < spans.length; i += 2) {
        yield JSON.parse(text.slice(spans[i], spans[i + 1])) as unknown
      }
    },
  }
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
): JsonObjectMembers | undefined {
  const members = new Map<string, unknown>()
  const lists = new Map<string, Iterable<unknown>>()
  // Object.fromEntries, not assignment: a "__proto__" member stays a member, as in JSON.parse.
  const done = (): JsonObjectMembers => ({ members: Object.fromEntries(members), lists })
  const n = text.length
  let i = skipSpace(text, 0)
  if (text.charCodeAt(i) !== OPEN_BRACE) return undefined
  i = skipSpace(text, i + 1)
  if (text.charCodeAt(i) === CLOSE_BRACE) return skipSpace(text, i + 1) === n ? done() : undefined
  try {
    for (;;) {
      if (text.charCodeAt(i) !== QUOTE) return undefined
      const keyEnd = stringEnd(text, i + 1)
      if (keyEnd === undefined) return undefined
      const key = JSON.parse(text.slice(i, keyEnd + 1)) as string
      i = skipSpace(text, keyEnd + 1)
      if (text.charCodeAt(i) !== COLON) return undefined
      const start = skipSpace(text, i + 1)
      const end = valueEnd(text, start)
      if (end === undefined) return undefined
      const value = text.slice(start, end)
      const items = lazy.includes(key) ? jsonListItems(value) : undefined
      // A repeated key: the last one counts, as in JSON.parse.
      lists.delete(key)
      members.delete(key)
      if (items !== undefined) lists.set(key, items)
      else members.set(key, JSON.parse(value) as unknown)
      i = skipSpace(text, end)
      const next = text.charCodeAt(i)
      if (next === CLOSE_BRACE) return skipSpace(text, i + 1) === n ? done() : undefined
      if (next !== COMMA) return undefined
      i = skipSpace(text, i + 1)
    }
  } catch (error) {
    if (error instanceof SyntaxError) return undefined
    throw error
  }
}

/** Where the value starting at `start` ends: an object, a list, a string, or a scalar. */
function valueEnd(text: string, start: number): number | undefined {
  const first = text.charCodeAt(start)
  if (first === OPEN_BRACE || first === OPEN_BRACKET) return elementEnd(text, start)
  if (first === QUOTE) {
    const close = stringEnd(text, start + 1)
    return close === undefined ? undefined : close + 1
  }
  let i = start
  while (i < text.length) {
    const code = text.charCodeAt(i)
    if (code === COMMA || code === CLOSE_BRACE || isSpace(code)) break
    i++
  }
  return i > start ? i : undefined
}

const QUOTE = 34
const COLON = 58
const BACKSLASH = 92
const COMMA = 44
const OPEN_BRACE = 123
const CLOSE_BRACE = 125
const OPEN_BRACKET = 91
const CLOSE_BRACKET = 93

const isSpace = (code: number): boolean => code === 32 || code === 10 || code === 13 || code === 9

/** Start and end (exclusive) of each element, flat; undefined when the text is not such a list. */
function elementSpans(text: string): number[] | undefined {
  const n = text.length
  let i = skipSpace(text, 0)
  if (text.charCodeAt(i) !== OPEN_BRACKET) return undefined
  const spans: number[] = []
  i = skipSpace(text, i + 1)
  if (text.charCodeAt(i) === CLOSE_BRACKET) return skipSpace(text, i + 1) === n ? spans : undefined
  for (;;) {
    const first = text.charCodeAt(i)
    if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return undefined
    const end = elementEnd(text, i)
    if (end === undefined) return undefined
    spans.push(i, end)
    i = skipSpace(text, end)
    const next = text.charCodeAt(i)
    if (next === CLOSE_BRACKET) return skipSpace(text, i + 1) === n ? spans : undefined
    if (next !== COMMA) return undefined
    i = skipSpace(text, i + 1)
  }
}

function skipSpace(text: string, from: number): number {
  let i = from
  while (i < text.length && isSpace(text.charCodeAt(i))) i++
  return i
}

/** Where the object or array starting at `start` ends (after its closing bracket). */
function elementEnd(text: string, start: number): number | undefined {
  let depth = 0
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === QUOTE) {
      const close = stringEnd(text, i + 1)
      if (close === undefined) return undefined
      i = close
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--
      if (depth === 0) return i + 1
    }
  }
  return undefined
}

/** The closing quote of the string whose text starts at `from`. */
function stringEnd(text: string, from: number): number | undefined {
  let i = from
  for (;;) {
    const quote = text.indexOf('"', i)
    if (quote === -1) return undefined
    // Escaped when an odd number of backslashes comes before it.
    let backslashes = 0
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++
    if (backslashes % 2 === 0) return quote
    i = quote + 1
  }
}
