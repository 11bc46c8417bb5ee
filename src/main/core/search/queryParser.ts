// The search box's query language, parsed into clauses. Pure and total: any
// string gives a query, never an error (a qualifier we do not understand is
// searched as words, which is what the user would see in the text anyway).
//
//   tool retrieval        words, all required, in any field (prefix and typo tolerant)
//   "tool retrieval"      a phrase: these words, adjacent, in this order
//   -survey  -"a b"       exclude papers containing the word or phrase
//   title:tool  author:"Ada Lovelace"  tag:rl        words restricted to one field
//   in:"Collection name"  is:unread|reading|read|starred  has:note
//   year:2024  year:2023..2025  year:2023..  year:..2025
// Any qualifier can be negated: -is:read, -in:Inbox.
import type { ReadingStatus } from '../../../shared/model'
import { wordsOf } from './textTokens'

/** Fields a word can be restricted to with a qualifier. */
export type QueryField = 'title' | 'authors' | 'tags'

export type QueryClause =
  | {
      kind: 'text'
      /** Folded words; more than one means they must be adjacent (a phrase). */
      words: string[]
      /** Quoted, or one typed token that splits into several words ("GPT-4"). */
      phrase: boolean
      field?: QueryField
      negated: boolean
    }
  | { kind: 'status'; status: ReadingStatus; negated: boolean }
  | { kind: 'starred'; negated: boolean }
  | { kind: 'has-note'; negated: boolean }
  | { kind: 'year'; from: number; to: number; negated: boolean }
  | { kind: 'collection'; name: string; negated: boolean }

export interface ParsedQuery {
  clauses: QueryClause[]
}

const FIELD_QUALIFIERS: Record<string, QueryField> = {
  title: 'title',
  author: 'authors',
  tag: 'tags',
}
const STATUSES: Record<string, ReadingStatus> = {
  unread: 'unread',
  reading: 'reading',
  read: 'read',
}
const MIN_YEAR = 0
const MAX_YEAR = 9999

interface RawItem {
  negated: boolean
  /** `key` of key:value, lower-cased, when the item had one. */
  key?: string
  value: string
  quoted: boolean
}

export function parseQuery(input: string): ParsedQuery {
  const clauses: QueryClause[] = []
  for (const item of splitItems(input)) {
    const clause = item.key === undefined ? undefined : qualifierClause(item, item.key)
    if (clause !== undefined) {
      clauses.push(clause)
      continue
    }
    // Plain words, or a qualifier we do not know: its key and value are searched as words.
    if (item.key !== undefined) pushText(clauses, item.key, false, item.negated)
    pushText(clauses, item.value, item.quoted, item.negated)
  }
  return { clauses }
}

function pushText(clauses: QueryClause[], text: string, quoted: boolean, negated: boolean): void {
  const words = wordsOf(text)
  if (words.length === 0) return
  clauses.push({ kind: 'text', words, phrase: quoted || words.length > 1, negated })
}

function qualifierClause(item: RawItem, key: string): QueryClause | undefined {
  const { negated, value } = item
  if (value.trim() === '') return undefined
  const field = FIELD_QUALIFIERS[key]
  if (field !== undefined) {
    const words = wordsOf(value)
    if (words.length === 0) return undefined
    return { kind: 'text', words, phrase: item.quoted || words.length > 1, field, negated }
  }
  const lower = value.toLowerCase()
  switch (key) {
    case 'is': {
      if (lower === 'starred') return { kind: 'starred', negated }
      const status = STATUSES[lower]
      return status === undefined ? undefined : { kind: 'status', status, negated }
    }
    case 'has':
      return lower === 'note' || lower === 'notes' ? { kind: 'has-note', negated } : undefined
    case 'year': {
      const range = parseYearRange(lower)
      return range === undefined ? undefined : { kind: 'year', ...range, negated }
    }
    case 'in':
      return { kind: 'collection', name: value.trim(), negated }
    default:
      return undefined
  }
}

/** "2024", "2023..2025", "2023..", "..2025" -> an inclusive range; anything else -> undefined. */
export function parseYearRange(text: string): { from: number; to: number } | undefined {
  const match = /^(\d{4})?(?:(\.\.)(\d{4})?)?$/.exec(text)
  if (match === null) return undefined
  const [, first, dots, second] = match
  if (first === undefined && second === undefined) return undefined
  if (dots === undefined) {
    const year = Number(first)
    return { from: year, to: year }
  }
  const from = first === undefined ? MIN_YEAR : Number(first)
  const to = second === undefined ? MAX_YEAR : Number(second)
  return from <= to ? { from, to } : { from: to, to: from }
}

/**
 * Splits the input at whitespace outside quotes. `-` before an item negates it;
 * `key:` before a value (quoted or not) makes it a qualifier candidate. An
 * unterminated quote runs to the end of the input.
 */
function splitItems(input: string): RawItem[] {
  const items: RawItem[] = []
  let i = 0
  const length = input.length
  while (i < length) {
    while (i < length && /\s/.test(input[i] ?? '')) i++
    if (i >= length) break
    const itemStart = i
    let negated = false
    if (input[i] === '-' && i + 1 < length && !/\s/.test(input[i + 1] ?? '')) {
      negated = true
      i++
    }
    let key: string | undefined
    const keyMatch = /^([A-Za-z]+):/.exec(input.slice(i, i + 20))
    if (keyMatch?.[1] !== undefined) {
      key = keyMatch[1].toLowerCase()
      i += keyMatch[0].length
    }
    let value: string
    let quoted = false
    if (input[i] === '"') {
      quoted = true
      const close = input.indexOf('"', i + 1)
      const end = close === -1 ? length : close
      value = input.slice(i + 1, end)
      i = close === -1 ? length : close + 1
    } else {
      const start = i
      while (i < length && !/\s/.test(input[i] ?? '')) i++
      value = input.slice(start, i)
    }
    if (itemStart === i) i++ // cannot happen, but never loop forever
    const item: RawItem = { negated, value, quoted }
    if (key !== undefined) item.key = key
    items.push(item)
  }
  return items
}
