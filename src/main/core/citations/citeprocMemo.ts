// What citeproc-js computes of a work alone, kept across notes. A work's sort
// keys (for the bibliography's order and for the order inside a citation)
// are a function of the work and the style: citeproc-js renders the sort
// macros of the work with disambiguation and decorations switched off, and
// with no citation (so no position, no locator), and nothing of the note
// goes in, unless a key reads what the note decides: a work's number (IEEE
// sorts a citation's works by it) or its year suffix. Those sorts are not
// kept (see keptSorts). citeproc-js computes the keys again for every note,
// as each note starts a new registry whose works are parsed afresh
// (`retrieveItem` copies the CSL-JSON). Here they are kept per engine and per
// work revision (the CSL-JSON object the formatter hands over, the same
// object while the paper record is), so a work cited in an earlier note
// costs no sort keys in the next. `citationsEditing.test.ts` compares notes
// opened after other notes with a fresh engine running citeproc-js's own
// getSortKeys.
import CSL, { type Engine } from 'citeproc'

/** What a sort key may read that depends on the note, not the work alone. */
const NOTE_DEPENDENT = /citation-number|citation-label|year-suffix|first-reference-note-number/

/**
 * The sorts ("citation_sort", "bibliography_sort") whose keys depend on the
 * work alone in this style: no key, nor any macro a key calls (through
 * other macros too), reads what NOTE_DEPENDENT names.
 */
export function keptSorts(xml: string): Set<string> {
  const macros = new Map<string, string>()
  for (const [, name, body] of xml.matchAll(/<macro\s+name="([^"]*)"[^>]*>([\s\S]*?)<\/macro>/g)) {
    if (name !== undefined && body !== undefined) macros.set(name, body)
  }
  const dependent = (text: string, seen: Set<string>): boolean => {
    if (NOTE_DEPENDENT.test(text)) return true
    for (const [, name] of text.matchAll(/macro="([^"]*)"/g)) {
      if (name === undefined || seen.has(name)) continue
      seen.add(name)
      if (dependent(macros.get(name) ?? 'citation-number', seen)) return true
    }
    return false
  }
  const kept = new Set<string>()
  for (const area of ['citation', 'bibliography']) {
    const section = new RegExp(`<${area}[\\s>][\\s\\S]*?</${area}>`).exec(xml)?.[0]
    const sort = /<sort>([\s\S]*?)<\/sort>/.exec(section ?? '')?.[1]
    if (sort !== undefined && !dependent(sort, new Set())) kept.add(`${area}_sort`)
  }
  return kept
}

/** Each engine's sorts whose keys are kept, and the keys by work revision and sort. */
const memos = new WeakMap<
  Engine,
  { sorts: ReadonlySet<string>; keys: WeakMap<object, Map<string, readonly string[]>> }
>()

/**
 * Keeps the engine's sort keys per work revision: the CSL-JSON object the
 * application's retrieveItem returns for the work now, which is what the
 * item being sorted was parsed from (citeproc-js parses the works of each
 * update afresh, and an engine edits a note only while its works' objects
 * are the same).
 */
export function memoizeSortKeys(engine: Engine, sorts: ReadonlySet<string>): void {
  if (sorts.size === 0) return
  installSortKeyMemo()
  memos.set(engine, { sorts, keys: new WeakMap() })
}

let installed = false

function installSortKeyMemo(): void {
  if (installed) return
  installed = true
  const own = CSL.getSortKeys
  CSL.getSortKeys = function (this: Engine, item, keyType) {
    const memo = memos.get(this)
    if (memo === undefined || !memo.sorts.has(keyType)) return own.call(this, item, keyType)
    const source = this.sys.retrieveItem(String(item['id']))
    let kept = memo.keys.get(source)
    if (kept === undefined) {
      kept = new Map()
      memo.keys.set(source, kept)
    }
    const keys = kept.get(keyType)
    // A copy each time: citeproc-js may add to the list it is given (grouped sorts).
    if (keys !== undefined) return [...keys]
    const made = own.call(this, item, keyType)
    kept.set(keyType, [...made])
    return made
  }
}
