// The library: the operations behind every API method of src/shared/api.ts,
// over the records of one library folder (held in memory and persisted by
// store/libraryStore.ts). Arguments arrive already validated by dispatch.ts.
//
// Writes: every mutation runs through one promise queue, so each builds on the
// state the previous one left. A mutation builds new records (never editing the
// stored ones in place) and commits them to the store, which makes them durable
// before it makes them visible ("write, then commit"). If the write fails (disk
// full, read-only folder) memory still equals what is on disk, nothing on disk
// is damaged, and the caller gets a StorageError: nothing is acknowledged that
// is not on disk, and readers never see a change that may still be rolled back.
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { ApiArgs, LibraryApi } from '../../shared/api'
import { fuzzyMatch, fuzzyQuery } from '../../shared/fuzzyMatch'
import type {
  Collection,
  ImportReport,
  LibraryInfo,
  Note,
  Paper,
  PaperMatches,
  PaperPage,
  PaperSort,
  PaperSummary,
  Settings,
  TitleMatch,
} from '../../shared/model'
import { readSettings } from '../../shared/settingsSchema'
import { duplicateKeys } from './duplicateKeys'
import { BadInputError, NotFoundError, StorageError, messageOf } from './errors'
import { ListingFormatError, parseHfListing } from './importers/hfListing'
import type { ParsedListing } from './importers/hfListing'
import { LongTasks } from './longTasks'
import type { ProgressListener, RunningTask } from './longTasks'
import { highlightRanges } from './search/highlightRanges'
import { LibrarySearch } from './search/librarySearch'
import { LibraryStore } from './store/libraryStore'

/** The bundled sample is one saved page; its relative dates ("Jan 26") are read from this day. */
export const SAMPLE_PAGE_DATE = '2026-02-09'

export const NOT_A_LISTING_MESSAGE =
  'the text is not a Hugging Face Daily Papers listing (expected a title, a blank line and an abstract)'

export interface LibraryOptions {
  /** The bundled sample listing (resources/sample-daily-papers.txt). */
  samplePath?: string
  /** The clock, replaceable so tests get fixed timestamps. */
  now?: () => Date
  /** How long the store waits before rewriting shard files (see libraryStore.ts). */
  checkpointDelayMs?: number
}

export type ChangeListener = () => void
export type SettingsListener = (settings: Settings) => void

/** An import reports progress (and may be cancelled) this many times over its entries. */
const IMPORT_PROGRESS_STEPS = 100

// Locale-aware and numeric, so "Model 9" sorts before "Model 10".
const titleCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

export class Library implements LibraryApi {
  private readonly listeners = new Set<ChangeListener>()
  private readonly settingsListeners = new Set<SettingsListener>()
  private readonly tasks = new LongTasks()
  private writes: Promise<void> = Promise.resolve()
  private closed = false
  // Indexes over the committed state, built on first use (opening a large
  // library should cost no more than reading it) and kept up to date after.
  private noteIndex: Map<string, Note> | undefined
  private keyIndex: Map<string, string> | undefined
  // Sorted non-trashed papers per sort order, dropped whenever papers change.
  private readonly sorted = new Map<PaperSort, Paper[]>()
  // Lower-cased titles for the palette's fuzzy match, dropped with `sorted`.
  private lowerTitles: Map<string, string> | undefined
  private readonly search: LibrarySearch

  private constructor(
    private readonly store: LibraryStore,
    private readonly now: () => Date,
    private readonly samplePath: string | undefined,
  ) {
    this.search = new LibrarySearch({
      papers: () => this.sortedPapers('published'),
      paper: (id) => this.store.papers.get(id),
      noteText: (paperId) => this.notesByPaper().get(paperId)?.body ?? '',
      collections: () => this.collections(),
    })
  }

  /**
   * Opens the library folder `dir`, creating it if needed. Unreadable files are
   * moved aside and reported in getLibraryInfo().problems. Rejects with a
   * LibraryVersionError when the folder was written by a newer Offprint.
   */
  static async open(dir: string, options: LibraryOptions = {}): Promise<Library> {
    const now = options.now ?? (() => new Date())
    const storeOptions =
      options.checkpointDelayMs === undefined
        ? { now }
        : { now, checkpointDelayMs: options.checkpointDelayMs }
    const store = await LibraryStore.open(dir, storeOptions)
    const library = new Library(store, now, options.samplePath)
    // In the background: the list is usable while the search index builds.
    void library.search.start()
    return library
  }

