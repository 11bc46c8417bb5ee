// One CSL style, loaded into citeproc-js (the processor Zotero, Mendeley and
// Zettlr use), formatting a document's citations and its bibliography in one
// pass. Items are the cited papers as CSL-JSON, looked up by paper id.
// citeproc-js needs no eval; it runs here in the core all the same (see the
// README's "Citations"), so the window's CSP never has to allow it anything.
import CSL from 'citeproc'
import type { CiteprocCitation, CiteprocCitationItem, Engine } from 'citeproc'
import type { CitationRequest } from '../../../shared/model'
import { BadInputError } from '../kernel/errors'
import { installCiteprocCase } from './citeprocCase'
import { keptSorts, memoizeSortKeys } from './citeprocMemo'

/** A citation whose works are all known, with the ids of its papers. */
export interface ResolvedCitation {
  mode: CitationRequest['mode']
  items: Array<Omit<CitationRequest['items'][number], 'key'> & { paperId: string }>
}

export interface EngineOutput {
  /** One string per citation, in order ('' for a citation with no known work). */
  citations: string[]
  bibliography: string[]
  /** Paper ids in bibliography order. */
  order: string[]
}

export type OutputFormat = 'html' | 'text'

/** What citeproc-js writes for a part of a citation that the style does not print. */
const NO_PRINTED_FORM = '[NO_PRINTED_FORM]'

/** Clusters added or removed since the last request, beyond which the note is formatted afresh. */
const MAX_EDITS = 8
/** citeproc-js's flag: every cited work is registered already (the works did not change). */
const ASSUME_ALL_ITEMS_REGISTERED = 2
/** Notes whose state is kept besides the current note's, so going back to one is an edit. */
const KEPT_NOTES = 3
/** Bibliography entries kept, across notes (the least recently used go first). */
const KEPT_ENTRIES = 2000

/** What the engine last registered and rendered, to answer the next request from. */
interface Rendered {
  output: OutputFormat
  /** The cited works in order of first citation, each as the object citeproc-js was given. */
  items: Map<string, Record<string, unknown> | undefined>
  /** The clusters' citationIDs in document order (one per cluster content and occurrence). */
  ids: string[]
  /** citeproc-js's text of each cluster, by citationID. */
  texts: Map<string, string>
  bibliography: Omit<EngineOutput, 'citations'>
}

/**
 * A note's state in the engine: citeproc-js's processor state (what its own
 * restoreProcessorState resets: the registry of works and clusters, the
 * disambiguation, the working state) with our answer from it.
 */
interface NoteState {
  processor: Pick<Engine, 'registry' | 'tmp' | 'disambiguate'>
  last: Rendered
  clusterIds: Map<string, string>
}

export class CslEngine {
  private readonly engine: Engine
  private items: (id: string) => Record<string, unknown> | undefined = () => undefined
  private last: Rendered | undefined
  /** A citationID for each cluster content and its occurrence ("JSON\0n"), stable across requests. */
  private clusterIds = new Map<string, string>()
  private nextClusterId = 0
  /** Other notes' states, the most recently used first (KEPT_NOTES at most). */
  private kept: NoteState[] = []
  /**
   * Each work's bibliography entry, kept while the work (its object), its
   * place in the registry (its number) and its disambiguation (a year
   * suffix, given names) stay the same. Not for a style whose entries depend
   * on the entry before them (subsequent-author-substitute).
   */
  private readonly entries: Map<string, { item: object; state: string; html: string }> | undefined
  /** Whether the style prints a work's number: if not, a number changed changes no entry. */
  private readonly numbered: boolean
  /** A style with no disambiguation at all: see keepRefreshedClusters. */
  private readonly unambiguous: boolean

  constructor(xml: string, locale: string) {
    installCiteprocCase()
    try {
      this.engine = new CSL.Engine(
        {
          retrieveLocale: () => locale,
          retrieveItem: (id) => this.items(id) ?? { id, type: 'document', title: id },
        },
        xml,
        'en-US',
        true,
      )
    } catch (error) {
      throw new BadInputError(`The style could not be read: ${String(error)}`)
    }
    if (!xml.includes('subsequent-author-substitute')) this.entries = new Map()
    this.numbered = xml.includes('citation-number')
    this.unambiguous = !/disambiguat/.test(xml)
    if (this.unambiguous) keepRefreshedClusters(this.engine)
    memoizeSortKeys(this.engine, keptSorts(xml))
  }

