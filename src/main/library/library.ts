// The library: every paper and note of one library folder, held in memory and
// saved to its files (see libraryFiles.ts). Each API method of src/shared/api.ts
// is a method here; arguments arrive already validated by dispatch.ts.
//
// Writes: every mutation runs through one promise queue, so two saves never
// interleave on a file and each one builds on the state the previous one left.
// A mutation builds the next version of a document, writes it durably, and only
// then makes it the in-memory state ("write, then commit"). If the write fails
// (disk full, read-only folder) memory still equals what is on disk, nothing on
// disk is damaged (durableJsonFile never touches the old file before the
// rename), and the caller gets a StorageError: nothing is acknowledged that is
// not on disk, and readers never see a change that may still be rolled back.
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { ApiArgs, LibraryApi } from '../../shared/api'
import type {
  ImportReport,
  LibraryInfo,
  Note,
  Paper,
  PaperPage,
  PaperSort,
  PaperSummary,
  Settings,
} from '../../shared/model'
import { readSettings } from '../../shared/settingsSchema'
import { duplicateKeys } from './duplicateKeys'
import { BadInputError, NotFoundError, StorageError, messageOf } from './errors'
import { ListingFormatError, parseHfListing } from './importers/hfListing'
import type { ParsedListing } from './importers/hfListing'
import { openLibraryFiles } from './libraryFiles'
import type { LibraryFile, LibraryFiles, NotesFile, PapersFile } from './libraryFiles'
import { LongTasks } from './longTasks'
import type { ProgressListener, RunningTask } from './longTasks'

/** The bundled sample is one saved page; its relative dates ("Jan 26") are read from this day. */
export const SAMPLE_PAGE_DATE = '2026-02-09'

export const NOT_A_LISTING_MESSAGE =
  'the text is not a Hugging Face Daily Papers listing (expected a title, a blank line and an abstract)'

export interface LibraryOptions {
  /** The bundled sample listing (resources/sample-daily-papers.txt). */
  samplePath?: string
  /** The clock, replaceable so tests get fixed timestamps. */
  now?: () => Date
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
  // Indexes over the committed state, kept up to date by each commit.
  private readonly paperById = new Map<string, Paper>()
  private readonly noteByPaperId = new Map<string, Note>()
  private readonly paperIdByKey = new Map<string, string>()
  // Sorted non-trashed papers per sort order, dropped whenever papers change.
  private readonly sorted = new Map<PaperSort, Paper[]>()

  private constructor(
    private readonly files: LibraryFiles,
    private readonly now: () => Date,
    private readonly samplePath: string | undefined,
  ) {
    for (const paper of files.papers.data.papers) this.indexPaper(paper)
    for (const note of files.notes.data.notes) this.indexNote(note)
  }

  /**
   * Opens the library folder `dir`, creating it if needed. Unreadable files are
   * moved aside and reported in getLibraryInfo().problems. Rejects with a
   * LibraryVersionError when the folder was written by a newer Offprint.
   */
  static async open(dir: string, options: LibraryOptions = {}): Promise<Library> {
    const now = options.now ?? (() => new Date())
    const files = await openLibraryFiles(dir, now)
    return new Library(files, now, options.samplePath)
  }

  /** Absolute path of the library folder. */
  get dir(): string {
    return this.files.dir
  }

  async getLibraryInfo(): Promise<LibraryInfo> {
    return {
      path: this.files.dir,
      schemaVersion: this.files.library.data.schemaVersion,
      paperCount: this.sortedPapers('published').length,
      noteCount: this.files.notes.data.notes.length,
      problems: this.files.problems.map((problem) => ({ ...problem })),
    }
  }

  async listPapers({ offset, limit, sort }: ApiArgs<'listPapers'>): Promise<PaperPage> {
    const papers = this.sortedPapers(sort ?? 'published')
    return {
      total: papers.length,
      offset,
      items: papers.slice(offset, offset + limit).map((paper) => this.summarize(paper)),
    }
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
    const note = this.noteByPaperId.get(paperId)
    return note ? structuredClone(note) : null
  }

  /** Resolves once the note is durably on disk. */
  async saveNote({ paperId, body }: ApiArgs<'saveNote'>): Promise<Note> {
    return this.mutate(async () => {
      const paper = this.requirePaper(paperId)
      const existing = this.noteByPaperId.get(paperId)
      if (existing && existing.body === body && existing.title === paper.title) {
        return structuredClone(existing)
      }
      const at = this.now().toISOString()
      const note: Note = existing
        ? { ...existing, title: paper.title, body, updatedAt: at }
        : { id: randomUUID(), paperId, title: paper.title, body, createdAt: at, updatedAt: at }
      const current = this.files.notes.data.notes
      const notes = existing
        ? current.map((candidate) => (candidate === existing ? note : candidate))
        : [...current, note]
      await this.commitNotes({ ...this.files.notes.data, notes })
      this.noteByPaperId.set(paperId, note)
      this.notifyChange()
      return structuredClone(note)
    })
  }

