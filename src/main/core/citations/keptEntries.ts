// Each work's bibliography entry, kept across notes and requests while the
// work (its CSL-JSON object), its number (where the style prints numbers)
// and its disambiguation (a year suffix, given names) stay the same: an entry
// depends on nothing else of the note. Not for a style whose entries depend
// on the entry before them (subsequent-author-substitute): there the
// bibliography is made whole each time.
import type { Engine } from 'citeproc'

export type OutputFormat = 'html' | 'text'

/** Bibliography entries kept, across notes (the least recently used go first). */
const KEPT_ENTRIES = 2000

/** The works in bibliography order, each one's entry state, and those to make. */
export interface EntryStates {
  order: string[]
  states: Map<string, string>
  wanted: string[]
}

export class KeptEntries {
  private readonly entries = new Map<string, { item: object; state: string; html: string }>()

  /** `numbered`: whether the style prints a work's number (if not, a number changed changes no entry). */
  constructor(
    private readonly engine: Engine,
    private readonly numbered: boolean,
  ) {}

  /** Entries by work in the engine's current state, those kept touched (the last to be dropped). */
  states(cited: ReadonlyMap<string, object | undefined>, output: OutputFormat): EntryStates {
    const order = this.engine.registry.getSortedIds()
    const states = new Map<string, string>()
    const wanted: string[] = []
    for (const id of order) {
      const registered = this.engine.registry.registry[id]
      const seq = this.numbered ? String(registered?.seq ?? '') : ''
      const state = `${output}\0${seq}\0${JSON.stringify(registered?.disambig ?? null)}`
      states.set(id, state)
      const entry = this.entries.get(id)
      if (entry === undefined || entry.item !== cited.get(id) || entry.state !== state) {
        wanted.push(id)
      } else {
        this.entries.delete(id)
        this.entries.set(id, entry)
      }
    }
    return { order, states, wanted }
  }

  /** Makes and keeps the entries of the works `ids`. */
  make(
    ids: readonly string[],
    states: ReadonlyMap<string, string>,
    cited: ReadonlyMap<string, object | undefined>,
  ): void {
    if (ids.length === 0) return
    for (const id of ids) this.entries.delete(id)
    const made = this.engine.makeBibliography({
      include: ids.map((id) => ({ field: 'id', value: id })),
    })
    if (made === false) return
    made[0].entry_ids.forEach((entryIds, index) => {
      const id = firstId(entryIds)
      const item = cited.get(id)
      const html = made[1][index]
      if (item === undefined || html === undefined) return
      this.entries.set(id, { item, state: states.get(id) ?? '', html: entryHtml(html) })
    })
  }

  /** The bibliography of the current state, its missing entries made. */
  bibliography(
    cited: ReadonlyMap<string, object | undefined>,
    output: OutputFormat,
  ): { bibliography: string[]; order: string[] } {
    const { order, states, wanted } = this.states(cited, output)
    this.make(wanted, states, cited)
    const bibliography: string[] = []
    const shown: string[] = []
    for (const id of order) {
      const entry = this.entries.get(id)
      if (entry === undefined) continue
      bibliography.push(entry.html)
      shown.push(id)
    }
    // Other notes' works are kept for a while (a note's own are the most recent).
    for (const id of this.entries.keys()) {
      if (this.entries.size <= Math.max(KEPT_ENTRIES, states.size)) break
      this.entries.delete(id)
    }
    return { bibliography, order: shown }
  }
}

/** The whole bibliography of the engine's current state, made afresh. */
export function wholeBibliography(engine: Engine): { bibliography: string[]; order: string[] } {
  const made = engine.makeBibliography()
  if (made === false) return { bibliography: [], order: [] }
  return { bibliography: made[1].map(entryHtml), order: made[0].entry_ids.map(firstId) }
}

/** citeproc-js indents its HTML with new lines: not part of the text. */
function entryHtml(entry: string): string {
  return entry.replace(/\n\s*/g, '').trim()
}

function firstId(ids: readonly string[]): string {
  return ids[0] ?? ''
}
