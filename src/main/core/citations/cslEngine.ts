// One CSL style, loaded into citeproc-js (the processor Zotero, Mendeley and
// Zettlr use), formatting a document's citations and its bibliography in one
// pass. Items are the cited papers as CSL-JSON, looked up by paper id.
// citeproc-js needs no eval; it runs here in the core all the same (see the
// README's "Citations"), so the window's CSP never has to allow it anything.
import CSL from 'citeproc'
import type { CiteprocCitation, Engine } from 'citeproc'
import { BadInputError } from '../kernel/errors'
import { installCiteprocCase } from './citeprocCase'
import { keptSorts, memoizeSortKeys } from './citeprocMemo'
import { keepRefreshedClusters } from './citeprocRefreshes'
import { KeptEntries, wholeBibliography, type OutputFormat } from './keptEntries'
import {
  citedWorks,
  clustersOf,
  sameList,
  sameWorks,
  type CitedWorks,
  type NoteClusters,
  type ResolvedCitation,
} from './noteClusters'

export type { ResolvedCitation } from './noteClusters'

export interface EngineOutput {
  /** One string per citation, in order ('' for a citation with no known work). */
  citations: string[]
  bibliography: string[]
  /** Paper ids in bibliography order. */
  order: string[]
}

export type { OutputFormat } from './keptEntries'

/** What citeproc-js writes for a part of a citation that the style does not print. */
const NO_PRINTED_FORM = '[NO_PRINTED_FORM]'

/** Clusters added or removed since the last request, beyond which the note is formatted afresh. */
const MAX_EDITS = 8
/** citeproc-js's flag: every cited work is registered already (the works did not change). */
const ASSUME_ALL_ITEMS_REGISTERED = 2
/** Notes whose state is kept besides the current note's, so going back to one is an edit. */
const KEPT_NOTES = 3
/**
 * Clusters of the notes formatted ahead of the user whose states are kept
 * (the least recently prepared dropped first; a note opened joins the kept
 * ones): ten notes of 200 citations held 18-19 MB of heap in APA and IEEE
 * (entries included), so about 19 MB per style at most.
 */
export const PREPARED_CLUSTERS = 2000
/**
 * A slice of a note formatted ahead of the user ends once it took this long
 * (a cluster with new works takes 1-10 ms in APA, an entry about 1.2 ms).
 */
const SLICE_MS = 8

/** What the engine last registered and rendered, to answer the next request from. */
interface Rendered {
  output: OutputFormat
  /** The cited works in order of first citation, each as the object citeproc-js was given. */
  items: CitedWorks
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
  processor: ProcessorState
  last: Rendered
  clusterIds: Map<string, string>
  /** The note a state formatted ahead of the user is for: a newer one replaces it. */
  tag?: string
}

type ProcessorState = Pick<Engine, 'registry' | 'tmp' | 'disambiguate'>

