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

const QUOTE = 34
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
