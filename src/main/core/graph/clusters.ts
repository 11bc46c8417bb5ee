// The library map's clusters: communities of the graph (Louvain, on the
// edges weighted by kind), each named by the terms that most set its papers
// apart (the TF-IDF of related/), as people would write them.
import Graph from 'graphology'
import louvain from 'graphology-communities-louvain'
import type { GraphCluster, GraphEdge, GraphNode } from '../../../shared/model'
import { topicWordForms } from '../related/paperTerms'

/** Smaller groups get no label: a map of a thousand labels is no help. */
const MIN_CLUSTER_NODES = 4
/** At most this many clusters are named, the largest. */
const MAX_CLUSTERS = 40
/** Terms named per cluster. */
export const CLUSTER_TERMS = 3

/** Communities of at least MIN_CLUSTER_NODES nodes, largest first (terms still to find). */
export function communitiesOf(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
): GraphCluster[] {
  const graph = new Graph({ type: 'undirected', multi: false })
  for (const node of nodes) graph.addNode(node.id)
  for (const edge of edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue
    const weight = edge.kind === 'similar' ? (edge.strength ?? 0) : 1
    if (graph.hasEdge(edge.source, edge.target)) {
      const was = graph.getEdgeAttribute(edge.source, edge.target, 'weight') as number
      graph.setEdgeAttribute(edge.source, edge.target, 'weight', was + weight)
    } else graph.addEdge(edge.source, edge.target, { weight })
  }
  if (graph.size === 0) return []
  // A fixed random sequence: the same library gets the same clusters.
  const communities = louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(20) })
  const members = new Map<number, string[]>()
  for (const node of nodes) {
    if (graph.degree(node.id) === 0) continue
    const community = communities[node.id]
    if (community === undefined) continue
    const list = members.get(community) ?? []
    list.push(node.id)
    members.set(community, list)
  }
  return [...members.values()]
    .filter((ids) => ids.length >= MIN_CLUSTER_NODES)
    .sort((a, b) => b.length - a.length || (a[0] ?? '').localeCompare(b[0] ?? ''))
    .slice(0, MAX_CLUSTERS)
    .map((nodeIds, id) => ({ id, terms: [], nodeIds }))
}

/**
 * A stemmed term ("robot polici") as its papers write it ("robot policies"):
 * each stem as the word the titles and abstracts of the cluster use most for it.
 */
export function readableTerm(term: string, texts: readonly string[]): string {
  const stems = term.split(' ')
  const uses = new Map<string, Map<string, number>>()
  for (const stem of stems) uses.set(stem, new Map())
  for (const text of texts) {
    for (const { term: stem, word } of topicWordForms(text)) {
      const words = uses.get(stem)
      if (words !== undefined) words.set(word, (words.get(word) ?? 0) + 1)
    }
  }
  return stems
    .map((stem) => {
      let best = stem
      let most = 0
      for (const [word, count] of uses.get(stem) ?? []) {
        if (count > most || (count === most && word.length < best.length)) {
          best = word
          most = count
        }
      }
      return best
    })
    .join(' ')
}

/** Terms of a cluster without repeats: a pair makes its single words redundant. */
export function distinctTerms(terms: readonly string[], limit: number): string[] {
  const kept: string[] = []
  for (const term of terms) {
    const words = term.split(' ')
    if (kept.some((other) => other === term || words.every((w) => other.split(' ').includes(w))))
      continue
    for (let i = kept.length - 1; i >= 0; i--) {
      const other = kept[i] ?? ''
      if (other.split(' ').every((w) => words.includes(w))) kept.splice(i, 1)
    }
    kept.push(term)
    if (kept.length === limit) break
  }
  return kept
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 4294967296
  }
}