  /** Absolute path of the library folder. */
  get dir(): string {
    return this.store.dir
  }

  async getLibraryInfo(): Promise<LibraryInfo> {
    return {
      path: this.store.dir,
      schemaVersion: this.store.schemaVersion,
      paperCount: this.sortedPapers('published').length,
      noteCount: this.store.notes.size,
      problems: this.store.problems.map((problem) => ({ ...problem })),
    }
  }

  async listPapers({ offset, limit, sort, query }: ApiArgs<'listPapers'>): Promise<PaperPage> {
    const order = sort ?? 'published'
    if (query === undefined || query.trim() === '') {
      const papers = this.sortedPapers(order)
      return {
        total: papers.length,
        ranked: false,
        offset,
        items: papers.slice(offset, offset + limit).map((paper) => this.summarize(paper)),
      }
    }
    const page = await this.search.page(query, order, () => this.sortedPapers(order), offset, limit)
    const items: PaperSummary[] = []
    for (const id of page.ids) {
      const paper = this.store.papers.get(id)
      if (paper === undefined) continue
      const summary = this.summarize(paper)
      summary.titleMatches = highlightRanges(paper.title, 'title', page.highlight)
      items.push(summary)
    }
    return { total: page.total, ranked: page.ranked, offset, items }
  }

  /** Every paper matching `query`, in full, best match first (for the CLI). */
  async searchPapers(query: string, sort: PaperSort = 'published'): Promise<Paper[]> {
    const ids = await this.search.all(query, sort, () => this.sortedPapers(sort))
    return ids.flatMap((id) => {
      const paper = this.store.papers.get(id)
      return paper === undefined ? [] : [structuredClone(paper)]
    })
  }

  async getPaperMatches({ id, query }: ApiArgs<'getPaperMatches'>): Promise<PaperMatches> {
    return this.search.matches(this.requirePaper(id), query)
  }

  /** Papers and notes whose title fuzzily matches `query`, best first (the command palette). */
  async findByTitle({ query, limit }: ApiArgs<'findByTitle'>): Promise<TitleMatch[]> {
    const wanted = fuzzyQuery(query)
    if (wanted === '') return []
    const scored: { match: TitleMatch; score: number }[] = []
    const lowerTitles = this.titlesInLowerCase()
    const notes = this.notesByPaper()
    for (const paper of this.sortedPapers('published')) {
      const lower = lowerTitles.get(paper.id) ?? paper.title.toLowerCase()
      const found = fuzzyMatch(wanted, paper.title, lower)
      if (found === null) continue
      const base = { paperId: paper.id, title: paper.title, matches: found.ranges }
      scored.push({ match: { kind: 'paper', ...base }, score: found.score })
      const note = notes.get(paper.id)
      if (note !== undefined && note.body.trim() !== '') {
        // Just below its paper, so the paper stays the first answer.
        scored.push({ match: { kind: 'note', ...base }, score: found.score - 0.001 })
      }
    }
    // Stable: equal scores keep the list's order (newest first).
    scored.sort((a, b) => b.score - a.score)
    return scored.slice(0, limit).map(({ match }) => match)
  }

  async setStarred({ id, starred }: ApiArgs<'setStarred'>): Promise<Paper> {
    return this.updatePaperState(id, (paper) =>
      paper.starred === starred ? undefined : { ...paper, starred },
    )
  }

  /** The collections not in the trash (for in:"Name" searches). */
  collections(): Collection[] {
    const live: Collection[] = []
    for (const collection of this.store.collections.values()) {
      if (collection.trashedAt === undefined) live.push(collection)
    }
    return live
  }

  /** Every paper not in the trash, in full, in the given order (for the CLI and exports). */
  allPapers(sort: PaperSort = 'published'): Paper[] {
    return this.sortedPapers(sort).map((paper) => structuredClone(paper))
  }

  async getPaper({ id }: ApiArgs<'getPaper'>): Promise<Paper> {
    return structuredClone(this.requirePaper(id))
  }

  async importText({ text, fileName }: ApiArgs<'importText'>): Promise<ImportReport> {
    return this.importListing(text, fileName, undefined)
  }

