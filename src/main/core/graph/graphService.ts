// The graph: a local graph around a paper or note (its neighbours to a depth
// of 1–3, by edge kind) and the map of the whole library (every live paper and
// standalone note, clusters named by their distinctive terms, and the layout
// the window's worker computed, kept in graph-layout.json).
import type {
  GraphCluster,
  GraphEdge,
  GraphEdgeKind,
  GraphNode,
  GraphPositions,
  LibraryMap,
  LocalGraph,
  Paper,
} from '../../../shared/model'
import { GRAPH_EDGE_KINDS } from '../../../shared/model'
import type { LibraryKernel } from '../kernel/kernel'
import type { CommittedChange, Service } from '../kernel/service'
import type { LinksService } from '../links/linksService'
import type { RelatedService } from '../related/relatedService'
import { yieldingLoop } from '../imports/yieldingLoop'
import { requireNote, requirePaper } from '../store/requireRecord'
import { CLUSTER_TERMS, communitiesOf, distinctTerms, readableTerm } from './clusters'
import { GraphEdges, SIMILAR_MIN_STRENGTH } from './graphEdges'
import {
  layoutFileOf,
  layoutKeyOf,
  savedLayout,
  wordsFingerprint,
  type SavedLayout,
} from './layoutFile'
import { neighbourhood } from './neighbourhood'

type GraphMethod = 'getLocalGraph' | 'getLibraryMap' | 'hasSavedMapLayout' | 'saveGraphLayout'

/** Similar papers drawn around each paper of a local graph. */
const LOCAL_SIMILAR = 5
/** Similar papers drawn from each paper of the library map. */
const MAP_SIMILAR = 3
const DEFAULT_DEPTH = 2

type MapData = Omit<LibraryMap, 'positions' | 'layoutCurrent'>

export class GraphService implements Service<GraphMethod> {
  private readonly edges: GraphEdges
  private map: Promise<MapData> | undefined
  private similar: Promise<GraphEdge[]> | undefined
  private layout: SavedLayout | undefined

  constructor(
    private readonly kernel: LibraryKernel,
    links: LinksService,
    related: RelatedService,
  ) {
    this.edges = new GraphEdges(kernel, links, related)
  }

  readonly handlers: Service<GraphMethod>['handlers'] = {
    getLocalGraph: ({ kind, id, depth, kinds }) =>
      this.localGraph(kind, id, depth ?? DEFAULT_DEPTH, new Set(kinds ?? GRAPH_EDGE_KINDS)),

    getLibraryMap: async () => {
      const map = await this.libraryMap()
      const saved = await this.savedLayout()
      const positions: GraphPositions = {}
      for (const node of map.nodes) {
        const point = saved.positions[node.id]
        if (point !== undefined) positions[node.id] = point
      }
      return { ...map, positions, layoutCurrent: saved.layoutKey === map.layoutKey }
    },

    hasSavedMapLayout: async () => (await this.savedLayout()).layoutKey !== '',

    saveGraphLayout: async ({ layoutKey, positions }) => {
      const map = await this.libraryMap()
      if (map.layoutKey !== layoutKey) return { saved: false }
      const layout = savedLayout(layoutKey, positions, await this.savedLayout())
      await layoutFileOf(this.kernel.store.dir).write(layout)
      this.layout = layout
      return { saved: true }
    },
  }

  /** Any change may move the map; similar papers move only when papers' words or standing do. */
  committed({ changes, before }: CommittedChange): void {
    this.map = undefined
    const papers = changes.papers
    if (papers === undefined) return
    const moved =
      (papers.remove?.length ?? 0) > 0 ||
      (papers.put ?? []).some((paper) => {
        const was = before.papers.get(paper.id)
        return (
          was === undefined ||
          was.title !== paper.title ||
          was.abstract !== paper.abstract ||
          was.trashedAt !== paper.trashedAt
        )
      })
    if (moved) this.similar = undefined
  }

