// The papers as the list shows them: sorted per order (kept sorted across
// changes), the last filtered list (so paging through it does not filter
// again), and the summary a row shows. Shared by every service that lists papers.
import type { Paper, PaperFilter, PaperSort, PaperSummary } from '../../../shared/model'
import type { LibraryKernel } from '../kernel/kernel'
import type { ChangeSubscriber, CommittedChange } from '../kernel/service'
import type { NoteIndex } from '../notes/noteIndex'
import { paperTest } from '../organize/paperFilter'
import type { FilterInputs } from '../organize/paperFilter'
import { resortedAfter, sortPapers } from './paperOrder'

export class PaperViews implements ChangeSubscriber {
  // Sorted non-trashed papers per sort order.
  private readonly sorted = new Map<PaperSort, Paper[]>()
  private filtered: { key: string; generation: number; papers: Paper[] } | undefined
  // Bumped by every change, so derived views know when they are stale.
  private changes = 0

  constructor(
    private readonly kernel: LibraryKernel,
    private readonly notes: NoteIndex,
  ) {}

  /** Counts commits: a view built at an older generation is stale. */
  get generation(): number {
    return this.changes
  }

  /** Every paper outside the trash, in `sort` order (do not modify). */
  sortedPapers(sort: PaperSort): Paper[] {
    const cached = this.sorted.get(sort)
    if (cached) return cached
    const active: Paper[] = []
    for (const paper of this.kernel.store.papers.values()) {
      if (paper.trashedAt === undefined) active.push(paper)
    }
    const sorted = sortPapers(active, sort)
    this.sorted.set(sort, sorted)
    return sorted
  }

  /** The papers `filter` selects, in `sort` order; the last answer is reused while nothing changes. */
  filteredPapers(sort: PaperSort, filter: PaperFilter | undefined): Paper[] {
    const scope = filter?.scope?.kind ?? 'library'
    if (scope === 'library' && (filter?.tags ?? []).length === 0) return this.sortedPapers(sort)
    // "Recently added" moves with the clock as well as with changes.
    const minute =
      filter?.scope?.kind === 'view' && filter.scope.view === 'recent'
        ? Math.floor(this.kernel.now().getTime() / 60_000)
        : 0
    const key = JSON.stringify([sort, filter, minute])
    if (this.filtered?.key === key && this.filtered.generation === this.changes) {
      return this.filtered.papers
    }
    const test = paperTest(this.filterInputs(), filter)
    let papers: Paper[]
    if (scope === 'trash') {
      const trashed = [...this.kernel.store.papers.values()].filter(
        (paper) => paper.trashedAt !== undefined,
      )
      papers = sortPapers(trashed, sort).filter(test)
    } else {
      papers = this.sortedPapers(sort).filter(test)
    }
    this.filtered = { key, generation: this.changes, papers }
    return papers
  }

  /** Live papers in the order they were added (stable citation keys, exports). */
  papersInAddedOrder(): Paper[] {
    // Oldest import first, each import in file order; sort() is stable, so ids break ties.
    return [...this.sortedPapers('added')].sort(
      (a, b) =>
        (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0) ||
        (a.source.line ?? 0) - (b.source.line ?? 0),
    )
  }

  /** What the smart views, tags and collections filter on. */
  filterInputs(): FilterInputs {
    return {
      records: this.kernel.store,
      now: this.kernel.now(),
      hasNote: (id) => this.notes.hasNote(id),
    }
  }

  /** A list row. */
  summarize(paper: Paper): PaperSummary {
    const summary: PaperSummary = {
      id: paper.id,
      title: paper.title,
      upvotes: paper.upvotes,
      status: paper.status,
      starred: paper.starred,
      hasNote: this.notes.hasNote(paper.id),
      tags: [...paper.tags],
    }
    if (paper.trashedAt !== undefined) summary.trashedAt = paper.trashedAt
    if (paper.published !== undefined) summary.published = paper.published
    if (paper.organization !== undefined) summary.organization = paper.organization
    if (paper.authorCount !== undefined) summary.authorCount = paper.authorCount
    const firstAuthor = paper.authors[0]
    if (firstAuthor !== undefined) summary.firstAuthor = firstAuthor
    return summary
  }

  committed({ changes, before }: CommittedChange): void {
    this.changes++
    if (changes.papers === undefined) return
    const { put = [], remove = [] } = changes.papers
    // A few papers move to their new places; many, and everything is sorted again.
    for (const [sort, papers] of this.sorted) {
      const resorted = resortedAfter(papers, put, remove, sort, (id) => before.papers.get(id))
      if (resorted === undefined) this.sorted.delete(sort)
      else this.sorted.set(sort, resorted)
    }
  }

  reset(): void {
    this.changes++
    this.sorted.clear()
    this.filtered = undefined
  }
}
