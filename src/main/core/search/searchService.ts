// The search behind the list and the reader: a LibrarySearch over the current
// store, started in the background on open (a large library's start is a task
// the window shows), kept level with every commit, and started again over the
// restored records after a restore.
import { join } from 'node:path'
import type { Collection, Paper, PaperFilter, PaperSort } from '../../../shared/model'
import type { LibraryKernel } from '../kernel/kernel'
import { REINDEX_TASK_FROM, paperCount } from '../kernel/longTasks'
import type { CommittedChange, Service } from '../kernel/service'
import type { NoteIndex } from '../notes/noteIndex'
import type { PaperViews } from '../papers/paperViews'
import { requirePaper } from '../store/requireRecord'
import { LibrarySearch } from './librarySearch'
import type { PdfTextSearch } from './pdfTextHits'
import type { SearchPage, SearchView } from './librarySearch'
import { SEARCH_INDEX_FILE } from './searchIndexFile'
import type { SavedSearchIndex } from './searchIndexFile'

export class SearchService implements Service<'getPaperMatches'> {
  private search: LibrarySearch

  constructor(
    private readonly kernel: LibraryKernel,
    private readonly views: PaperViews,
    private readonly notes: NoteIndex,
    /** Libraries of at least this many papers keep their index in a file. */
    private readonly fromPapers: number | undefined,
    /** The attached PDFs' text, searched too (see pdfTextHits.ts). */
    private readonly pdfText?: PdfTextSearch,
  ) {
    this.search = this.newSearch()
    kernel.queue.onSettled((ok) => this.writeSettled(ok))
  }

  readonly handlers: Service<'getPaperMatches'>['handlers'] = {
    getPaperMatches: async ({ id, query }) =>
      this.search.matches(requirePaper(this.kernel.store, id), query),
  }

  /** One page of the papers matching `query` in the list's view, best first. */
  page(
    sort: PaperSort,
    filter: PaperFilter | undefined,
    query: string,
    offset: number,
    limit: number,
  ): Promise<SearchPage> {
    return this.search.page(this.viewOf(sort, filter), query, offset, limit)
  }

  /** The ids of every paper matching `query` in the list's view, best first. */
  ids(sort: PaperSort, filter: PaperFilter | undefined, query: string): Promise<string[]> {
    return this.search.all(this.viewOf(sort, filter), query)
  }

  /**
   * Loads or builds the index in the background; in a large library that is
   * a task the window shows. It cannot be cancelled: search waits for the
   * index, and the list and the reader work meanwhile.
   */
  start(saved?: Promise<SavedSearchIndex | undefined>): void {
    const count = this.kernel.store.papers.size
    if (count < REINDEX_TASK_FROM) {
      void this.search.start(saved)
      return
    }
    this.kernel.tasks
      .run(
        'reindex',
        'Preparing search',
        async (task) => {
          task.report('Indexing papers', 0, 0, { cancellable: false })
          await this.search.start(saved, (done, total) =>
            task.report('Indexing papers', done, total, { cancellable: false }),
          )
        },
        () => `Search is ready: ${paperCount(count)} indexed.`,
      )
      .catch(() => undefined) // a search then says what went wrong
  }

  /**
   * After each write: the index vouches for the store's revision, or (a write
   * that failed midway may have left it behind) for none.
   */
  private writeSettled(ok: boolean): void {
    this.search.levelWith(ok ? this.kernel.store.revision : undefined)
  }

  /** Brings the index up to date with a commit (a note, tags, a star, the trash, …). */
  committed({ changes }: CommittedChange): void {
    const touched = new Set<string>()
    for (const paper of changes.papers?.put ?? []) touched.add(paper.id)
    for (const note of changes.notes?.put ?? []) if (note.paperId) touched.add(note.paperId)
    for (const id of touched) {
      const paper = this.kernel.store.papers.get(id)
      if (paper !== undefined) this.search.paperChanged(paper)
    }
    for (const id of changes.papers?.remove ?? []) this.search.paperRemoved(id)
    // A collection renamed or filled changes what in:"…" finds.
    if (changes.collections !== undefined) this.search.forgetResults()
  }

  reset(): void {
    this.search.stop()
    this.search = this.newSearch()
    this.start()
  }

  /** A ready index is saved if it changed: the next start loads it as is. */
  close(): Promise<void> {
    return this.search.close()
  }

  private newSearch(): LibrarySearch {
    const store = this.kernel.store
    return new LibrarySearch(
      {
        papers: () => this.views.sortedPapers('published'),
        paper: (id) => store.papers.get(id),
        noteText: (paperId) => this.notes.of(paperId)?.body ?? '',
        collections: () => liveCollections(store.collections.values()),
        revision: () => store.revision,
      },
      { path: join(store.dir, SEARCH_INDEX_FILE), fromPapers: this.fromPapers },
      this.pdfText,
    )
  }

  /**
   * What a search looks through: the list's papers in order (the filter's
   * view, e.g. a collection), unless the query names a collection with in:.
   */
  private viewOf(sort: PaperSort, filter: PaperFilter | undefined): SearchView {
    const scoped =
      (filter?.scope?.kind ?? 'library') !== 'library' || (filter?.tags ?? []).length > 0
    return {
      key: JSON.stringify([sort, filter ?? null]),
      ordered: () => this.views.sortedPapers(sort),
      scope: scoped
        ? () => new Set(this.views.filteredPapers(sort, filter).map((paper: Paper) => paper.id))
        : undefined,
    }
  }
}

/** The collections not in the trash (for in:"Name" searches). */
function liveCollections(collections: Iterable<Collection>): Collection[] {
  const live: Collection[] = []
  for (const collection of collections)
    if (collection.trashedAt === undefined) live.push(collection)
  return live
}
