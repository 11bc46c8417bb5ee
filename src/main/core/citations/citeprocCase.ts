// citeproc-js changes a string's case in the languages of the text at hand
// (`str.toLocaleLowerCase(state.tmp.lang_array)`), thousands of times a note:
// sort keys, name initials, title case. V8 canonicalises a list of locales on
// every such call, some fifty times the cost of the case change itself
// (a fifth of a note's formatting in APA). The language chosen is the list's
// first (ECMA-402: TransformCase takes the first requested locale; an empty
// list means the default locale), so asking with that one string gives the
// very same text. A list with a malformed tag anywhere throws, and citeproc-js
// falls back to the plain case change: each distinct list is checked once.
// Sorting likewise: `a.localeCompare(b, locale, options)` builds a collator
// on every comparison (ECMA-402 says so); one collator per locale, kept,
// compares the same.
import CSL, { type CaseState } from 'citeproc'

/** Each list of languages met: its first, or null when the list is malformed. */
const chosen = new Map<string, string | undefined | null>()

function firstOf(languages: readonly string[] | undefined): string | undefined | null {
  if (languages === undefined || languages.length === 0) return undefined
  const key = languages.join('\0')
  let first = chosen.get(key)
  if (first === undefined && !chosen.has(key)) {
    try {
      Intl.getCanonicalLocales([...languages])
      first = languages[0]
    } catch {
      first = null
    }
    chosen.set(key, first)
  }
  return first
}

/** citeproc-js's sort order: case- and accent-blind, punctuation ignored, numbers by value. */
const SORT_OPTIONS: Intl.CollatorOptions = {
  sensitivity: 'base',
  ignorePunctuation: true,
  numeric: true,
}
const collators = new Map<string, Intl.Collator>()

function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale)
  if (collator === undefined) {
    collator = new Intl.Collator(locale, SORT_OPTIONS)
    collators.set(locale, collator)
  }
  return collator
}

/** citeproc-js's getSortCompare with its collator kept (its own code, but for that). */
function getSortCompare(this: CaseState, locale?: string): (a: string, b: string) => number {
  if (CSL.stringCompare !== undefined) return CSL.stringCompare
  const collator = collatorFor(locale === undefined || locale === '' ? 'en-US' : locale)
  const strcmp = (a: string, b: string): number =>
    collator.compare(CSL.toLocaleLowerCase.call(this, a), CSL.toLocaleLowerCase.call(this, b))
  // Brackets are set aside first, unless the collator ignores them already.
  if (strcmp('[x', 'x') === 0) return strcmp
  const stripPunct = (text: string): string => text.replace(/^[[\]'"]*/g, '')
  return (a, b) => strcmp(stripPunct(a), stripPunct(b))
}

let installed = false

/** Once per process: citeproc-js's case changes, same results, without the per-call cost. */
export function installCiteprocCase(): void {
  if (installed) return
  installed = true
  CSL.toLocaleLowerCase = function (this, text) {
    const language = firstOf(this.tmp.lang_array)
    if (language === null) return text.toLowerCase()
    return text.toLocaleLowerCase(language)
  }
  CSL.toLocaleUpperCase = function (this, text) {
    const language = firstOf(this.tmp.lang_array)
    if (language === null) return text.toUpperCase()
    return text.toLocaleUpperCase(language)
  }
  CSL.getSortCompare = getSortCompare
}