/** A note being formatted ahead: its clusters, and the steps left. */
interface Ahead {
  contents: readonly string[]
  output: OutputFormat
  steps: Iterator<undefined, void, undefined> | undefined
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
  /** Notes formatted ahead of the user, the most recent first (PREPARED_CLUSTERS at most). */
  private prepared: NoteState[] = []
  /** The note being formatted ahead, if one is. */
  private ahead: Ahead | undefined
  /** Each work's bibliography entry, across notes (keptEntries.ts), where the style allows. */
  private readonly entries: KeptEntries | undefined
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
    if (!xml.includes('subsequent-author-substitute')) {
      this.entries = new KeptEntries(this.engine, xml.includes('citation-number'))
    }
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
    const { clusters, contents, positions } = clustersOf(citations)
    const ahead = this.ahead
    if (
      ahead?.steps !== undefined &&
      ahead.output === output &&
      sameList(ahead.contents, contents)
    ) {
      // The note is being formatted ahead: the rest of that, not all of it again.
      try {
        while (ahead.steps.next().done !== true) continue
      } catch {
        // Left unfinished: the request formats the note itself below.
      }
    }
    this.items = items
    this.resume(contents)
    const ids = new Map<string, string>()
    clusters.forEach((cluster, at) => {
      const content = contents[at] ?? ''
      cluster.citationID = this.clusterIds.get(content) ?? `c${this.nextClusterId++}`
      ids.set(content, cluster.citationID)
    })
    const cited = citedWorks(clusters, items)
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
   * Goes back to the kept or prepared note state that has more of these
   * clusters than the current one (a note opened again, or formatted ahead
   * of the user), the current one being kept in its place.
   */
  private resume(contents: readonly string[]): void {
    const shared = (ids: ReadonlyMap<string, string>): number =>
      contents.reduce((count, content) => count + (ids.has(content) ? 1 : 0), 0)
    let best: { pool: NoteState[]; at: number } | undefined
    let most = shared(this.clusterIds)
    for (const pool of [this.kept, this.prepared]) {
      pool.forEach((state, at) => {
        const count = shared(state.clusterIds)
        if (count > most) {
          best = { pool, at }
          most = count
        }
      })
    }
    if (best === undefined) return
    const [state] = best.pool.splice(best.at, 1)
    if (state === undefined) return
    this.keep(this.last)
    this.setProcessorState(state.processor)
    this.last = state.last
    this.clusterIds = state.clusterIds
  }

  /** The current note's state among the kept ones, the least recently used dropped. */
  private keep(last: Rendered | undefined): void {
    if (last === undefined) return
    this.kept.unshift({ processor: this.processorState(), last, clusterIds: this.clusterIds })
    this.kept.length = Math.min(this.kept.length, KEPT_NOTES)
  }

  private processorState(): ProcessorState {
    const { registry, tmp, disambiguate } = this.engine
    return { registry, tmp, disambiguate }
  }

  /**
   * A new, empty processor state, as citeproc-js's restoreProcessorState([])
   * ends with; that function first unregisters every work of the state it
   * replaces, which emptied a kept note's registry: that note, opened again
   * and a page edited, then failed in IEEE ("reading 'seq'") and read wrong
   * in APA and Chicago.
   */
  private emptyProcessorState(): void {
    this.engine.registry = new CSL.Registry(this.engine)
    this.engine.tmp = new CSL.Engine.Tmp()
    this.engine.disambiguate = new CSL.Disambiguation(this.engine)
    // The new registry's refreshes, too.
    if (this.unambiguous) keepRefreshedClusters(this.engine)
  }

  private setProcessorState(state: ProcessorState): void {
    this.engine.registry = state.registry
    this.engine.tmp = state.tmp
    this.engine.disambiguate = state.disambiguate
  }

  /**
   * Formats a note ahead of the user (notePreparer.ts), a slice at a time:
   * each step of the iterator formats clusters, as rebuildProcessorState
   * does (processCitationCluster after the clusters before it; here each
   * cluster also registers its new works), or makes bibliography entries,
   * for SLICE_MS at most or one of them, in the note's own processor state,
   * and leaves the engine as it found it, so a request between two steps is
   * answered as if nothing ran. Done, the note's state is among the prepared
   * ones, and asking for the note goes back to it as to a note opened again.
   * Nothing is done for a note that a state held answers as an edit.
   */
  prepare(
    citations: readonly ResolvedCitation[],
    items: (paperId: string) => Record<string, unknown> | undefined,
    output: OutputFormat,
    tag: string,
  ): Iterator<undefined, void, undefined> {
    const note = clustersOf(citations)
    const ahead: Ahead = { contents: note.contents, output, steps: undefined }
    const steps = this.prepareSteps(note, items, output, tag, ahead)
    ahead.steps = steps
    this.ahead = ahead
    return steps
  }

  private *prepareSteps(
    { clusters, contents }: NoteClusters,
    items: (paperId: string) => Record<string, unknown> | undefined,
    output: OutputFormat,
    tag: string,
    ahead: Ahead,
  ): Generator<undefined, void, undefined> {
    try {
      yield* this.prepareNote(clusters, contents, items, output, tag)
    } finally {
      if (this.ahead === ahead) this.ahead = undefined
    }
  }

