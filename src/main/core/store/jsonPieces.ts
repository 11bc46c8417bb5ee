// JSON text in pieces: what JSON.stringify(value) returns, to the character,
// as a sequence of strings whose concatenation is that text. Long arrays (a
// change set of an import holds 100,000 papers) come an element at a time, so
// a writer can send them to disk in chunks without ever holding the whole
// text, or a Buffer copy of it, in memory.

/** Arrays at least this long are split into their elements; shorter ones are one piece. */
const SPLIT_FROM = 64
/** Objects and arrays this deep are still looked into (a change set's lists); deeper ones are one piece. */
const MAX_DEPTH = 2

export function* jsonPieces(value: unknown, depth = 0): Generator<string> {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null || hasToJson(value)) {
    yield JSON.stringify(value) ?? 'null'
    return
  }
  if (Array.isArray(value)) {
    if (value.length < SPLIT_FROM) {
      yield JSON.stringify(value)
      return
    }
    yield '['
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ','
      yield* jsonPieces(value[i] as unknown, depth + 1)
    }
    yield ']'
    return
  }
  yield '{'
  let first = true
  for (const [key, item] of Object.entries(value)) {
    // What JSON.stringify leaves out of an object.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue
    yield `${first ? '' : ','}${JSON.stringify(key)}:`
    first = false
    yield* jsonPieces(item, depth + 1)
  }
  yield '}'
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function'
}