  async importSample(_args: ApiArgs<'importSample'> = {}): Promise<ImportReport> {
    if (this.samplePath === undefined) {
      throw new Error('No sample library is configured for this build')
    }
    let text: string
    try {
      text = await readFile(this.samplePath, 'utf8')
    } catch (error) {
      throw new StorageError(`Could not read the sample library: ${messageOf(error)}`, {
        cause: error,
      })
    }
    return this.importListing(text, basename(this.samplePath), SAMPLE_PAGE_DATE)
  }

  async getNote({ paperId }: ApiArgs<'getNote'>): Promise<Note | null> {
    this.requirePaper(paperId)
    const note = this.notesByPaper().get(paperId)
    return note ? structuredClone(note) : null
  }

  /** Resolves once the note is durably on disk. */
  async saveNote({ paperId, body }: ApiArgs<'saveNote'>): Promise<Note> {
    return this.mutate(async () => {
      const paper = this.requirePaper(paperId)
      const existing = this.notesByPaper().get(paperId)
      if (existing && existing.body === body && existing.title === paper.title) {
        return structuredClone(existing)
      }
      const at = this.now().toISOString()
      const note: Note = existing
        ? { ...existing, title: paper.title, body, updatedAt: at }
        : { id: randomUUID(), paperId, title: paper.title, body, createdAt: at, updatedAt: at }
      await this.store.commit({ notes: { put: [note] } })
      this.notesByPaper().set(paperId, note)
      this.search.paperChanged(paper)
      this.notifyChange()
      return structuredClone(note)
    })
  }

  async setPaperStatus({ id, status }: ApiArgs<'setPaperStatus'>): Promise<Paper> {
    return this.mutate(async () => {
      const paper = this.requirePaper(id)
      if (paper.status === status) return structuredClone(paper)
      const updated: Paper = { ...paper, status, updatedAt: this.now().toISOString() }
      await this.store.commit({ papers: { put: [updated] } })
      this.papersChanged()
      this.search.stateChanged(updated)
      this.notifyChange()
      return structuredClone(updated)
    })
  }

  async indexOfPaper({ id, sort, query }: ApiArgs<'indexOfPaper'>): Promise<number> {
    const order = sort ?? 'published'
    if (query !== undefined && query.trim() !== '') {
      return this.search.position(query, order, () => this.sortedPapers(order), id)
    }
    return this.sortedPapers(order).findIndex((paper) => paper.id === id)
  }

  async getSettings(_args: ApiArgs<'getSettings'> = {}): Promise<Settings> {
    return readSettings(this.store.settings)
  }

  /**
   * Merges `patch` into the stored settings and resolves once they are durable.
   * Keys this build does not know (from another version) are kept as they are.
   */
  async updateSettings({ patch }: ApiArgs<'updateSettings'>): Promise<Settings> {
    return this.mutate(async () => {
      const current = this.store.settings
      const unchanged = Object.entries(patch).every(
        ([key, value]) => JSON.stringify(current[key]) === JSON.stringify(value),
      )
      if (unchanged) return readSettings(current)
      await this.store.commit({ settings: { ...current, ...patch } })
      const settings = readSettings(this.store.settings)
      for (const listener of this.settingsListeners) {
        try {
          listener(settings)
        } catch (error) {
          console.error('offprint: settings listener failed:', error)
        }
      }
      return settings
    })
  }

  async cancelTask({ taskId }: ApiArgs<'cancelTask'>): Promise<boolean> {
    return this.tasks.cancel(taskId)
  }

  /** Calls `listener` with the progress of every long task; returns the unsubscribe function. */
  onProgress(listener: ProgressListener): () => void {
    return this.tasks.onProgress(listener)
  }

  /** Calls `listener` after every settings change; returns the unsubscribe function. */
  onSettingsChange(listener: SettingsListener): () => void {
    this.settingsListeners.add(listener)
    return () => {
      this.settingsListeners.delete(listener)
    }
  }

  /** Calls `listener` after every successful change; returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** Brings the library's files fully up to date (normally done a moment after each change). */
  async flush(): Promise<void> {
    await this.writes
    await this.store.flush()
  }

  /** Waits for pending writes; later mutations are refused. */
  async close(): Promise<void> {
    this.closed = true
    this.listeners.clear()
    this.settingsListeners.clear()
    this.tasks.clearListeners()
    this.search.stop()
    await this.writes
    await this.store.close()
  }

  // -------------------------------------------------------------------------