  /**
   * The citations and the bibliography of the cited works, in the style.
   * `items` gives each cited paper as CSL-JSON (the same object for an
   * unchanged paper: that is how the engine knows its last answer still
   * holds); `authorsOf` names a paper's authors for an in-text citation in a
   * style that has no such form (IEEE: "Doe [1]").
   *
   * citeproc-js keeps its state between calls, as in a word processor: the
   * clusters added since the last request (an edited citation is one removed
   * and one added) go through processCitationCluster, which also gives the
   * other clusters whose text changes (numbers, disambiguation); the
   * bibliography is built again only when the works cited or their order
   * changed. A paper whose record changed, or many clusters changed, and the
   * note is formatted afresh.
   */
  format(
    citations: readonly ResolvedCitation[],
    items: (paperId: string) => Record<string, unknown> | undefined,
    authorsOf: (paperId: string) => string,
    output: OutputFormat,
  ): EngineOutput {
    this.items = items
    const clusters: CiteprocCitation[] = []
    const contents: string[] = []
    const positions: number[] = []
    const seen = new Map<string, number>()
    citations.forEach((citation, index) => {
      if (citation.items.length === 0) return
      positions.push(index)
      const composite = citation.mode === 'in-text'
      const cluster: CiteprocCitation = {
        citationID: '',
        citationItems: citation.items.map((item) => itemOf(item)),
        properties: composite ? { noteIndex: 0, mode: 'composite' } : { noteIndex: 0 },
      }
      const json = JSON.stringify(cluster)
      const occurrence = (seen.get(json) ?? 0) + 1
      seen.set(json, occurrence)
      contents.push(`${json}\0${occurrence}`)
      clusters.push(cluster)
    })
    this.resume(contents)
    const ids = new Map<string, string>()
    clusters.forEach((cluster, at) => {
      const content = contents[at] ?? ''
      cluster.citationID = this.clusterIds.get(content) ?? `c${this.nextClusterId++}`
      ids.set(content, cluster.citationID)
    })
    const cited = new Map<string, Record<string, unknown> | undefined>()
    for (const cluster of clusters) {
      for (const { id } of cluster.citationItems) if (!cited.has(id)) cited.set(id, items(id))
    }
    const rendered = this.render(clusters, cited, output, ids)
    const texts = citations.map(() => '')
    positions.forEach((index, at) => {
      let text = rendered.texts.get(clusters[at]?.citationID ?? '') ?? ''
      if (text.includes(NO_PRINTED_FORM)) {
        const first = citations[index]?.items[0]?.paperId
        const names = first === undefined ? '' : authorsOf(first)
        text = text.replace(NO_PRINTED_FORM, output === 'html' ? escapeHtml(names) : names).trim()
      }
      texts[index] = text
    })
    return { citations: texts, ...rendered.bibliography }
  }

  /**
   * Goes back to the kept note state that has more of these clusters than
   * the current one (a note opened again), the current one being kept in
   * its place.
   */
  private resume(contents: readonly string[]): void {
    const shared = (ids: ReadonlyMap<string, string>): number =>
      contents.reduce((count, content) => count + (ids.has(content) ? 1 : 0), 0)
    let best = -1
    let most = shared(this.clusterIds)
    this.kept.forEach((state, at) => {
      const count = shared(state.clusterIds)
      if (count > most) {
        best = at
        most = count
      }
    })
    const state = this.kept[best]
    if (state === undefined) return
    this.kept.splice(best, 1)
    this.keep(this.last)
    this.engine.registry = state.processor.registry
    this.engine.tmp = state.processor.tmp
    this.engine.disambiguate = state.processor.disambiguate
    this.last = state.last
    this.clusterIds = state.clusterIds
  }

  /** The current note's state among the kept ones, the least recently used dropped. */
  private keep(last: Rendered | undefined): void {
    if (last === undefined) return
    const { registry, tmp, disambiguate } = this.engine
    this.kept.unshift({
      processor: { registry, tmp, disambiguate },
      last,
      clusterIds: this.clusterIds,
    })
    this.kept.length = Math.min(this.kept.length, KEPT_NOTES)
  }

