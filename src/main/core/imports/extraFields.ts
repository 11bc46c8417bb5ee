// The fields a paper gets from Hugging Face (and the author count of a page
// that gives no names) for which BibTeX, RIS and CSL-JSON have no field of
// their own. Exports write them as name/value pairs where each format keeps
// such things, under the same names everywhere: BibTeX fields (as Better
// BibTeX writes a Zotero item's `tex.name: value` extras), CSL-JSON's
// `custom` object (CSL 1.0.2: key-value data with no CSL variable), RIS `N1`
// notes ("name: value", as Zotero writes its Extra field), and the vault's
// front matter. Imports read them back from the same places; a value that
// does not parse as its kind is left out, never guessed.
import type { Paper } from '../../../shared/model'
import { isoDateOf } from './isoDate'
import type { ParsedRecord } from './parsedRecord'

export type ExtraKind = 'text' | 'count' | 'date' | 'url' | 'list'

/** Paper field, its name in every export, and what its value is. */
export const EXTRA_FIELDS = [
  ['organization', 'organization', 'text'],
  ['authorCount', 'authorcount', 'count'],
  ['dailyDate', 'hfdaily', 'date'],
  ['upvotes', 'hfupvotes', 'count'],
  ['comments', 'hfcomments', 'count'],
  ['githubRepo', 'github', 'url'],
  ['githubStars', 'githubstars', 'count'],
  ['projectPage', 'projectpage', 'url'],
  ['aiSummary', 'hfsummary', 'text'],
  ['aiKeywords', 'hfkeywords', 'list'],
] as const satisfies readonly (readonly [keyof Paper & keyof ParsedRecord, string, ExtraKind])[]

export type ExtraValue = string | number | string[]

/** An extra field with a value: its export name, the value, and what kind of value it is. */
export interface ExtraField {
  name: string
  value: ExtraValue
  kind: ExtraKind
}

/** The paper's extra fields that have a value, in EXTRA_FIELDS order. */
export function extraFieldsOf(paper: Paper): ExtraField[] {
  const out: ExtraField[] = []
  for (const [field, name, kind] of EXTRA_FIELDS) {
    const value = paper[field]
    if (value === undefined || value === '') continue
    // Every paper has upvotes; none is no news.
    if (field === 'upvotes' && value === 0) continue
    if (Array.isArray(value) && value.length === 0) continue
    // A count the names already give says nothing.
    if (field === 'authorCount' && typeof value === 'number' && value <= paper.authors.length)
      continue
    out.push({ name, value: Array.isArray(value) ? [...value] : value, kind })
  }
  return out
}

/** A list value as one line of text (BibTeX, RIS, where values are text). */
export function listText(value: ExtraValue): string {
  return Array.isArray(value) ? value.join('; ') : String(value)
}

function parsed(kind: ExtraKind, value: unknown): ExtraValue | undefined {
  if (kind === 'list') {
    const items = Array.isArray(value)
      ? value.filter((item): item is string => typeof item === 'string')
      : typeof value === 'string'
        ? value.split(';')
        : []
    const list = items.map((item) => item.trim()).filter((item) => item !== '')
    return list.length > 0 ? list : undefined
  }
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : ''
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  switch (kind) {
    case 'count':
      return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : undefined
    case 'date': {
      const iso = isoDateOf(trimmed)
      return iso !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : undefined
    }
    case 'url':
      return /^https?:\/\/\S+$/.test(trimmed) ? trimmed : undefined
    case 'text':
      return trimmed.replace(/\s+/g, ' ')
  }
}

/**
 * Sets on `record` the extra fields `valueOf` finds (by export name), each
 * only when it parses as its kind.
 */
export function readExtraFields(
  record: ParsedRecord,
  valueOf: (name: string, kind: ExtraKind) => unknown,
): void {
  for (const [field, name, kind] of EXTRA_FIELDS) {
    const value = parsed(kind, valueOf(name, kind))
    if (value === undefined) continue
    ;(record as Record<string, unknown>)[field] = value
  }
}

/** "name: value" lines (RIS N1 notes, Zotero's Extra) as a lookup by lower-case name. */
export function extraLines(lines: readonly string[]): Map<string, string> {
  const names = new Set<string>(EXTRA_FIELDS.map(([, name]) => name))
  const found = new Map<string, string>()
  for (const line of lines) {
    const match = /^\s*([A-Za-z]+)\s*:\s*(.*)$/s.exec(line)
    const name = match?.[1]?.toLowerCase()
    if (name !== undefined && names.has(name) && !found.has(name)) found.set(name, match?.[2] ?? '')
  }
  return found
}