  private async importListing(
    text: string,
    fileName: string | undefined,
    pageDate: string | undefined,
  ): Promise<ImportReport> {
    const label = `Importing ${fileName ?? 'the pasted text'}`
    return this.tasks.run('import', label, async (task) => {
      task.report('Reading entries', 0, 0)
      await task.checkpoint() // the window hears of the task before parsing starts
      // Parsing needs no lock; only the merge below must see a settled library.
      const listing = this.parseListing(text, fileName, pageDate)
      return this.mutate(() => this.mergeListing(listing, fileName, task))
    })
  }

  /**
   * Adds the listing's new papers in one commit. Cancelling before the commit
   * leaves the library exactly as it was.
   */
  private async mergeListing(
    listing: ParsedListing,
    fileName: string | undefined,
    task: RunningTask,
  ): Promise<ImportReport> {
    const importedAt = this.now().toISOString()
    const added: Paper[] = []
    const keysOfAdded = new Map<string, string>()
    let alreadyPresent = 0
    const total = listing.papers.length
    const stride = Math.max(1, Math.ceil(total / IMPORT_PROGRESS_STEPS))
    for (const [index, parsed] of listing.papers.entries()) {
      if (index % stride === 0) {
        task.report('Adding papers', index, total)
        await task.checkpoint()
      }
      const keys = duplicateKeys(parsed)
      const known = this.papersByKey()
      if (keys.some((key) => known.has(key) || keysOfAdded.has(key))) {
        alreadyPresent++
        continue
      }
      const paper: Paper = {
        id: randomUUID(),
        title: parsed.title,
        abstract: parsed.abstract,
        authors: [],
        links: parsed.links,
        upvotes: parsed.upvotes,
        tags: [],
        status: 'unread',
        starred: false,
        addedAt: importedAt,
        updatedAt: importedAt,
        source:
          fileName === undefined
            ? { format: 'hf-daily-papers', importedAt, line: parsed.line }
            : { format: 'hf-daily-papers', fileName, importedAt, line: parsed.line },
      }
      if (parsed.authorCount !== undefined) paper.authorCount = parsed.authorCount
      if (parsed.organization !== undefined) paper.organization = parsed.organization
      if (parsed.published !== undefined) paper.published = parsed.published
      for (const key of keys) keysOfAdded.set(key, paper.id)
      added.push(paper)
    }
    task.report('Saving', total, total, { cancellable: false })
    // One write per import, and none when nothing is new.
    if (added.length > 0) {
      await this.store.commit({ papers: { put: added } })
      this.papersChanged()
      for (const paper of added) {
        this.indexPaper(paper)
        this.search.paperChanged(paper)
      }
      this.notifyChange()
    }
    const report: ImportReport = {
      format: 'hf-daily-papers',
      added: added.length,
      alreadyPresent,
      skipped: listing.skipped.map((entry) => ({ ...entry })),
      addedIds: added.map((paper) => paper.id),
    }
    if (fileName !== undefined) report.fileName = fileName
    return report
  }

  private parseListing(
    text: string,
    fileName: string | undefined,
    pageDate: string | undefined,
  ): ParsedListing {
    const source = fileName ?? 'the text'
    if (text.trim() === '') throw new BadInputError(`Nothing to import: ${source} is empty`)
    if (text.includes('\u0000')) {
      throw new BadInputError(`Nothing to import: ${source} is a binary file, not text`)
    }
    try {
      return parseHfListing(text, { pageDate, today: localIsoDate(this.now()) })
    } catch (error) {
      if (error instanceof ListingFormatError) {
        const where = fileName === undefined ? '' : ` in ${fileName}`
        throw new BadInputError(`No papers found${where}: ${NOT_A_LISTING_MESSAGE}`, {
          cause: error,
        })
      }
      throw error
    }
  }

  /**
   * Star or reading status: `change` returns the updated paper, or undefined
   * when there is nothing to change (then nothing is written).
   */
  private updatePaperState(
    id: string,
    change: (paper: Paper) => Paper | undefined,
  ): Promise<Paper> {
    return this.mutate(async () => {
      const paper = this.requirePaper(id)
      const changed = change(paper)
      if (changed === undefined) return structuredClone(paper)
      const updated: Paper = { ...changed, updatedAt: this.now().toISOString() }
      await this.store.commit({ papers: { put: [updated] } })
      this.papersChanged()
      this.search.stateChanged(updated)
      this.notifyChange()
      return structuredClone(updated)
    })
  }

