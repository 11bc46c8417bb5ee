// The library's search: keeps a SearchIndex in step with the library's papers
// and notes, builds it in the background on open (the list is usable
// meanwhile; a search waits for it), and remembers the last query's results so
// that paging through them costs only the page.
//
// A large library's index is also kept in a file beside it (searchIndexFile.ts),
// saved when the library closes (and after a build or many changes). Opening
// loads it: when the library is still at the revision the file was saved at,
// that is all; otherwise only the papers whose text changed since (found by
// fingerprint) are read again, instead of every paper.
import type { Paper, PaperMatches } from '../../../shared/model'
import type { Fingerprint } from './documentFingerprint'
import { documentFingerprint } from './documentFingerprint'
import { highlightRanges } from './highlightRanges'
import { excludedPdfClauses, filtersOf, pdfClauses, pdfTail, splitInPdf } from './pdfTextHits'
import type { PdfTextSearch } from './pdfTextHits'
import { parseQuery } from './queryParser'
import { RankedHits } from './rankedHits'
import { searchDocumentOf, type SearchDocument } from './searchDocument'
import type { SearchContext, SearchResult } from './searchIndex'
import { SearchIndex } from './searchIndex'
import type { IndexProgress, SearchPage, SearchSource, SearchView } from './searchTypes'
import type { SavedSearchIndex } from './searchIndexFile'
import { readSearchIndexFile, writeSearchIndexFile } from './searchIndexFile'

export type { IndexProgress, SearchPage, SearchSource, SearchView } from './searchTypes'

/** Papers indexed per turn of the event loop while building in the background. */
const BUILD_SLICE = 2000
/**
 * A commit that changes at least this many papers (an import) is indexed in
 * the background, in slices, instead of on the commit's path: the write is
 * acknowledged without waiting for it, and a search waits for it.
 */
export const BACKLOG_FROM_PAPERS = 200
/** How long a slice of background indexing may hold the event loop. */
const BACKLOG_SLICE_MS = 25

export interface IndexFileOptions {
  path: string
  /** Libraries smaller than this build fast enough: no file is written for them. */
  fromPapers?: number | undefined
}
/** Below this many papers a build takes well under half a second. */
const SAVE_FROM_PAPERS = 5000
/**
 * Saving rewrites the whole file, so it happens after a build that changed
 * something, or once this many papers changed since the last save; fewer
 * changes are caught up on the next open.
 */
const SAVE_AFTER_CHANGES = 1000
const SAVE_DELAY_MS = 5000

interface CachedSearch {
  key: string
  result: SearchResult
  /** For a filter-only query: the matches in the list's order. */
  ordered?: string[]
  /** Papers found only in their PDFs' text, listed after the ranked hits (pdfTextHits.ts). */
  pdfTail?: RankedHits
}

export class LibrarySearch {
  private index = new SearchIndex()
  private building: Promise<void> | undefined
  private cache: CachedSearch | undefined
  private compaction: ReturnType<typeof setTimeout> | undefined
  private saveTimer: ReturnType<typeof setTimeout> | undefined
  private saving: Promise<void> | undefined
  private changesSinceSave = 0
  /** Until the index is ready: papers changed since this search was made. */
  private changedWhileLoading: Set<string> | undefined = new Set()
  private ready = false
  private stopped = false
  /** The library's revision when this search was made: what a matching file must name. */
  private readonly openedRevision: string
  /**
   * The library revision the index holds every change of (see levelWith);
   * undefined once a write may have left it behind (it then vouches for none).
   */
  private revision: string | undefined
  /** The revision the index file on disk names, as far as this search knows. */
  private savedRevision: string | null | undefined
  /** Told how many papers were indexed (or checked) so far, while building. */
  private progress: IndexProgress | undefined
  /** Papers changed by a large commit, still to be (re)indexed in the background. */
  private readonly backlog = new Set<string>()
  /** The background indexing of the backlog, while it runs. */
  private draining: Promise<void> | undefined

  constructor(
    private readonly source: SearchSource,
    private readonly file?: IndexFileOptions,
    /** The PDFs' text, searched beside the papers' own fields. */
    private readonly pdfText?: PdfTextSearch,
  ) {
    this.openedRevision = source.revision()
    this.revision = this.openedRevision
  }

