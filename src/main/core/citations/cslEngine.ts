// One CSL style, loaded into citeproc-js (the processor Zotero, Mendeley and
// Zettlr use), formatting a document's citations and its bibliography in one
// pass. Items are the cited papers as CSL-JSON, looked up by paper id.
// citeproc-js needs no eval; it runs here in the core all the same (see the
// README's "Citations"), so the window's CSP never has to allow it anything.
import CSL from 'citeproc'
import type { CiteprocCitation, CiteprocCitationItem, Engine } from 'citeproc'
import type { CitationRequest } from '../../../shared/model'
import { BadInputError } from '../kernel/errors'

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

/** What the engine last registered and rendered, to answer the next request from. */
interface Rendered {
  output: OutputFormat
  /** The cited works in order of first citation, each as the object citeproc-js was given. */
  items: Map<string, Record<string, unknown> | undefined>
  /** Each cluster as JSON, by citationID, in document order. */
  clusters: Map<string, string>
  /** citeproc-js's text of each cluster, by citationID. */
  texts: Map<string, string>
  bibliography: Omit<EngineOutput, 'citations'>
}

export class CslEngine {
  private readonly engine: Engine
  private items: (id: string) => Record<string, unknown> | undefined = () => undefined
  private last: Rendered | undefined

  constructor(xml: string, locale: string) {
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
  }

  /**
   * The citations and the bibliography of the cited works, in the style.
   * `items` gives each cited paper as CSL-JSON (the same object for an
   * unchanged paper: that is how the engine knows its last answer still
   * holds); `authorsOf` names a paper's authors for an in-text citation in a
   * style that has no such form (IEEE: "Doe [1]").
   *
   * citeproc-js keeps its state between calls: when the same works are cited
   * in the same order as last time, the bibliography is the last one and only
   * the clusters that changed go through citeproc-js, as a word processor
   * plugin edits one citation (processCitationCluster); otherwise every
   * cluster is replayed and the bibliography built again.
   */
  format(
    citations: readonly ResolvedCitation[],
    items: (paperId: string) => Record<string, unknown> | undefined,
    authorsOf: (paperId: string) => string,
    output: OutputFormat,
  ): EngineOutput {
    this.items = items
    const clusters: CiteprocCitation[] = []
    const positions: number[] = []
    citations.forEach((citation, index) => {
      if (citation.items.length === 0) return
      positions.push(index)
      const composite = citation.mode === 'in-text'
      clusters.push({
        citationID: `c${index}`,
        citationItems: citation.items.map((item) => itemOf(item)),
        properties: composite ? { noteIndex: 0, mode: 'composite' } : { noteIndex: 0 },
      })
    })
    const cited = new Map<string, Record<string, unknown> | undefined>()
    for (const cluster of clusters) {
      for (const { id } of cluster.citationItems) if (!cited.has(id)) cited.set(id, items(id))
    }
    const rendered = this.render(clusters, cited, output)
    const texts = citations.map(() => '')
    positions.forEach((index) => {
      let text = rendered.texts.get(`c${index}`) ?? ''
      if (text.includes(NO_PRINTED_FORM)) {
        const first = citations[index]?.items[0]?.paperId
        const names = first === undefined ? '' : authorsOf(first)
        text = text.replace(NO_PRINTED_FORM, output === 'html' ? escapeHtml(names) : names).trim()
      }
      texts[index] = text
    })
    return { citations: texts, ...rendered.bibliography }
  }

  private render(
    clusters: readonly CiteprocCitation[],
    cited: Map<string, Record<string, unknown> | undefined>,
    output: OutputFormat,
  ): Rendered {
    const json = new Map(clusters.map((cluster) => [cluster.citationID, JSON.stringify(cluster)]))
    const last = this.last
    this.last = undefined
    if (last !== undefined && clusters.length > 0 && sameWorks(last, cited, output)) {
      const ids = clusters.map((cluster) => cluster.citationID)
      if (sameKeys(ids, last.clusters)) {
        const texts = new Map(last.texts)
        clusters.forEach((cluster, at) => {
          if (last.clusters.get(cluster.citationID) === json.get(cluster.citationID)) return
          const pre = ids.slice(0, at).map((id): [string, number] => [id, 0])
          const post = ids.slice(at + 1).map((id): [string, number] => [id, 0])
          const [, updated] = this.engine.processCitationCluster(cluster, pre, post)
          for (const [index, text] of updated) {
            const id = ids[index]
            if (id !== undefined) texts.set(id, text)
          }
        })
        this.last = { ...last, clusters: json, texts }
        return this.last
      }
    }
    this.engine.setOutputFormat(output)
    const texts = new Map<string, string>()
    if (clusters.length > 0) {
      for (const [id, , text] of this.engine.rebuildProcessorState([...clusters], output)) {
        texts.set(id, text)
      }
    } else {
      this.engine.rebuildProcessorState([], output)
    }
    const made = clusters.length > 0 ? this.engine.makeBibliography() : false
    const bibliography =
      made === false
        ? { bibliography: [], order: [] }
        : {
            // citeproc-js indents its HTML with new lines: not part of the text.
            bibliography: made[1].map((entry) => entry.replace(/\n\s*/g, '').trim()),
            order: made[0].entry_ids.map((ids) => ids[0] ?? ''),
          }
    this.last = { output, items: cited, clusters: json, texts, bibliography }
    return this.last
  }
}

/** The same works, cited first in the same order, each the very object given last time. */
function sameWorks(
  last: Rendered,
  cited: ReadonlyMap<string, Record<string, unknown> | undefined>,
  output: OutputFormat,
): boolean {
  if (last.output !== output || last.items.size !== cited.size) return false
  const before = [...last.items]
  let at = 0
  for (const [id, item] of cited) {
    const [lastId, lastItem] = before[at++] ?? []
    if (id !== lastId || item === undefined || item !== lastItem) return false
  }
  return true
}

function sameKeys(ids: readonly string[], map: ReadonlyMap<string, string>): boolean {
  if (ids.length !== map.size) return false
  let at = 0
  for (const id of map.keys()) if (id !== ids[at++]) return false
  return true
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
