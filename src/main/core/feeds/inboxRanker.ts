// The state the inbox's ranking keeps from one ranking to the next (see
// inboxRanking.ts for how an item is scored): the weights it used, the papers
// it learns from, each item's words counted (when a check stores the item, or
// for the items a library opens with, once the similar-papers index has been
// counted) and its vector under the held weights.
import type { FeedItem } from '../../../shared/model'
import type { CommittedChange } from '../kernel/service'
import type { LibraryKernel } from '../kernel/kernel'
import { messageOf } from '../kernel/errors'
import { paperTermCounts } from '../related/paperTerms'
import { RelatedPapersIndex } from '../related/relatedPapers'
import type { IndexWeights, PaperSubset, TextVector } from '../related/relatedPapers'
import type { RelatedService } from '../related/relatedService'
import { RANKING_TERMS, isInteresting } from './inboxRanking'
import type { RankingContext } from './inboxRanking'
import type { LibraryKeys } from './libraryKeys'

/** Below this many papers the ranking learns words' rarity from the inbox too. */
const SMALL_LIBRARY = 2000

/** Papers joined to or left from the papers learnt from before they are built again. */
const MAX_LIKED_DRIFT = 1000

/**
 * What a ranking keeps for the next, for one index: the weights it used
 * (held until the library has changed by a hundredth: a paper or two more or
 * less barely moves the words' weights), the papers learnt from with their
 * postings (kept level paper by paper), and the items' vectors.
 */
interface RankingState {
  index: RelatedPapersIndex
  weights: IndexWeights
  /** The index's size when the weights were taken, and papers changed since. */
  size: number
  changed: number
  liked: PaperSubset
  vectors: Map<string, { title: string; abstract: string; vector: TextVector }>
}

/** Items whose words are counted between two yields to the event loop. */
const TERMS_SLICE = 500

export class InboxRanker {
  private ranking: RankingState | undefined
  /** Papers committed since the last ranking (their vectors may have changed). */
  private readonly changedPapers = new Set<string>()
  /**
   * Each item's words counted (stemmed terms and how often), whatever the
   * weights: done when a check stores the item and, for the items a library
   * opens with, beside the similar-papers index (warm); a ranking only weighs them.
   */
  private itemTerms = new Map<
    string,
    { title: string; abstract: string; counts: Map<string, number> }
  >()

  constructor(
    private readonly kernel: LibraryKernel,
    private readonly related: RelatedService,
    private readonly libraryKeys: LibraryKeys,
  ) {
    related.onCounted(() => {
      this.warm().catch((error: unknown) => {
        if (!this.kernel.closed)
          console.error('offprint: preparing Today failed:', messageOf(error))
      })
    })
  }

  /** Items a check stored: their words are counted now, once (a ranking only weighs them). */
  stored(items: readonly FeedItem[]): void {
    for (const item of items) this.termsOf(item)
  }

  committed(change: CommittedChange): void {
    const papers = change.changes.papers
    for (const paper of papers?.put ?? []) this.changedPapers.add(paper.id)
    for (const id of papers?.remove ?? []) this.changedPapers.add(id)
    for (const id of change.changes.feedItems?.remove ?? []) this.itemTerms.delete(id)
  }

  reset(): void {
    this.ranking = undefined
    this.changedPapers.clear()
    this.itemTerms = new Map()
  }

  /** What ranking the items needs, brought level with the library. */
  async context(): Promise<RankingContext> {
    const store = this.kernel.store
    const withNotes = new Set<string>()
    for (const note of store.notes.values()) {
      if (note.paperId !== undefined && note.trashedAt === undefined && note.body.trim() !== '')
        withNotes.add(note.paperId)
    }
    const kept = new Set<string>()
    const items: FeedItem[] = []
    for (const item of store.feedItems.values()) {
      items.push(item)
      if (item.state === 'kept' && item.paperId !== undefined) kept.add(item.paperId)
    }
    const liked: string[] = []
    for (const paper of store.papers.values()) {
      if (isInteresting(paper, withNotes.has(paper.id), kept.has(paper.id))) liked.push(paper.id)
    }
    const state = await this.rankingState(liked)
    const vectorOf = (item: FeedItem): TextVector => this.vectorOf(state, item)
    const thumbed: RankingContext['thumbed'] = { up: [], down: [] }
    for (const item of items)
      if (item.thumbs !== undefined) thumbed[item.thumbs].push(vectorOf(item))
    return {
      index: state.index,
      liked: state.liked,
      titleOf: (id) => store.papers.get(id)?.title ?? '',
      thumbed,
      paperOf: (item) => this.libraryKeys.paperOf(item),
      vectorOf,
      now: this.kernel.now(),
    }
  }