  /**
   * Starts building the index in slices, yielding to the event loop between
   * them: from the index file when there is a usable one, else from scratch.
   * `saved` is the file already being read, when the caller started early;
   * `progress` hears how far a build or a check of every paper has got.
   */
  start(saved?: Promise<SavedSearchIndex | undefined>, progress?: IndexProgress): Promise<void> {
    if (this.building === undefined) {
      this.progress = progress
      this.building = this.open(saved)
    }
    return this.building
  }

  private async open(saved: Promise<SavedSearchIndex | undefined> | undefined): Promise<void> {
    // Opening the library returns first; every slice runs on a later turn.
    await yieldToEventLoop()
    const loaded = await this.load(saved)
    if (this.stopped) return
    if (loaded === undefined) await this.build()
    else if (loaded.fingerprints === undefined) this.catchUpSinceOpening(loaded.index)
    else await this.catchUp(loaded.index, loaded.fingerprints)
    this.changedWhileLoading = undefined
    if (this.stopped) return
    this.index.finishBuild()
    this.cache = undefined
    this.ready = true
  }

  /**
   * The saved index, or undefined when there is no usable file. When the file
   * was saved at another library revision, also every paper's fingerprint,
   * to find the papers that changed since.
   */
  private async load(
    saved: Promise<SavedSearchIndex | undefined> | undefined,
  ): Promise<{ index: SearchIndex; fingerprints?: Map<string, Fingerprint> } | undefined> {
    const path = this.file?.path
    if (path === undefined) return undefined
    const file = await (saved ?? readSearchIndexFile(path))
    if (file === undefined || this.stopped) return undefined
    let index: SearchIndex
    try {
      index = SearchIndex.fromArrays(file.arrays)
    } catch {
      return undefined // damaged: built from the library instead
    }
    this.savedRevision = file.revision
    if (file.revision === this.openedRevision) return { index }
    const fingerprints = new Map<string, Fingerprint>()
    const papers = Array.from(this.source.papers())
    for (let i = 0; i < papers.length; i += BUILD_SLICE) {
      if (this.stopped) return undefined
      for (const paper of papers.slice(i, i + BUILD_SLICE)) {
        fingerprints.set(paper.id, documentFingerprint(this.documentOf(paper)))
      }
      this.progress?.(Math.min(i + BUILD_SLICE, papers.length), papers.length)
      await yieldToEventLoop()
    }
    return { index, fingerprints }
  }

  /**
   * Takes the loaded index as it is, since the library opened at the revision
   * it was saved at, and re-reads only the papers changed since the opening.
   */
  private catchUpSinceOpening(loaded: SearchIndex): void {
    this.index = loaded
    this.cache = undefined
    for (const id of this.changedWhileLoading ?? []) {
      const paper = this.source.paper(id)
      if (paper === undefined || paper.trashedAt !== undefined) this.index.remove(id)
      else this.index.upsert(this.documentOf(paper))
    }
  }

  private async build(): Promise<void> {
    const ids = Array.from(this.source.papers(), (paper) => paper.id)
    for (let i = 0; i < ids.length; i += BUILD_SLICE) {
      if (this.stopped) return
      for (const id of ids.slice(i, i + BUILD_SLICE)) {
        // A paper changed during the build was indexed by that change already.
        if (this.index.has(id)) continue
        const paper = this.source.paper(id)
        if (paper !== undefined && paper.trashedAt === undefined) {
          this.index.upsert(this.documentOf(paper))
        }
      }
      this.progress?.(Math.min(i + BUILD_SLICE, ids.length), ids.length)
      await yieldToEventLoop()
    }
    this.scheduleSave()
  }

  /**
   * Replaces the index with the loaded one and brings it up to date: papers
   * whose text differs from what was indexed (changed while the app was
   * closed, or since it opened) are read again, papers gone are
   * dropped, stars and reading status are taken from the library.
   */
  private async catchUp(
    loaded: SearchIndex,
    fingerprints: Map<string, Fingerprint>,
  ): Promise<void> {
    this.index = loaded
    this.cache = undefined
    const ids = Array.from(this.source.papers(), (paper) => paper.id)
    for (let i = 0; i < ids.length; i += BUILD_SLICE) {
      if (this.stopped) return
      for (const id of ids.slice(i, i + BUILD_SLICE)) {
        const paper = this.source.paper(id)
        if (paper === undefined || paper.trashedAt !== undefined) continue
        const fingerprint = fingerprints.get(id)
        if (
          fingerprint !== undefined &&
          !this.changedWhileLoading?.has(id) &&
          this.index.isCurrent(id, fingerprint)
        ) {
          this.index.setState(id, paper)
        } else {
          this.index.upsert(this.documentOf(paper))
        }
      }
      await yieldToEventLoop()
    }
    if (this.stopped) return
    for (const id of Array.from(this.index.ids())) {
      const paper = this.source.paper(id)
      if (paper === undefined || paper.trashedAt !== undefined) this.index.remove(id)
    }
    // Saved again even when nothing was re-read: the file then names the
    // library's revision, and the next opening needs no fingerprints.
    this.scheduleSave()
  }

