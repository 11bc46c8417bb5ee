// JSON text in pieces: what JSON.stringify(value) returns, to the character,
// as a sequence of strings whose concatenation is that text. Long arrays (a
// change set of an import holds 100,000 papers) and objects with many keys (its
// revisions, by id) come BATCH elements at a time, so a writer can send them to
// disk in chunks without ever holding the whole text, or a Buffer copy of it,
// in memory; a batch is one JSON.stringify call, not one per element.

/** Arrays at least this long are split into their elements; shorter ones are one piece. */
const SPLIT_FROM = 64
/** Elements of a long array, or entries of a large object, serialized in one piece. */
export const JSON_PIECE_BATCH = 64
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
    for (let i = 0; i < value.length; i += JSON_PIECE_BATCH) {
      // The comma is a piece of its own: joined to the batch, it would make a
      // string the writer must copy whole (flatten) before encoding it.
      if (i > 0) yield ','
      yield JSON.stringify(value.slice(i, i + JSON_PIECE_BATCH)).slice(1, -1)
    }
    yield ']'
    return
  }
  const entries = Object.entries(value)
  if (entries.length >= SPLIT_FROM) {
    yield* entryBatches(entries)
    return
  }
  yield '{'
  let first = true
  for (const [key, item] of entries) {
    // What JSON.stringify leaves out of an object.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue
    yield `${first ? '' : ','}${JSON.stringify(key)}:`
    first = false
    yield* jsonPieces(item, depth + 1)
  }
  yield '}'
}

/**
 * A large object's entries, a batch per piece. A batch re-made as an object
 * keeps their order: integer-like keys come first, ascending, in both.
 */
function* entryBatches(entries: [string, unknown][]): Generator<string> {
  yield '{'
  let first = true
  for (let i = 0; i < entries.length; i += JSON_PIECE_BATCH) {
    const batch = JSON.stringify(Object.fromEntries(entries.slice(i, i + JSON_PIECE_BATCH)))
    // '{}': every value of the batch is one JSON.stringify leaves out.
    if (batch.length === 2) continue
    if (!first) yield ','
    yield batch.slice(1, -1)
    first = false
  }
  yield '}'
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function'
}