  private *prepareNote(
    clusters: readonly CiteprocCitation[],
    contents: readonly string[],
    items: (paperId: string) => Record<string, unknown> | undefined,
    output: OutputFormat,
    tag: string,
  ): Generator<undefined, void, undefined> {
    const cited = citedWorks(clusters, items)
    if (clusters.length === 0 || [...cited.values()].includes(undefined)) return
    if (this.answersAsEdit(contents, cited, output)) return
    const clusterIds = new Map<string, string>()
    clusters.forEach((cluster, at) => {
      cluster.citationID = `c${this.nextClusterId++}`
      clusterIds.set(contents[at] ?? '', cluster.citationID)
    })
    let own: ProcessorState | undefined
    const inOwnState = <T>(run: () => T): T => {
      const theirs = { state: this.processorState(), items: this.items }
      try {
        this.items = items
        if (own === undefined) this.emptyProcessorState()
        else this.setProcessorState(own)
        this.engine.setOutputFormat(output)
        const result = run()
        own = this.processorState()
        return result
      } finally {
        this.setProcessorState(theirs.state)
        this.items = theirs.items
      }
    }
    const texts = new Map<string, string>()
    const pre: Array<[string, number]> = []
    while (pre.length < clusters.length) {
      inOwnState(() => {
        const start = performance.now()
        for (const cluster of clusters.slice(pre.length)) {
          const [, updated] = this.engine.processCitationCluster(cluster, pre, [])
          for (const [, text, id] of updated) texts.set(id, text)
          pre.push([cluster.citationID, 0])
          if (performance.now() - start >= SLICE_MS) break
        }
      })
      yield
    }
    const entries = this.entries
    if (entries !== undefined) {
      const { states, wanted } = inOwnState(() => entries.states(cited, output))
      while (wanted.length > 0) {
        inOwnState(() => {
          const start = performance.now()
          while (wanted.length > 0 && performance.now() - start < SLICE_MS) {
            entries.make(wanted.splice(0, 1), states, cited)
          }
        })
        yield
      }
    }
    const bibliography = inOwnState(() => this.bibliography(clusters, cited, output))
    if (own === undefined) return
    const ids = clusters.map((cluster) => cluster.citationID)
    const last: Rendered = { output, items: cited, ids, texts, bibliography }
    this.prepared = this.prepared.filter((state) => state.tag !== tag)
    this.prepared.unshift({ processor: own, last, clusterIds, tag })
    let room = PREPARED_CLUSTERS
    this.prepared = this.prepared.filter((state) => (room -= state.last.ids.length) >= 0)
  }

  /**
   * Whether the current, a kept or a prepared state answers these clusters
   * as an edit (MAX_EDITS clusters added or removed at most, the same
   * output, no work revised).
   */
  private answersAsEdit(
    contents: readonly string[],
    cited: CitedWorks,
    output: OutputFormat,
  ): boolean {
    const states = [...this.kept, ...this.prepared]
    if (this.last !== undefined)
      states.push({
        last: this.last,
        clusterIds: this.clusterIds,
        processor: this.processorState(),
      })
    return states.some(({ last, clusterIds }) => {
      if (last.output !== output) return false
      const shared = contents.reduce(
        (count, content) => count + (clusterIds.has(content) ? 1 : 0),
        0,
      )
      if (contents.length - shared + (last.ids.length - shared) > MAX_EDITS) return false
      for (const [id, item] of cited) {
        if (last.items.has(id) && last.items.get(id) !== item) return false
      }
      return true
    })
  }

  private render(
    clusters: readonly CiteprocCitation[],
    cited: CitedWorks,
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
    this.emptyProcessorState()
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
    cited: CitedWorks,
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
    cited: CitedWorks,
    output: OutputFormat,
  ): Rendered['bibliography'] {
    if (clusters.length === 0) return { bibliography: [], order: [] }
    return this.entries?.bibliography(cited, output) ?? wholeBibliography(this.engine)
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