  /**
   * The library finished a write, and the index has every change it made:
   * the index now matches `revision`. Undefined: a write failed midway and
   * may have left the index behind, so from now on it vouches for no revision
   * (the next opening then checks every paper's fingerprint).
   */
  levelWith(revision: string | undefined): void {
    this.revision = revision === undefined || this.revision === undefined ? undefined : revision
  }

  /**
   * The library is closing. A ready index that its file no longer matches is
   * saved first, so that the next opening loads it without checking every
   * paper; one still building is dropped.
   */
  async close(): Promise<void> {
    if (this.ready && !this.stopped) {
      await this.caughtUp()
      await this.saving
      if (this.revision !== undefined && this.revision !== this.savedRevision) await this.save()
    }
    this.stop()
  }

  /** The library is closing: stop building and maintaining the index. */
  stop(): void {
    this.stopped = true
    clearTimeout(this.compaction)
    clearTimeout(this.saveTimer)
  }

  /**
   * Writes the index file now (when the library is large enough to have one);
   * resolves when it is written. Failing to write is not an error: the file is
   * only a head start for the next opening.
   */
  async save(): Promise<void> {
    await this.caughtUp()
    await this.saving
    const file = this.file
    if (file === undefined || this.stopped) return
    if (this.index.size < (file.fromPapers ?? SAVE_FROM_PAPERS)) return
    this.changesSinceSave = 0
    // Taken together, in one turn: the revision names exactly these arrays.
    const revision = this.revision ?? null
    const arrays = this.index.toArrays()
    this.saving = writeSearchIndexFile(file.path, { arrays, revision }).then(
      () => {
        this.savedRevision = revision
      },
      () => undefined,
    )
    await this.saving
  }

  /** Re-reads a paper (and its note) after it was added or edited. */
  paperChanged(paper: Paper): void {
    this.cache = undefined
    this.changedWhileLoading?.add(paper.id)
    if (paper.trashedAt !== undefined) this.index.remove(paper.id)
    else this.index.upsert(this.documentOf(paper))
    this.scheduleCompaction()
    this.countChange()
  }

  /**
   * Many papers changed in one commit (an import): they are indexed in the
   * background, a slice per turn of the event loop; every search (and the
   * index file) waits until they are. A paper gone or trashed by then is
   * dropped from the index instead.
   */
  papersChanged(ids: Iterable<string>): void {
    this.cache = undefined
    for (const id of ids) {
      this.changedWhileLoading?.add(id)
      this.backlog.add(id)
      this.countChange()
    }
    this.draining ??= this.drain()
  }

  /** A paper left the library for good. */
  paperRemoved(id: string): void {
    this.cache = undefined
    this.changedWhileLoading?.add(id)
    this.index.remove(id)
    this.countChange()
  }

  /** A paper's star or reading status changed, not its text. */
  stateChanged(paper: Paper): void {
    this.cache = undefined
    this.changedWhileLoading?.add(paper.id)
    this.index.setState(paper.id, paper)
  }

  /** Anything else changed (collections): cached results may be stale. */
  forgetResults(): void {
    this.cache = undefined
  }