  private render(
    clusters: readonly CiteprocCitation[],
    cited: Map<string, Record<string, unknown> | undefined>,
    output: OutputFormat,
    clusterIds: Map<string, string>,
  ): Rendered {
    const last = this.last
    // Unset while citeproc-js works: a failure leaves no state to edit next time.
    this.last = undefined
    const ids = clusters.map((cluster) => cluster.citationID)
    if (last !== undefined && clusters.length > 0 && last.ids.length > 0) {
      const edited = this.edit(last, clusters, ids, cited, output)
      if (edited !== undefined) {
        this.last = edited
        this.clusterIds = clusterIds
        return edited
      }
    }
    // The last note's state is kept for going back to it; this one starts
    // from an empty processor state (citeproc-js's own reset: a new registry
    // and disambiguation). Rebuilding over the last note's works could leave
    // a removed work in a disambiguation pool, and citeproc-js then failed on
    // it ("reading 'id'": APA, a few notes formatted afresh in turn).
    this.keep(last)
    this.clusterIds = clusterIds
    this.engine.setOutputFormat(output)
    this.engine.restoreProcessorState([])
    // The new registry's refreshes, too.
    if (this.unambiguous) keepRefreshedClusters(this.engine)
    const texts = new Map<string, string>()
    if (clusters.length > 0) {
      for (const [id, , text] of this.engine.rebuildProcessorState([...clusters], output)) {
        texts.set(id, text)
      }
    } else {
      this.engine.rebuildProcessorState([], output)
    }
    this.last = {
      output,
      items: cited,
      ids,
      texts,
      bibliography: this.bibliography(clusters, cited, output),
    }
    return this.last
  }

  /** The last answer brought up to date cluster by cluster, or undefined when it cannot be. */
  private edit(
    last: Rendered,
    clusters: readonly CiteprocCitation[],
    ids: readonly string[],
    cited: ReadonlyMap<string, Record<string, unknown> | undefined>,
    output: OutputFormat,
  ): Rendered | undefined {
    if (last.output !== output) return undefined
    this.engine.setOutputFormat(output)
    for (const [id, item] of cited) {
      if (item === undefined || (last.items.has(id) && last.items.get(id) !== item))
        return undefined
    }
    const now = new Set(ids)
    const before = new Set(last.ids)
    const kept = ids.filter((id) => before.has(id))
    const added = clusters.filter((cluster) => !before.has(cluster.citationID))
    const removed = last.ids.filter((id) => !now.has(id))
    if (added.length + removed.length > MAX_EDITS) return undefined
    // The clusters both requests have must stand in the same order.
    if (
      !sameList(
        kept,
        last.ids.filter((id) => now.has(id)),
      )
    )
      return undefined
    const works = sameWorks(last.items, cited)
    const texts = new Map(last.texts)
    for (const id of removed) texts.delete(id)
    const present = new Set(kept)
    // A removed cluster alone: the first cluster formatted again drops it.
    const changes = added.length > 0 || removed.length === 0 ? added : clusters.slice(0, 1)
    for (const cluster of changes) {
      const at = ids.indexOf(cluster.citationID)
      const pre = ids.slice(0, at).filter((id) => present.has(id))
      const post = ids.slice(at + 1).filter((id) => present.has(id))
      const [, updated] = this.engine.processCitationCluster(
        cluster,
        pre.map((id): [string, number] => [id, 0]),
        post.map((id): [string, number] => [id, 0]),
        works ? ASSUME_ALL_ITEMS_REGISTERED : undefined,
      )
      for (const [, text, id] of updated) texts.set(id, text)
      present.add(cluster.citationID)
    }
    const bibliography = works ? last.bibliography : this.bibliography(clusters, cited, output)
    return { output, items: new Map(cited), ids: [...ids], texts, bibliography }
  }

