// The edges of the graph, by kind, read from where each kind lives: links and
// citations from the backlink index (links/), relations from the store,
// similar papers from the TF-IDF index (related/). A paper's own note speaks
// for its paper, so a link written in it is an edge of the paper.
import type { GraphEdge, GraphEdgeKind, GraphNode, Note, Paper } from '../../../shared/model'
import type { LibraryKernel } from '../kernel/kernel'
import type { LinksService } from '../links/linksService'
import type { RelatedService } from '../related/relatedService'

/** Similar papers weaker than this are no edge: they share too little to draw. */
export const SIMILAR_MIN_STRENGTH = 0.12
/** Terms asked for per cluster (stemmed, strongest first), before repeats are dropped. */
const DISTINCTIVE_TERMS = 8

/** The kind of a link edge: the kinds the graph knows by name, any other a wiki-link. */
export function linkEdgeKind(kind: string): GraphEdgeKind {
  return kind === 'citation' ? 'citation' : 'wiki-link'
}

export class GraphEdges {
  constructor(
    private readonly kernel: LibraryKernel,
    private readonly links: LinksService,
    private readonly related: RelatedService,
  ) {}

  /** The node of a live paper or standalone note; undefined for anything else. */
  nodeOf(
    id: string,
    collectionsOf: (paperId: string) => string[] = () => [],
  ): GraphNode | undefined {
    const store = this.kernel.store
    const paper = store.papers.get(id)
    if (paper !== undefined) {
      return paper.trashedAt === undefined ? paperNode(paper, collectionsOf(id)) : undefined
    }
    const note = store.notes.get(id)
    return note !== undefined && isStandalone(note) ? noteNode(note) : undefined
  }

  /** Builds, in slices of the event loop, the link index the link and citation edges come from. */
  prepare(): Promise<void> {
    return this.links.prepare()
  }

  /** Every link, citation and relation between live nodes, once each. */
  drawnEdges(kinds: ReadonlySet<GraphEdgeKind>): GraphEdge[] {
    const edges = new EdgeSet()
    if (kinds.has('wiki-link') || kinds.has('citation')) {
      for (const link of this.links.linkEdges()) {
        const kind = linkEdgeKind(link.kind)
        if (!kinds.has(kind)) continue
        const note = this.kernel.store.notes.get(link.noteId)
        if (note === undefined) continue
        const source = note.paperId ?? note.id
        const target = link.target.paperId ?? link.target.id
        edges.add({ source, target, kind })
      }
    }
    if (kinds.has('relation')) {
      const papers = this.kernel.store.papers
      for (const relation of this.kernel.store.relations.values()) {
        const from = papers.get(relation.fromId)
        const to = papers.get(relation.toId)
        if (from?.trashedAt !== undefined || to?.trashedAt !== undefined) continue
        if (from === undefined || to === undefined) continue
        const edge: GraphEdge = { source: from.id, target: to.id, kind: 'relation' }
        if (relation.label !== undefined && relation.label !== '') edge.label = relation.label
        edges.add(edge)
      }
    }
    return edges.list()
  }

  /** Each paper's `limit` most similar papers above SIMILAR_MIN_STRENGTH, as edges. */
  async similarEdges(paperIds: readonly string[], limit: number): Promise<GraphEdge[]> {
    const edges = new EdgeSet()
    const similar = await this.related.similarOf(paperIds, limit)
    for (const [id, papers] of similar) {
      for (const other of papers) {
        if (other.score < SIMILAR_MIN_STRENGTH) continue
        edges.add({ source: id, target: other.id, kind: 'similar', strength: round(other.score) })
      }
    }
    return edges.list()
  }

  distinctiveTerms(groups: readonly (readonly string[])[]): Promise<string[][]> {
    return this.related.distinctiveTerms(groups, DISTINCTIVE_TERMS)
  }
}

/** Edges kept once per pair and kind; similarity (symmetric) once per pair either way. */
export class EdgeSet {
  private readonly edges = new Map<string, GraphEdge>()

  add(edge: GraphEdge): void {
    if (edge.source === edge.target) return
    const [a, b] =
      edge.kind === 'similar' && edge.target < edge.source
        ? [edge.target, edge.source]
        : [edge.source, edge.target]
    const key = `${edge.kind}\u0000${a}\u0000${b}\u0000${edge.label ?? ''}`
    if (!this.edges.has(key)) this.edges.set(key, edge)
  }

  list(): GraphEdge[] {
    return [...this.edges.values()]
  }
}

function isStandalone(note: Note): boolean {
  return note.paperId === undefined && note.trashedAt === undefined
}

function paperNode(paper: Paper, collectionIds: string[]): GraphNode {
  const node: GraphNode = {
    id: paper.id,
    kind: 'paper',
    title: paper.title,
    status: paper.status,
    upvotes: paper.upvotes,
    tags: [...paper.tags],
    collectionIds,
    degree: 0,
  }
  const year = Number.parseInt(paper.published?.slice(0, 4) ?? '', 10)
  if (Number.isFinite(year)) node.year = year
  return node
}

function noteNode(note: Note): GraphNode {
  return { id: note.id, kind: 'note', title: note.title, degree: 0 }
}

function round(strength: number): number {
  return Math.round(strength * 1000) / 1000
}