  reset(): void {
    this.map = undefined
    this.similar = undefined
    this.layout = undefined
  }

  private async localGraph(
    kind: 'paper' | 'note',
    id: string,
    depth: number,
    kinds: ReadonlySet<GraphEdgeKind>,
  ): Promise<LocalGraph> {
    const store = this.kernel.store
    // A paper's own note is its paper's node.
    const note = kind === 'note' ? requireNote(store, id) : undefined
    const center = note?.paperId ?? id
    if (kind === 'paper') requirePaper(store, id)
    const drawn = this.edges.drawnEdges(kinds)
    const byNode = new Map<string, GraphEdge[]>()
    for (const edge of drawn) {
      for (const end of [edge.source, edge.target]) {
        const list = byNode.get(end) ?? []
        list.push(edge)
        byNode.set(end, list)
      }
    }
    const isNode = (nodeId: string): boolean => this.edges.nodeOf(nodeId) !== undefined
    const found = await neighbourhood(
      center,
      depth,
      async (ids) => {
        const edges = ids.flatMap((nodeId) => byNode.get(nodeId) ?? [])
        if (!kinds.has('similar')) return edges
        const papers = ids.filter((nodeId) => store.papers.has(nodeId))
        return [...edges, ...(await this.edges.similarEdges(papers, LOCAL_SIMILAR))]
      },
      isNode,
    )
    const collectionsOf = this.collectionsOfPapers()
    const nodes: GraphNode[] = []
    for (const [nodeId, steps] of found.depths) {
      const node = this.edges.nodeOf(nodeId, collectionsOf)
      if (node !== undefined) nodes.push({ ...node, depth: steps })
    }
    withDegrees(nodes, found.edges)
    return { center, depth, nodes, edges: found.edges }
  }

  private libraryMap(): Promise<MapData> {
    this.map ??= this.buildMap()
    return this.map
  }

  /**
   * The map's answer, built in slices of the event loop (about half a second of
   * work at 10,000 papers, done when the window asks ahead, at idle): a call
   * meanwhile waits behind one slice, never behind the whole build.
   */
  private async buildMap(): Promise<MapData> {
    const store = this.kernel.store
    await this.edges.prepare()
    await this.savedLayout()
    const collectionsOf = this.collectionsOfPapers()
    const nodes: GraphNode[] = []
    const paperIds = [...store.papers.values()].map((paper) => paper.id)
    await yieldingLoop(paperIds.length, {}, (i) => {
      const node = this.edges.nodeOf(paperIds[i] ?? '', collectionsOf)
      if (node !== undefined) nodes.push(node)
    })
    // A paper's own note speaks for its paper: only standalone notes are nodes.
    const notes = [...store.notes.values()]
    await yieldingLoop(notes.length, {}, (i) => {
      const note = notes[i]
      const node = note?.paperId === undefined ? this.edges.nodeOf(note?.id ?? '') : undefined
      if (node !== undefined) nodes.push(node)
    })
    const live = new Set(nodes.map((node) => node.id))
    const papers = nodes.flatMap((node) => {
      const paper = node.kind === 'paper' ? store.papers.get(node.id) : undefined
      return paper === undefined ? [] : [paper]
    })
    const words = await wordsFingerprint(papers, `${MAP_SIMILAR} ${SIMILAR_MIN_STRENGTH}`)
    const edges = [
      ...this.edges.drawnEdges(new Set(GRAPH_EDGE_KINDS)),
      ...(await this.similarEdges(papers, words)),
    ].filter((edge) => live.has(edge.source) && live.has(edge.target))
    withDegrees(nodes, edges)
    const layoutKey = await layoutKeyOf(nodes, edges)
    const clusters = await this.clusters(nodes, edges, `${layoutKey} ${words}`)
    const collections = [...store.collections.values()]
      .filter((collection) => collection.trashedAt === undefined)
      .map((collection) => ({ id: collection.id, name: collection.name }))
      .sort((a, b) => a.name.localeCompare(b.name))
    return { nodes, edges, clusters, collections, layoutKey }
  }

