// A note's citations as citeproc-js clusters: each cluster with its content
// key (its JSON and its occurrence, so the same citation twice is two
// clusters), the works in order of first citation, and how two requests'
// works compare. Shared by formatting a note on request and ahead of the user.
import type { CiteprocCitation, CiteprocCitationItem } from 'citeproc'
import type { CitationRequest } from '../../../shared/model'

/** A citation whose works are all known, with the ids of its papers. */
export interface ResolvedCitation {
  mode: CitationRequest['mode']
  items: Array<Omit<CitationRequest['items'][number], 'key'> & { paperId: string }>
}

/** The cited works in order of first citation, each as the object citeproc-js is given. */
export type CitedWorks = ReadonlyMap<string, Record<string, unknown> | undefined>

export interface NoteClusters {
  /** The clusters of the citations with a known work, citationID not yet set. */
  clusters: CiteprocCitation[]
  /** Each cluster's content key ("JSON\0occurrence"), stable across requests. */
  contents: string[]
  /** Each cluster's index among the citations. */
  positions: number[]
}

export function clustersOf(citations: readonly ResolvedCitation[]): NoteClusters {
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
  return { clusters, contents, positions }
}

export function citedWorks(
  clusters: readonly CiteprocCitation[],
  items: (paperId: string) => Record<string, unknown> | undefined,
): CitedWorks {
  const cited = new Map<string, Record<string, unknown> | undefined>()
  for (const cluster of clusters) {
    for (const { id } of cluster.citationItems) if (!cited.has(id)) cited.set(id, items(id))
  }
  return cited
}

/** The same works, cited first in the same order, each the very object given last time. */
export function sameWorks(
  last: ReadonlyMap<string, unknown>,
  cited: ReadonlyMap<string, unknown>,
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

export function sameList(a: readonly string[], b: readonly string[]): boolean {
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