  async setPaperStatus({ id, status }: ApiArgs<'setPaperStatus'>): Promise<Paper> {
    return this.mutate(async () => {
      const paper = this.requirePaper(id)
      if (paper.status === status) return structuredClone(paper)
      const updated: Paper = { ...paper, status, updatedAt: this.now().toISOString() }
      const papers = this.files.papers.data.papers.map((candidate) =>
        candidate === paper ? updated : candidate,
      )
      await this.commitPapers({ ...this.files.papers.data, papers })
      this.paperById.set(id, updated)
      this.notifyChange()
      return structuredClone(updated)
    })
  }

  async indexOfPaper({ id, sort }: ApiArgs<'indexOfPaper'>): Promise<number> {
    return this.sortedPapers(sort ?? 'published').findIndex((paper) => paper.id === id)
  }

  async getSettings(_args: ApiArgs<'getSettings'> = {}): Promise<Settings> {
    return readSettings(this.files.library.data.settings)
  }

  /**
   * Merges `patch` into the stored settings and resolves once they are on disk.
   * Keys this build does not know (from another version) are kept as they are.
   */
  async updateSettings({ patch }: ApiArgs<'updateSettings'>): Promise<Settings> {
    return this.mutate(async () => {
      const current = this.files.library.data
      const unchanged = Object.entries(patch).every(
        ([key, value]) => JSON.stringify(current.settings[key]) === JSON.stringify(value),
      )
      if (unchanged) return readSettings(current.settings)
      await this.commitLibrary({ ...current, settings: { ...current.settings, ...patch } })
      const settings = readSettings(this.files.library.data.settings)
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

  /** Waits for pending writes; later mutations are refused. */
  async close(): Promise<void> {
    this.closed = true
    this.listeners.clear()
    this.settingsListeners.clear()
    this.tasks.clearListeners()
    await this.writes
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
   * Adds the listing's new papers in one write. Cancelling before the write
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
      if (keys.some((key) => this.paperIdByKey.has(key) || keysOfAdded.has(key))) {
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
            ? { format: 'hf-daily-papers', importedAt }
            : { format: 'hf-daily-papers', fileName, importedAt },
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
      const papers = [...this.files.papers.data.papers, ...added]
      await this.commitPapers({ ...this.files.papers.data, papers })
      for (const paper of added) this.indexPaper(paper)
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

  private async commitPapers(next: PapersFile): Promise<void> {
    await this.files.papers.adapter.write(next)
    this.files.papers.data = next
    this.sorted.clear()
  }

  private async commitLibrary(next: LibraryFile): Promise<void> {
    await this.files.library.adapter.write(next)
    this.files.library.data = next
  }

  private async commitNotes(next: NotesFile): Promise<void> {
    await this.files.notes.adapter.write(next)
    this.files.notes.data = next
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

  private indexPaper(paper: Paper): void {
    this.paperById.set(paper.id, paper)
    for (const key of duplicateKeys(paper)) {
      if (!this.paperIdByKey.has(key)) this.paperIdByKey.set(key, paper.id)
    }
  }

  private indexNote(note: Note): void {
    if (note.paperId === undefined) return
    // Should a file hold two notes for one paper, the latest edit is the one shown.
    const other = this.noteByPaperId.get(note.paperId)
    if (!other || other.updatedAt < note.updatedAt) this.noteByPaperId.set(note.paperId, note)
  }

  private requirePaper(id: string): Paper {
    const paper = this.paperById.get(id)
    if (!paper) throw new NotFoundError(`No paper with id "${id}" in this library`)
    return paper
  }

  private sortedPapers(sort: PaperSort): Paper[] {
    const cached = this.sorted.get(sort)
    if (cached) return cached
    const active = this.files.papers.data.papers.filter((paper) => paper.trashedAt === undefined)
    // Position in the file breaks the last ties, so the order is total and stable.
    const position = new Map(active.map((paper, index) => [paper, index]))
    const compare = PAPER_ORDER[sort]
    const sorted = active.sort(
      (a, b) => compare(a, b) || (position.get(a) ?? 0) - (position.get(b) ?? 0),
    )
    this.sorted.set(sort, sorted)
    return sorted
  }

  private summarize(paper: Paper): PaperSummary {
    const note = this.noteByPaperId.get(paper.id)
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
  added: (a, b) => newestFirst(a.addedAt, b.addedAt),
  title: byTitle,
  upvotes: (a, b) => b.upvotes - a.upvotes || byTitle(a, b),
}

/** The user's calendar day, which is what "Jan 26" on a page they just saved means. */
function localIsoDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