  /**
   * The papers of `view` matching `query`, `offset` to `offset + limit`: by
   * relevance when it has words, else in the view's order.
   */
  async page(view: SearchView, query: string, offset: number, limit: number): Promise<SearchPage> {
    await this.caughtUp()
    const key = `${view.key}\u0000${query}\u0000${this.pdfText?.version ?? 0}`
    if (this.cache?.key !== key) {
      const context: SearchContext = { collections: this.source.collections() }
      const scope = view.scope?.()
      if (scope !== undefined) context.scope = scope
      const { query: withoutInPdf, pdfOnly } = splitInPdf(query)
      const parsed = parseQuery(withoutInPdf)
      const pdf = this.pdfText
      // in:pdf: the PDFs' matches alone (the papers' own fields are not ranked for nothing).
      const none = new RankedHits([], new Float64Array(), new Int32Array())
      const result: SearchResult =
        pdfOnly && pdf !== undefined
          ? { ranked: true, hits: none, highlight: this.index.highlightTerms(parsed) }
          : this.index.search(parsed, context)
      let tail: RankedHits | undefined
      const clauses = pdfClauses(parsed)
      const pdfPapers = pdfOnly || clauses.length > 0 ? pdf?.papersWith(clauses) : undefined
      if (pdf !== undefined && pdfPapers !== undefined && (pdfPapers.ids.length > 0 || pdfOnly)) {
        const passes = this.index.passes(filtersOf(parsed), context)
        // A plain search lists them after its ranked hits.
        const ranked = result.ranked ? result.hits : undefined
        const excluded = new Set<string>()
        for (const clause of excludedPdfClauses(parsed)) {
          for (const id of pdf.papersWith([clause], false).ids) excluded.add(id)
        }
        tail = pdfTail(
          pdfPapers,
          (id) => passes(id) && !excluded.has(id) && ranked?.has(id) !== true,
        )
      }
      this.cache = { key, result, ...(tail === undefined ? {} : { pdfTail: tail }) }
      if (!result.ranked) {
        const matching = new Set(result.ids)
        this.cache.ordered = view
          .ordered()
          .filter((paper) => matching.has(paper.id))
          .map((paper) => paper.id)
      }
    }
    const { result, ordered: inOrder, pdfTail: tail } = this.cache
    if (!result.ranked) {
      const ids = inOrder ?? []
      return {
        total: ids.length,
        ranked: false,
        ids: ids.slice(offset, offset + limit),
        highlight: result.highlight,
      }
    }
    const count = result.hits.count
    const end = offset + limit
    return {
      total: count + (tail?.count ?? 0),
      ranked: true,
      ids: [
        ...result.hits.slice(offset, Math.min(end, count)),
        ...(tail?.slice(Math.max(0, offset - count), Math.max(0, end - count)) ?? []),
      ],
      highlight: result.highlight,
    }
  }

  /** Every match, best first (the CLI; where a paper is in the results). */
  async all(view: SearchView, query: string): Promise<string[]> {
    const first = await this.page(view, query, 0, 1)
    return (await this.page(view, query, 0, Math.max(1, first.total))).ids
  }

  /** Where `query` matched the title and abstract of `paper`. */
  async matches(paper: Paper, query: string): Promise<PaperMatches> {
    await this.caughtUp()
    const highlight = this.index.highlightTerms(parseQuery(query))
    return {
      title: highlightRanges(paper.title, 'title', highlight),
      abstract: highlightRanges(paper.abstract, 'abstract', highlight),
    }
  }

  /** Resolves once the index is built and holds every change committed so far. */
  private async caughtUp(): Promise<void> {
    await this.start()
    while (this.draining !== undefined) await this.draining
  }

  /** Indexes the backlog in slices of BACKLOG_SLICE_MS, each on a turn of its own. */
  private async drain(): Promise<void> {
    try {
      await this.start()
      while (this.backlog.size > 0 && !this.stopped) {
        await yieldToEventLoop()
        const sliceStart = performance.now()
        let done = 0
        for (const id of this.backlog) {
          if ((++done & 31) === 0 && performance.now() - sliceStart > BACKLOG_SLICE_MS) break
          this.backlog.delete(id)
          const paper = this.source.paper(id)
          if (paper === undefined || paper.trashedAt !== undefined) this.index.remove(id)
          else this.index.upsert(this.documentOf(paper))
        }
        this.cache = undefined
      }
      this.scheduleCompaction()
    } finally {
      this.draining = undefined
    }
  }

  private documentOf(paper: Paper): SearchDocument {
    return searchDocumentOf(paper, this.source.noteText(paper.id))
  }

  private countChange(): void {
    this.changesSinceSave++
    if (this.changesSinceSave >= SAVE_AFTER_CHANGES) this.scheduleSave()
  }

  private scheduleSave(): void {
    if (this.file === undefined || this.saveTimer !== undefined || this.stopped) return
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined
      void this.save()
    }, SAVE_DELAY_MS)
    this.saveTimer.unref?.()
  }

  /** Dead entries are dropped a moment after edits, never on the edit's own path. */
  private scheduleCompaction(): void {
    if (this.compaction !== undefined) return
    this.compaction = setTimeout(() => {
      this.compaction = undefined
      this.index.compactIfWasteful()
    }, 2000)
    this.compaction.unref?.()
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
