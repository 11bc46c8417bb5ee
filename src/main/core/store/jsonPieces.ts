// JSON text in pieces, as UTF-8 bytes: what JSON.stringify(value) returns,
// encoded, to the byte, as a sequence of Buffers whose concatenation is that
// text. Long arrays (a change set of an import holds 100,000 papers) and
// objects with many keys (its revisions, by id) come BATCH elements at a time,
// so a writer can send them to disk in chunks without ever holding the whole
// text, or a Buffer copy of it, in memory; a batch is one JSON.stringify call,
// not one per element.
//
// A batch is serialized as a list (or an object) and encoded whole; its
// brackets are then cut from the bytes, not from the text: a string of
// megabytes that JSON.stringify returns is built in parts, and cutting it as
// a string would copy it once more, to flatten it, before it is encoded.

/** Arrays at least this long are split into their elements; shorter ones are one piece. */
const SPLIT_FROM = 64
/** Elements of a long array, or entries of a large object, serialized in one piece. */
export const JSON_PIECE_BATCH = 64
/** Objects and arrays this deep are still looked into (a change set's lists); deeper ones are one piece. */
const MAX_DEPTH = 2

const OPEN_BRACKET = Buffer.from('[')
const CLOSE_BRACKET = Buffer.from(']')
const OPEN_BRACE = Buffer.from('{')
const CLOSE_BRACE = Buffer.from('}')
const COMMA = Buffer.from(',')

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8')

/** The bytes of a batch's JSON (a list or an object) without its brackets. */
const inner = (json: string): Buffer => utf8(json).subarray(1, -1)

export function* jsonPieces(value: unknown, depth = 0): Generator<Buffer> {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null || hasToJson(value)) {
    yield utf8(JSON.stringify(value) ?? 'null')
    return
  }
  if (Array.isArray(value)) {
    if (value.length < SPLIT_FROM) {
      yield utf8(JSON.stringify(value))
      return
    }
    yield OPEN_BRACKET
    for (let i = 0; i < value.length; i += JSON_PIECE_BATCH) {
      if (i > 0) yield COMMA
      yield inner(JSON.stringify(value.slice(i, i + JSON_PIECE_BATCH)))
    }
    yield CLOSE_BRACKET
    return
  }
  const entries = Object.entries(value)
  if (entries.length >= SPLIT_FROM) {
    yield* entryBatches(entries)
    return
  }
  yield OPEN_BRACE
  let first = true
  for (const [key, item] of entries) {
    // What JSON.stringify leaves out of an object.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue
    yield utf8(`${first ? '' : ','}${JSON.stringify(key)}:`)
    first = false
    yield* jsonPieces(item, depth + 1)
  }
  yield CLOSE_BRACE
}

/**
 * A large object's entries, a batch per piece. A batch re-made as an object
 * keeps their order: integer-like keys come first, ascending, in both.
 */
function* entryBatches(entries: [string, unknown][]): Generator<Buffer> {
  yield OPEN_BRACE
  let first = true
  for (let i = 0; i < entries.length; i += JSON_PIECE_BATCH) {
    const batch = JSON.stringify(Object.fromEntries(entries.slice(i, i + JSON_PIECE_BATCH)))
    // '{}': every value of the batch is one JSON.stringify leaves out.
    if (batch.length === 2) continue
    if (!first) yield COMMA
    yield inner(batch)
    first = false
  }
  yield CLOSE_BRACE
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function'
}
