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

export class CslEngine {
  private readonly engine: Engine
  private items: (id: string) => Record<string, unknown> | undefined = () => undefined

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
   * `items` gives each cited paper as CSL-JSON; `authorsOf` names a paper's
   * authors for an in-text citation in a style that has no such form (IEEE:
   * "Doe [1]").
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
    const texts = citations.map(() => '')
    this.engine.setOutputFormat(output)
    if (clusters.length > 0) {
      const rendered = this.engine.rebuildProcessorState(clusters, output)
      const byId = new Map(rendered.map(([id, , text]) => [id, text]))
      positions.forEach((index) => {
        let text = byId.get(`c${index}`) ?? ''
        if (text.includes(NO_PRINTED_FORM)) {
          const first = citations[index]?.items[0]?.paperId
          const names = first === undefined ? '' : authorsOf(first)
          text = text.replace(NO_PRINTED_FORM, output === 'html' ? escapeHtml(names) : names).trim()
        }
        texts[index] = text
      })
    } else {
      this.engine.rebuildProcessorState([], output)
    }
    const bibliography = clusters.length > 0 ? this.engine.makeBibliography() : false
    if (bibliography === false) return { citations: texts, bibliography: [], order: [] }
    const [meta, entries] = bibliography
    return {
      citations: texts,
      // citeproc-js indents its HTML with new lines: not part of the text.
      bibliography: entries.map((entry) => entry.replace(/\n\s*/g, '').trim()),
      order: meta.entry_ids.map((ids) => ids[0] ?? ''),
    }
  }
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
