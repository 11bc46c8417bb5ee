// Crossref inheritance with biber's default rules (biblatex manual, appendix
// "Default Crossref Setup"): a child gets every field of its parent it lacks,
// except the parent's identity fields; a container's title becomes the child's
// booktitle (or maintitle, or journaltitle) instead of its title. Applied
// after the whole file is read, so a parent may come before or after its child.

/** Fields never inherited (biber: `* → *` … `→ none`). */
const NEVER = new Set([
  'ids',
  'crossref',
  'xref',
  'entryset',
  'entrysubtype',
  'execute',
  'label',
  'options',
  'presort',
  'related',
  'relatedoptions',
  'relatedstring',
  'relatedtype',
  'shorthand',
  'shorthandintro',
  'sortkey',
])

interface Rule {
  parents: readonly string[]
  children: readonly string[]
  /** Parent field → the child's fields it fills ([] = not inherited). */
  fields: Readonly<Record<string, readonly string[]>>
}

const titleTo = (prefix: string): Rule['fields'] => ({
  title: [`${prefix}title`],
  subtitle: [`${prefix}subtitle`],
  titleaddon: [`${prefix}titleaddon`],
  shorttitle: [],
  sorttitle: [],
  indextitle: [],
  indexsorttitle: [],
})

const RULES: readonly Rule[] = [
  {
    parents: ['mvbook', 'book'],
    children: ['inbook', 'bookinbook', 'suppbook'],
    fields: { author: ['author', 'bookauthor'] },
  },
  {
    parents: ['mvbook'],
    children: ['book', 'inbook', 'bookinbook', 'suppbook'],
    fields: titleTo('main'),
  },
  {
    parents: ['mvcollection', 'mvreference'],
    children: ['collection', 'reference', 'incollection', 'inreference', 'suppcollection'],
    fields: titleTo('main'),
  },
  {
    parents: ['mvproceedings'],
    children: ['proceedings', 'inproceedings'],
    fields: titleTo('main'),
  },
  { parents: ['book'], children: ['inbook', 'bookinbook', 'suppbook'], fields: titleTo('book') },
  {
    parents: ['collection', 'reference'],
    children: ['incollection', 'inreference', 'suppcollection'],
    fields: titleTo('book'),
  },
  { parents: ['proceedings'], children: ['inproceedings'], fields: titleTo('book') },
  { parents: ['periodical'], children: ['article', 'suppperiodical'], fields: titleTo('journal') },
]

/** BibTeX's names for biber's types. */
const ALIASES: Readonly<Record<string, string>> = { conference: 'inproceedings' }

function biberType(type: string): string {
  return ALIASES[type] ?? type
}

/** A parent field's targets in a child of this type pair (the field itself by default). */
function targetsOf(parentType: string, childType: string, field: string): readonly string[] {
  if (NEVER.has(field)) return []
  const parent = biberType(parentType)
  const child = biberType(childType)
  for (const rule of RULES) {
    const mapped = rule.fields[field]
    if (mapped !== undefined && rule.parents.includes(parent) && rule.children.includes(child)) {
      return mapped
    }
  }
  return [field]
}

/** Entry types that are containers: a crossref'd one is part of its children, not a paper. */
export const CONTAINER_TYPES: ReadonlySet<string> = new Set([
  'proceedings',
  'mvproceedings',
  'collection',
  'mvcollection',
  'book',
  'mvbook',
  'reference',
  'mvreference',
  'periodical',
])

export interface Inheriting<V> {
  type: string
  fields: Map<string, V>
}

/** Fills the child's missing fields from its parent, with biber's rules. */
export function inheritFields<V>(child: Inheriting<V>, parent: Inheriting<V>): void {
  for (const [field, value] of parent.fields) {
    for (const target of targetsOf(parent.type, child.type, field)) {
      if (!child.fields.has(target)) child.fields.set(target, value)
    }
  }
}

/**
 * Resolves every `crossref` among `entries` (keys compared case-insensitively),
 * and returns the parents that are containers, to be left out as papers.
 */
export function resolveCrossrefs<E extends Inheriting<unknown> & { key: string }>(
  entries: readonly E[],
  crossrefOf: (entry: E) => string | undefined,
): Set<E> {
  const absorbed = new Set<E>()
  // Most files have no crossref: nothing to index.
  if (!entries.some((entry) => crossrefOf(entry) !== undefined)) return absorbed
  const byKey = new Map<string, E>()
  for (const entry of entries) {
    const key = entry.key.toLowerCase()
    if (!byKey.has(key)) byKey.set(key, entry)
  }
  const done = new Set<E>()
  // A parent may itself have a parent: resolve it first (a cycle stops where it closes).
  const resolve = (entry: E): void => {
    if (done.has(entry)) return
    done.add(entry)
    const parentKey = crossrefOf(entry)
    const parent = parentKey === undefined ? undefined : byKey.get(parentKey.trim().toLowerCase())
    if (parent === undefined || parent === entry) return
    resolve(parent)
    inheritFields(entry, parent)
    if (CONTAINER_TYPES.has(parent.type)) absorbed.add(parent)
  }
  for (const entry of entries) resolve(entry)
  return absorbed
}