  /**
   * The map's clusters and their words: from the layout file while neither the
   * graph (its layout key) nor the papers' words changed, else found and kept there.
   */
  private async clusters(
    nodes: readonly GraphNode[],
    edges: readonly GraphEdge[],
    fingerprint: string,
  ): Promise<GraphCluster[]> {
    const saved = await this.savedLayout()
    if (saved.clusters?.fingerprint === fingerprint) {
      return saved.clusters.list.map((cluster, id) => ({ id, ...cluster }))
    }
    const store = this.kernel.store
    const clusters = communitiesOf(nodes, edges)
    const termsOf = await this.edges.distinctiveTerms(clusters.map((cluster) => cluster.nodeIds))
    for (const [at, cluster] of clusters.entries()) {
      const texts = cluster.nodeIds.flatMap((nodeId) => {
        const paper = store.papers.get(nodeId)
        return paper === undefined ? [] : [paper.title, paper.abstract]
      })
      const terms = distinctTerms(termsOf[at] ?? [], CLUSTER_TERMS)
      cluster.terms = terms.map((term) => readableTerm(term, texts))
    }
    const list = clusters.map(({ terms, nodeIds }) => ({ terms, nodeIds }))
    await this.keep({ ...(await this.savedLayout()), clusters: { fingerprint, list } })
    return clusters
  }

  private similarEdges(papers: readonly Paper[], fingerprint: string): Promise<GraphEdge[]> {
    this.similar ??= this.findSimilar(papers, fingerprint)
    return this.similar
  }

  /** The map's similar-paper edges: from the layout file while no paper's words changed. */
  private async findSimilar(papers: readonly Paper[], fingerprint: string): Promise<GraphEdge[]> {
    const saved = await this.savedLayout()
    if (saved.similar?.fingerprint === fingerprint) {
      return saved.similar.edges.map(([source, target, strength]) => ({
        source,
        target,
        kind: 'similar',
        strength,
      }))
    }
    const edges = await this.edges.similarEdges(
      papers.map((paper) => paper.id),
      MAP_SIMILAR,
    )
    const similar = {
      fingerprint,
      edges: edges.map((edge): [string, string, number] => [
        edge.source,
        edge.target,
        edge.strength ?? 0,
      ]),
    }
    await this.keep({ ...(await this.savedLayout()), similar })
    return edges
  }

  /** Derived data: a failed write costs the next opening time, never the map. */
  private async keep(layout: SavedLayout): Promise<void> {
    this.layout = layout
    await layoutFileOf(this.kernel.store.dir)
      .write(layout)
      .catch(() => undefined)
  }

  private collectionsOfPapers(): (paperId: string) => string[] {
    const byPaper = new Map<string, string[]>()
    for (const collection of this.kernel.store.collections.values()) {
      if (collection.trashedAt !== undefined) continue
      for (const paperId of collection.paperIds) {
        const list = byPaper.get(paperId) ?? []
        list.push(collection.id)
        byPaper.set(paperId, list)
      }
    }
    return (paperId) => byPaper.get(paperId) ?? []
  }

  private async savedLayout(): Promise<SavedLayout> {
    this.layout ??= (await layoutFileOf(this.kernel.store.dir)
      .read()
      .catch(() => null)) ?? {
      format: 1,
      layoutKey: '',
      positions: {},
    }
    return this.layout
  }
}

/** Sets each node's degree: how many of `edges` touch it. */
function withDegrees(nodes: GraphNode[], edges: readonly GraphEdge[]): void {
  const degree = new Map<string, number>()
  for (const edge of edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1)
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1)
  }
  for (const node of nodes) node.degree = degree.get(node.id) ?? 0
}