  /** Cached views of the papers hold the old records: drop them. */
  private papersChanged(): void {
    this.sorted.clear()
    this.lowerTitles = undefined
  }

  private titlesInLowerCase(): Map<string, string> {
    if (this.lowerTitles === undefined) {
      this.lowerTitles = new Map()
      for (const paper of this.sortedPapers('published')) {
        this.lowerTitles.set(paper.id, paper.title.toLowerCase())
      }
    }
    return this.lowerTitles
  }

  /** Runs `task` after every earlier mutation has settled. */
  private mutate<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StorageError('The library is closed'))
    const run = this.writes.then(task)
    this.writes = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }

  private notifyChange(): void {
    for (const listener of this.listeners) {
      try {
        listener()
      } catch (error) {
        // A broken listener must not turn a durable save into a reported failure.
        console.error('offprint: library change listener failed:', error)
      }
    }
  }

  /** Duplicate key → paper id, for recognizing papers already in the library. */
  private papersByKey(): Map<string, string> {
    if (this.keyIndex === undefined) {
      this.keyIndex = new Map()
      for (const paper of this.store.papers.values()) this.indexPaper(paper)
    }
    return this.keyIndex
  }

  private indexPaper(paper: Paper): void {
    const index = this.papersByKey()
    for (const key of duplicateKeys(paper)) {
      if (!index.has(key)) index.set(key, paper.id)
    }
  }

  /** Paper id → its note. */
  private notesByPaper(): Map<string, Note> {
    if (this.noteIndex === undefined) {
      const index = new Map<string, Note>()
      for (const note of this.store.notes.values()) {
        if (note.paperId === undefined) continue
        // Should the library hold two notes for one paper, the latest edit is the one shown.
        const other = index.get(note.paperId)
        if (!other || other.updatedAt < note.updatedAt) index.set(note.paperId, note)
      }
      this.noteIndex = index
    }
    return this.noteIndex
  }

  private requirePaper(id: string): Paper {
    const paper = this.store.papers.get(id)
    if (!paper) throw new NotFoundError(`No paper with id "${id}" in this library`)
    return paper
  }

  private sortedPapers(sort: PaperSort): Paper[] {
    const cached = this.sorted.get(sort)
    if (cached) return cached
    const active: Paper[] = []
    for (const paper of this.store.papers.values()) {
      if (paper.trashedAt === undefined) active.push(paper)
    }
    // The id breaks the last ties, so the order is total and the same on every open.
    const compare = PAPER_ORDER[sort]
    const sorted = active.sort((a, b) => compare(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    this.sorted.set(sort, sorted)
    return sorted
  }

  private summarize(paper: Paper): PaperSummary {
    const note = this.notesByPaper().get(paper.id)
    const summary: PaperSummary = {
      id: paper.id,
      title: paper.title,
      upvotes: paper.upvotes,
      status: paper.status,
      starred: paper.starred,
      hasNote: note !== undefined && note.body.trim() !== '',
    }
    if (paper.published !== undefined) summary.published = paper.published
    if (paper.organization !== undefined) summary.organization = paper.organization
    if (paper.authorCount !== undefined) summary.authorCount = paper.authorCount
    const firstAuthor = paper.authors[0]
    if (firstAuthor !== undefined) summary.firstAuthor = firstAuthor
    return summary
  }
}

type PaperOrder = (a: Paper, b: Paper) => number

const byTitle: PaperOrder = (a, b) => titleCollator.compare(a.title, b.title)

/** Descending order of optional ISO strings, missing values last. */
function newestFirst(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0
  if (a === undefined) return 1
  if (b === undefined) return -1
  return a < b ? 1 : -1
}

const PAPER_ORDER: Record<PaperSort, PaperOrder> = {
  published: (a, b) => newestFirst(a.published, b.published) || byTitle(a, b),
  // Papers of one import share addedAt; they keep the order of the file.
  added: (a, b) => newestFirst(a.addedAt, b.addedAt) || (a.source.line ?? 0) - (b.source.line ?? 0),
  title: byTitle,
  upvotes: (a, b) => b.upvotes - a.upvotes || byTitle(a, b),
}

/** The user's calendar day, which is what "Jan 26" on a page they just saved means. */
function localIsoDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
