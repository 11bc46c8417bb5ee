// Related papers: the most similar by title and abstract (TF-IDF cosine over
// relatedPapers.ts's index, counted on first use and kept level with every
// commit), and the relations a user draws between two papers.
import type { Paper, PaperRelationView } from '../../../shared/model'
import type { LibraryKernel } from '../kernel/kernel'
import { REINDEX_TASK_FROM, paperCount } from '../kernel/longTasks'
import type { CommittedChange, Service } from '../kernel/service'
import type { PlanRunner } from '../organize/planRunner'
import type { PaperViews } from '../papers/paperViews'
import { requirePaper } from '../store/requireRecord'
import { RelatedPapersIndex, type SimilarPaper } from './relatedPapers'
import { planAddRelation, planRemoveRelation, planUpdateRelation } from './relations'

type RelatedMethod =
  'getRelatedPapers' | 'listRelations' | 'addRelation' | 'updateRelation' | 'removeRelation'

/** How many related papers a call returns unless it asks otherwise. */
const DEFAULT_RELATED = 5
/** Papers whose words are counted between two yields to the event loop. */
const RELATED_SLICE = 500

export class RelatedService implements Service<RelatedMethod> {
  private index: RelatedPapersIndex | undefined
  private build: Promise<RelatedPapersIndex> | undefined
  private readonly countedListeners: (() => void)[] = []

  constructor(
    private readonly kernel: LibraryKernel,
    private readonly views: PaperViews,
    private readonly plans: PlanRunner,
  ) {}

  readonly handlers: Service<RelatedMethod>['handlers'] = {
    /** The papers most similar to this one by title and abstract (TF-IDF cosine). */
    getRelatedPapers: async ({ id, limit }) => {
      requirePaper(this.kernel.store, id)
      const related = await this.related()
      await related.ready()
      return related.similarTo(id, limit ?? DEFAULT_RELATED).flatMap(({ id: otherId, score }) => {
        const other = this.kernel.store.papers.get(otherId)
        return other === undefined ? [] : [{ paper: this.views.summarize(other), score }]
      })
    },

    /** The relations of a paper whose other paper is in the library (not trashed), oldest first. */
    listRelations: async ({ paperId }) => {
      const store = this.kernel.store
      requirePaper(store, paperId)
      const views: PaperRelationView[] = []
      for (const relation of store.relations.values()) {
        const direction =
          relation.fromId === paperId
            ? 'outgoing'
            : relation.toId === paperId
              ? 'incoming'
              : undefined
        if (direction === undefined) continue
        const other = store.papers.get(direction === 'outgoing' ? relation.toId : relation.fromId)
        if (other === undefined || other.trashedAt !== undefined) continue
        views.push({ relation: { ...relation }, direction, other: this.views.summarize(other) })
      }
      return views
    },

    addRelation: ({ fromId, toId, label }) =>
      this.plans.run((ctx) => planAddRelation(ctx, fromId, toId, label)),
    updateRelation: ({ id, label }) => this.plans.run((ctx) => planUpdateRelation(ctx, id, label)),
    removeRelation: ({ id }) => this.plans.run((ctx) => planRemoveRelation(ctx, id)),
  }

  /**
   * The `limit` most similar papers of each of `ids` (for the graph), counted
   * in slices so other calls get through meanwhile.
   */
  async similarOf(ids: readonly string[], limit: number): Promise<Map<string, SimilarPaper[]>> {
    const related = await this.related()
    await related.ready()
    const result = new Map<string, SimilarPaper[]>()
    for (const [at, id] of ids.entries()) {
      if (at > 0 && at % RELATED_SLICE === 0) {
        await new Promise((resolve) => setImmediate(resolve))
        await related.ready()
      }
      result.set(id, related.similarTo(id, limit))
    }
    return result
  }

  /** For each group of papers, the `limit` terms that most set it apart (see distinctiveTerms). */
  async distinctiveTerms(
    groups: readonly (readonly string[])[],
    limit: number,
  ): Promise<string[][]> {
    const related = await this.related()
    await related.ready()
    return groups.map((ids) => related.distinctiveTerms(ids, limit))
  }

  /** A trashed paper leaves the similar papers; a restored one comes back. */
  committed({ changes }: CommittedChange): void {
    const index = this.index
    if (index === undefined || changes.papers === undefined) return
    for (const paper of changes.papers.put ?? []) {
      if (paper.trashedAt === undefined) index.set(paper.id, paper.title, paper.abstract)
      else index.delete(paper.id)
    }
    for (const id of changes.papers.remove ?? []) index.delete(id)
  }

  reset(): void {
    this.index = undefined
    this.build = undefined
  }

  /**
   * Calls `listener` whenever every paper's words have been counted (the
   * index built on first use, or again after a restore): what else walks
   * every paper once can do it then rather than in the middle of a request.
   */
  onCounted(listener: () => void): void {
    this.countedListeners.push(listener)
  }

  /** The similar-papers index with every paper's words counted, weighed at least once (maybe not since the last change). */
  countedIndex(): Promise<RelatedPapersIndex> {
    return this.related()
  }

  private related(): Promise<RelatedPapersIndex> {
    this.build ??= this.buildIndex()
    return this.build
  }

  /**
   * Counting the words of 50k abstracts takes seconds: it is done in slices,
   * letting other calls (the list, a note save) through in between, so the
   * app stays responsive while "Similar papers" is loading.
   */
  private async buildIndex(): Promise<RelatedPapersIndex> {
    const papers = [...this.kernel.store.papers.values()]
    if (papers.length < REINDEX_TASK_FROM) return this.countWords(papers)
    // Not cancellable: "Similar papers" waits for it, and the app works meanwhile.
    return this.kernel.tasks.run(
      'reindex',
      'Finding similar papers',
      (task) => {
        task.report('Counting words', 0, papers.length, { cancellable: false })
        return this.countWords(papers, (done) => {
          task.report('Counting words', done, papers.length)
        })
      },
      () => `Similar papers are ready: ${paperCount(papers.length)} compared.`,
    )
  }

  private async countWords(
    papers: readonly Paper[],
    counted?: (done: number) => void,
  ): Promise<RelatedPapersIndex> {
    const index = new RelatedPapersIndex()
    for (let start = 0; start < papers.length; start += RELATED_SLICE) {
      for (const paper of papers.slice(start, start + RELATED_SLICE)) {
        if (paper.trashedAt === undefined) index.set(paper.id, paper.title, paper.abstract)
      }
      counted?.(Math.min(papers.length, start + RELATED_SLICE))
      await new Promise((resolve) => setImmediate(resolve))
    }
    // Papers added or trashed meanwhile: level with the store (unchanged papers cost a lookup).
    const live = new Set<string>()
    for (const paper of this.kernel.store.papers.values()) {
      if (paper.trashedAt !== undefined) continue
      index.set(paper.id, paper.title, paper.abstract)
      live.add(paper.id)
    }
    for (const id of [...index.ids()]) if (!live.has(id)) index.delete(id)
    // From here on every commit reaches the index (committed) directly.
    this.index = index
    for (const listener of this.countedListeners) listener()
    await index.ready()
    return index
  }
}