  /**
   * The weights, papers learnt from and items' vectors of the last ranking,
   * brought level with the library (a keep: one paper joins), or built again
   * once the library has changed by a hundredth since its weights were taken.
   */
  private async rankingState(liked: readonly string[]): Promise<RankingState> {
    const changed = [...this.changedPapers]
    this.changedPapers.clear()
    const index = await this.rankingIndex()
    const known = this.ranking
    if (
      known?.index === index &&
      Math.abs(index.size - known.size) + known.changed + changed.length <= known.size / 100 &&
      known.liked.drift <= MAX_LIKED_DRIFT
    ) {
      known.changed += changed.length
      const { liked: subset, weights } = known
      for (const id of changed) subset.remove(id)
      const wanted = new Set(liked)
      for (const id of [...subset.members()]) if (!wanted.has(id)) subset.remove(id)
      for (const id of liked) {
        if (subset.has(id)) continue
        const vector = index.paperVector(id, weights)
        if (vector !== undefined) subset.add(id, vector)
      }
      return known
    }
    await index.ready()
    const weights = index.weights()
    const state: RankingState = {
      index,
      weights,
      size: index.size,
      changed: 0,
      liked: index.subset(liked, weights),
      vectors: new Map(),
    }
    this.ranking = state
    return state
  }

  private vectorOf(state: RankingState, item: FeedItem): TextVector {
    const { title, abstract } = item.fields
    const known = state.vectors.get(item.id)
    if (known !== undefined && known.title === title && known.abstract === abstract) {
      return known.vector
    }
    const vector = state.index.countsVector(this.termsOf(item), RANKING_TERMS, state.weights)
    state.vectors.set(item.id, { title, abstract, vector })
    return vector
  }

  /** The item's words counted, again only when its title or abstract changed. */
  private termsOf(item: FeedItem): Map<string, number> {
    const { title, abstract } = item.fields
    const known = this.itemTerms.get(item.id)
    if (known !== undefined && known.title === title && known.abstract === abstract) {
      return known.counts
    }
    const counts = paperTermCounts(title, abstract)
    this.itemTerms.set(item.id, { title, abstract, counts })
    return counts
  }

  /**
   * Once the similar-papers index is counted: the library's identity keys and
   * the stored items' words, in slices, so that the first ranking only weighs.
   */
  private async warm(): Promise<void> {
    await this.libraryKeys.build()
    const items = [...this.kernel.store.feedItems.values()]
    for (let start = 0; start < items.length && !this.kernel.closed; start += TERMS_SLICE) {
      for (const item of items.slice(start, start + TERMS_SLICE)) {
        if (this.kernel.store.feedItems.get(item.id) === item) this.termsOf(item)
      }
      await new Promise((resolve) => setImmediate(resolve))
    }
  }

  /**
   * The library's similar-papers index; for a small library one of its papers
   * and the inbox's items together, so that the words' rarity (IDF) is learnt
   * from more than a handful of abstracts.
   */
  private async rankingIndex(): Promise<RelatedPapersIndex> {
    // Its words counted, not necessarily weighed again since the last change
    // (rankingState decides whether the weights it holds still do).
    const library = await this.related.countedIndex()
    if (library.size >= SMALL_LIBRARY) return library
    const index = new RelatedPapersIndex()
    for (const paper of this.kernel.store.papers.values()) {
      if (paper.trashedAt === undefined) index.set(paper.id, paper.title, paper.abstract)
    }
    for (const item of this.kernel.store.feedItems.values()) {
      index.set(`item:${item.id}`, item.fields.title, item.fields.abstract)
    }
    await index.ready()
    return index
  }
}
