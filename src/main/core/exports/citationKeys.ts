// Citation keys of the usual authorYEARword form ("vaswani2017attention"):
// first author's family name, year, first significant title word, in ASCII.
// Stable: a paper imported with a key keeps it, and generated keys are decided
// over the whole library in the order papers were added, so exporting a subset
// gives each paper the same key as exporting everything. Unique: a clash gets
// a, b, c… appended, as Better BibTeX does.
import type { Paper } from '../../../shared/model'
import { splitName } from './personName'

const STOP_WORDS = new Set(
  'a an the on of in for and to with towards toward via is are from by at as or do does can what how why when your our'.split(
    ' ',
  ),
)

/** Lower-case ASCII letters and digits only: "Łódź" -> "lodz". */
export function asciiFold(text: string): string {
  return text
    .replace(/ß/g, 'ss')
    .replace(/[Łł]/g, 'l')
    .replace(/[Øø]/g, 'o')
    .replace(/[Ææ]/g, 'ae')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

export function baseCitationKey(paper: Pick<Paper, 'authors' | 'published' | 'title'>): string {
  const first = paper.authors[0]
  const author = first === undefined ? 'anon' : asciiFold(splitName(first).family) || 'anon'
  const year = /^\d{4}/.exec(paper.published ?? '')?.[0] ?? ''
  const word = paper.title
    .split(/[^\p{L}\p{N}]+/u)
    .map(asciiFold)
    .find((w) => w !== '' && !STOP_WORDS.has(w))
  return `${author}${year}${word ?? ''}`
}

/** A key BibTeX accepts: no spaces, braces, commas, quotes, #, %, ~ or backslashes. */
function isUsableKey(key: string): boolean {
  return /^[^\s{}(),"#%~\\=']+$/.test(key)
}

/** Key for every paper of `library` (all papers, in the order they were added). */
export function citationKeys(library: readonly Paper[]): Map<string, string> {
  const keys = new Map<string, string>()
  const taken = new Set<string>()
  // Imported keys first: they are what the user's LaTeX documents already cite.
  for (const paper of library) {
    const key = paper.citationKey
    if (key !== undefined && isUsableKey(key) && !taken.has(key.toLowerCase())) {
      keys.set(paper.id, key)
      taken.add(key.toLowerCase())
    }
  }
  for (const paper of library) {
    if (keys.has(paper.id)) continue
    const base = baseCitationKey(paper)
    let key = base
    for (let n = 0; taken.has(key.toLowerCase()); n++) key = base + suffix(n)
    keys.set(paper.id, key)
    taken.add(key.toLowerCase())
  }
  return keys
}

/** a, b, …, z, aa, ab, … */
function suffix(n: number): string {
  let s = ''
  let i = n
  do {
    s = String.fromCharCode(97 + (i % 26)) + s
    i = Math.floor(i / 26) - 1
  } while (i >= 0)
  return s
}