  private bibliography(
    clusters: readonly CiteprocCitation[],
    cited: ReadonlyMap<string, Record<string, unknown> | undefined>,
    output: OutputFormat,
  ): Rendered['bibliography'] {
    if (clusters.length === 0) return { bibliography: [], order: [] }
    const kept = this.entries
    if (kept === undefined) {
      const made = this.engine.makeBibliography()
      if (made === false) return { bibliography: [], order: [] }
      return { bibliography: made[1].map(entryHtml), order: made[0].entry_ids.map(firstId) }
    }
    const order = this.engine.registry.getSortedIds()
    const states = new Map<string, string>()
    const wanted: string[] = []
    for (const id of order) {
      const registered = this.engine.registry.registry[id]
      const seq = this.numbered ? String(registered?.seq ?? '') : ''
      const state = `${output}\0${seq}\0${JSON.stringify(registered?.disambig ?? null)}`
      states.set(id, state)
      const entry = kept.get(id)
      if (entry === undefined || entry.item !== cited.get(id) || entry.state !== state) {
        wanted.push(id)
      } else {
        // Used again: last to be dropped.
        kept.delete(id)
        kept.set(id, entry)
      }
    }
    for (const id of wanted) kept.delete(id)
    if (wanted.length > 0) {
      const made = this.engine.makeBibliography({
        include: wanted.map((id) => ({ field: 'id', value: id })),
      })
      if (made !== false) {
        made[0].entry_ids.forEach((ids, index) => {
          const id = firstId(ids)
          const item = cited.get(id)
          const html = made[1][index]
          if (item === undefined || html === undefined) return
          kept.set(id, { item, state: states.get(id) ?? '', html: entryHtml(html) })
        })
      }
    }
    const bibliography: string[] = []
    const shown: string[] = []
    for (const id of order) {
      const entry = kept.get(id)
      if (entry === undefined) continue
      bibliography.push(entry.html)
      shown.push(id)
    }
    // Other notes' works are kept for a while (a note's own are the most recent).
    for (const id of kept.keys()) {
      if (kept.size <= Math.max(KEPT_ENTRIES, states.size)) break
      kept.delete(id)
    }
    return { bibliography, order: shown }
  }
}

/**
 * In a style with no disambiguation (IEEE, Nature, ACM, Vancouver), a work
 * no longer cited makes citeproc-js refresh every work that shared its
 * "ambiguous cite" (in a numeric style, all of them) and format every cluster
 * again, though nothing a cluster prints depends on the others' names: only
 * on the works' numbers, which citeproc-js marks apart when they move. The
 * refresh stays (the registry is kept right); its taint is dropped, so the
 * clusters formatted again are the edited one and those whose numbers moved.
 * `citationsEditing.test.ts` holds the result to a freshly loaded style's.
 */
function keepRefreshedClusters(engine: Engine): void {
  const registry = engine.registry
  const refresh = registry.dorefreshes.bind(registry)
  registry.dorefreshes = () => {
    const tainted = engine.tmp.taintedItemIDs
    const before = new Set(Object.keys(tainted))
    const refreshed = Object.keys(registry.refreshes)
    refresh()
    for (const id of refreshed) if (!before.has(id)) delete tainted[id]
  }
}

/** citeproc-js indents its HTML with new lines: not part of the text. */
function entryHtml(entry: string): string {
  return entry.replace(/\n\s*/g, '').trim()
}

function firstId(ids: readonly string[]): string {
  return ids[0] ?? ''
}

/** The same works, cited first in the same order, each the very object given last time. */
function sameWorks(
  last: ReadonlyMap<string, Record<string, unknown> | undefined>,
  cited: ReadonlyMap<string, Record<string, unknown> | undefined>,
): boolean {
  if (last.size !== cited.size) return false
  const before = [...last]
  let at = 0
  for (const [id, item] of cited) {
    const [lastId, lastItem] = before[at++] ?? []
    if (id !== lastId || item !== lastItem) return false
  }
  return true
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index])
}

function itemOf(item: ResolvedCitation['items'][number]): CiteprocCitationItem {
  const cited: CiteprocCitationItem = { id: item.paperId }
  if (item.prefix !== undefined) cited.prefix = `${item.prefix} `
  if (item.suffix !== undefined) {
    cited.suffix = /^[,.;:]/.test(item.suffix) ? item.suffix : ` ${item.suffix}`
  }
  if (item.locator !== undefined) {
    cited.locator = item.locator
    cited.label = item.label ?? 'page'
  }
  if (item.suppressAuthor === true) cited['suppress-author'] = true
  return cited
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
