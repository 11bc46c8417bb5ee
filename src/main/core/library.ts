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
import { basename, join, resolve } from 'node:path'
import type { ApiArgs, LibraryApi } from '../../shared/api'
import type {
  BackupList,
  BackupOutcome,
  BackupReason,
  ChangeOutcome,
  Collection,
  CollectionChoice,
  CollectionRef,
  DuplicateGroup,
  ExportFormat,
  ExportResult,
  ImportPreview,
  ImportReport,
  LibraryInfo,
  LookupQueue,
  MergeOutcome,
  Backlink,
  LinkTarget,
  Note,
  NoteSummary,
  Paper,
  PaperFilter,
  PaperMatches,
  PaperPage,
  PaperRelation,
  PaperRelationView,
  PaperSort,
  PaperSummary,
  QueuedIdentifier,
  RestoreReport,
  RelatedPaper,
  SelectionSummary,
  Settings,
  Sidebar,
  StoreProblem,
  TitleMatch,
  TrashContents,
  UndoState,
  LibraryChange,
  ChangeTopic,
} from '../../shared/model'
import { EVERYTHING_CHANGED } from '../../shared/model'
import { changeOf } from './kernel/changeTopics'
import { fuzzyMatch, fuzzyQuery } from '../../shared/fuzzyMatch'
import { readSettings } from '../../shared/settingsSchema'
import { findDuplicateGroups } from './duplicates/duplicateFinder'
import { duplicateKeys } from './duplicates/duplicateKeys'
import { BadInputError, NotFoundError, StorageError, messageOf } from './kernel/errors'
import { exportPapers, papersInScope } from './exports/exportPapers'
import { parseFormattedIdentifier } from './imports/identifiers'
import type { ParseControl, ParsedImport } from './imports/parsedRecord'
import { readImport } from './imports/readImport'
import { ImportCancelledError } from './imports/yieldingLoop'
import { planImport } from './imports/importPlan'
import { backupsFolder, listBackups, summaryOf } from './backups/backupFolder'
import { BackupTimer } from './backups/backupTimer'
import { createBackup, pruneBackups } from './backups/createBackup'
import type { CreatedBackup } from './backups/createBackup'
import { restoreBackupFiles } from './backups/restoreBackup'
import { normalizeTitle, type WikiLink, type WikiLinkTarget } from '../../shared/wikiLinks'
import { linkContextOf, plainTextOf } from './links/linkContext'
import { LinkIndex } from './links/linkIndex'
import { LinkTargets } from './links/linkTargets'
import {
  collectionsOfPaper,
  planAddToCollection,
  planCreateCollection,
  planMoveCollection,
  planRemoveFromCollection,
  planRenameCollection,
} from './organize/collections'
import { paperTest, sidebarFor } from './organize/paperFilter'
import type { FilterInputs } from './organize/paperFilter'
import { planSetStarred, planSetStatus } from './organize/paperFlags'
import { isEmptyChangeSet } from './organize/plan'
import type { OrganizeContext, Plan } from './organize/plan'
import { summarizeSelection } from './organize/selectionSummary'
import { planDeleteTag, planRenameTag, planTagPapers } from './organize/tags'
import {
  planDeleteForever,
  planEmptyTrash,
  planMoveToTrash,
  planRestore,
  trashContents,
} from './organize/trash'
import {
  UndoConflictError,
  UndoStack,
  captureStep,
  changedRecords,
  replayChanges,
} from './organize/undoStack'
import type { Direction } from './organize/undoStack'
import { newestFirst, resortedAfter, sortPapers } from './papers/paperOrder'
import { LongTasks, TaskCancelledError } from './kernel/longTasks'
import { RelatedPapersIndex } from './related/relatedPapers'
import type { ProgressListener, RunningTask } from './kernel/longTasks'
import { IdentifierLookup } from './lookup/identifierLookup'
import type { LookupOptions } from './lookup/identifierLookup'
import { LookupQueueStore } from './lookup/lookupQueue'
import { planMerge } from './organize/mergeCommand'
import { highlightRanges } from './search/highlightRanges'
import { LibrarySearch } from './search/librarySearch'
import type { SearchView } from './search/librarySearch'
import { SEARCH_INDEX_FILE, readSearchIndexFile } from './search/searchIndexFile'
import { LibraryStore } from './store/libraryStore'
import type { StoreOptions } from './store/libraryStore'
import type { ChangeSet } from './store/recordKinds'

/** The bundled sample is one saved page; its relative dates ("Jan 26") are read from this day. */
export const SAMPLE_PAGE_DATE = '2026-02-09'

/** Prepared previews kept at once; older ones are dropped (the user moved on). */
const MAX_PREVIEWS = 4

export interface LibraryOptions {
  /** The bundled sample listing (resources/sample-daily-papers.txt). */
  samplePath?: string
  /** The clock, replaceable so tests get fixed timestamps. */
  now?: () => Date
  /** How long the store waits before rewriting shard files (see libraryStore.ts). */
  checkpointDelayMs?: number
  /** Where identifier lookups go (tests: a stub server on 127.0.0.1) and how fast. */
  lookup?: LookupOptions
  /**
   * Back the library up on open and after every backupIntervalHours of use
   * (the app does; the CLI and most tests do not).
   */
  automaticBackups?: boolean
  /**
   * Libraries of at least this many papers keep their search index in a file
   * (default: a size whose index takes long enough to build to be worth it).
   */
  searchIndexFromPapers?: number
}

export type ChangeListener = (change: LibraryChange) => void
export type SettingsListener = (settings: Settings) => void

/** What an import has read (and looked up), waiting to be written. */
interface PreparedImport extends ParsedImport {
  fileName?: string
  /** Identifiers to put in the lookup queue (the lookup may work later). */
  queued: QueuedIdentifier[]
  /** Identifiers settled by this import (found, or known not to exist): off the queue. */
  resolved: string[]
}

/** An import between previewImport and confirmImport (or cancelImport). */
interface PendingImport {
  /** The task reading it, while it runs. */
  taskId?: string
  /** Set once reading and lookups are done. */
  prepared?: PreparedImport
}

/** How many related papers and link suggestions a call returns unless it asks otherwise. */
const DEFAULT_RELATED = 5
const DEFAULT_SUGGESTIONS = 8
/** Length of a note's excerpt in the notes list. */
const EXCERPT_CHARS = 160
/** Papers whose words are counted between two yields to the event loop. */
const RELATED_SLICE = 500
/**
 * From this many papers, building an index (search, similar papers) is shown
 * as a task with progress: below it a build takes well under a second.
 */
export const REINDEX_TASK_FROM = 5000

export class Library implements LibraryApi {
  private readonly listeners = new Set<ChangeListener>()
  private readonly settingsListeners = new Set<SettingsListener>()
  private readonly tasks = new LongTasks()
  private readonly pending = new Map<string, PendingImport>()
  private writes: Promise<void> = Promise.resolve()
  // Backups run one at a time, beside (not inside) the write queue.
  private backups: Promise<void> = Promise.resolve()
  private readonly backupTimer: BackupTimer | undefined
  private backupProblem: string | undefined
  private closed = false
  /** Files found damaged since the library was opened (a restore adds its own). */
  private readonly problems: StoreProblem[]
  // Indexes over the committed state, built on first use (opening a large
  // library should cost no more than reading it) and kept up to date after.
  private noteIndex: Map<string, Note> | undefined
  private keyIndex: Map<string, string> | undefined
  // Sorted non-trashed papers per sort order, dropped whenever papers change.
  private readonly sorted = new Map<PaperSort, Paper[]>()
  // The last filtered list, so paging through it does not filter again.
  private filtered: { key: string; generation: number; papers: Paper[] } | undefined
  // Bumped by every change, so derived views know when they are stale.
  private generation = 0
  private readonly history = new UndoStack()
  // Derived from note bodies and paper texts, never stored: built on first use
  // (backlinks, similar papers), then kept up to date by every commit.
  private linkIndex: LinkIndex | undefined
  private relatedIndex: RelatedPapersIndex | undefined
  private relatedBuild: Promise<RelatedPapersIndex> | undefined
  private readonly targets = new LinkTargets({
    papers: () => this.store.papers.values(),
    notes: () => this.store.notes.values(),
    paper: (id) => this.store.papers.get(id),
    note: (id) => this.store.notes.get(id),
    newestPapers: () => this.sortedPapers('published'),
  })
  // Lower-cased titles for the palette's fuzzy match, for one generation.
  private lowerTitles: { generation: number; titles: Map<string, string> } | undefined
  private search: LibrarySearch

  private constructor(
    private store: LibraryStore,
    private readonly storeOptions: StoreOptions,
    private readonly now: () => Date,
    private readonly samplePath: string | undefined,
    private readonly queue: LookupQueueStore,
    private readonly lookup: IdentifierLookup,
    automaticBackups: boolean,
    private readonly searchIndexFromPapers: number | undefined,
  ) {
    this.problems = [...store.problems]
    if (automaticBackups) {
      this.backupTimer = new BackupTimer(() => void this.backUpAutomatically('scheduled'))
      this.backupTimer.arm(readSettings(store.settings).backupIntervalHours)
      void this.backUpAutomatically('start')
    }
    this.search = this.newSearch()
  }

  /** The search index over this library's current store (built in the background by start()). */
  private newSearch(): LibrarySearch {
    return new LibrarySearch(
      {
        papers: () => this.sortedPapers('published'),
        paper: (id) => this.store.papers.get(id),
        noteText: (paperId) => this.notesByPaper().get(paperId)?.body ?? '',
        collections: () => this.collections(),
        revision: () => this.store.revision,
      },
      { path: join(this.store.dir, SEARCH_INDEX_FILE), fromPapers: this.searchIndexFromPapers },
    )
  }

  /**
   * Opens the library folder `dir`, creating it if needed. Unreadable files are
   * moved aside, replaced by their latest good backup when there is one, and
   * reported in getLibraryInfo().problems. Rejects with a LibraryVersionError
   * when the folder was written by a newer Offprint.
   */
  static async open(dir: string, options: LibraryOptions = {}): Promise<Library> {
    const now = options.now ?? (() => new Date())
    const storeOptions: StoreOptions =
      options.checkpointDelayMs === undefined
        ? { now }
        : { now, checkpointDelayMs: options.checkpointDelayMs }
    // The search index file is read (by the thread pool) while the store opens.
    const searchIndex = readSearchIndexFile(join(resolve(dir), SEARCH_INDEX_FILE))
    const store = await LibraryStore.open(dir, storeOptions)
    const queue = await LookupQueueStore.open(store.dir)
    const library = new Library(
      store,
      storeOptions,
      now,
      options.samplePath,
      queue,
      new IdentifierLookup(options.lookup),
      options.automaticBackups === true,
      options.searchIndexFromPapers,
    )
    // In the background: the list is usable while the search index builds.
    library.startSearch(searchIndex)
    return library
  }

  /** Absolute path of the library folder. */
  get dir(): string {
    return this.store.dir
  }

  async getLibraryInfo(): Promise<LibraryInfo> {
    const info: LibraryInfo = {
      path: this.store.dir,
      schemaVersion: this.store.schemaVersion,
      paperCount: this.sortedPapers('published').length,
      noteCount: countLiveNotes(this.store.notes.values()),
      problems: structuredClone(this.problems),
    }
    if (this.backupProblem !== undefined) info.backupProblem = this.backupProblem
    return info
  }

  async listPapers({
    offset,
    limit,
    sort,
    filter,
    query,
  }: ApiArgs<'listPapers'>): Promise<PaperPage> {
    const order = sort ?? 'published'
    if (query === undefined || query.trim() === '') {
      const papers = this.filteredPapers(order, filter)
      return {
        total: papers.length,
        ranked: false,
        offset,
        items: papers.slice(offset, offset + limit).map((paper) => this.summarize(paper)),
      }
    }
    const page = await this.search.page(this.searchIn(order, filter), query, offset, limit)
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
    const ids = await this.search.all(this.searchIn(sort, undefined), query)
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

  async listPaperIds({ sort, filter, query }: ApiArgs<'listPaperIds'>): Promise<string[]> {
    const order = sort ?? 'published'
    if (query !== undefined && query.trim() !== '') {
      return this.search.all(this.searchIn(order, filter), query)
    }
    return this.filteredPapers(order, filter).map((paper) => paper.id)
  }

  async getPaper({ id }: ApiArgs<'getPaper'>): Promise<Paper> {
    return structuredClone(this.requirePaper(id))
  }

  /** Reads and writes in one step (the CLI, files the OS opens, callers that need no preview). */
  async importText({ text, fileName }: ApiArgs<'importText'>): Promise<ImportReport> {
    return this.tasks.run('import', importLabel(fileName), async (task) => {
      const prepared = await this.prepareImport(task, fileName, (control) =>
        readImport(text, this.readOptions(control, fileName)),
      )
      return this.mutate(() => this.writeImport(task, prepared))
    })
  }

  /**
   * Step one of an import: parse the text, look identifiers up, match against
   * the library, and say what confirming would do. Nothing is written. Runs as
   * a long task (progress to onProgress listeners); cancelImport or cancelTask stop it.
   */
  async previewImport({
    previewId,
    text,
    fileName,
  }: ApiArgs<'previewImport'>): Promise<ImportPreview> {
    return this.preview(previewId, fileName, (control) =>
      readImport(text, this.readOptions(control, fileName)),
    )
  }

  /** Looks the queued identifiers up again; the result is a preview like any import's. */
  async retryLookups({ previewId }: ApiArgs<'retryLookups'>): Promise<ImportPreview> {
    const identifiers = this.queue.list().map((item) => item.identifier)
    if (identifiers.length === 0)
      throw new BadInputError('No identifiers are waiting to be looked up')
    return this.preview(previewId, undefined, async () => ({
      format: 'identifiers',
      records: [],
      skipped: [],
      identifiers,
    }))
  }

  /** Step two: write what the preview showed (as the library is now), in one durable commit. */
  async confirmImport({ previewId }: ApiArgs<'confirmImport'>): Promise<ImportReport> {
    const prepared = this.pending.get(previewId)?.prepared
    if (prepared === undefined) {
      throw new NotFoundError(
        `No finished import preview "${previewId}" (it was cancelled, confirmed or replaced)`,
      )
    }
    this.pending.delete(previewId)
    return this.tasks.run('import', importLabel(prepared.fileName), (task) =>
      this.mutate(() => this.writeImport(task, prepared)),
    )
  }

  /** Stops a running preview, or forgets a finished one. Nothing was written either way. */
  async cancelImport({ previewId }: ApiArgs<'cancelImport'>): Promise<{ cancelled: boolean }> {
    const pending = this.pending.get(previewId)
    if (pending === undefined) return { cancelled: false }
    this.pending.delete(previewId)
    if (pending.prepared === undefined && pending.taskId !== undefined) {
      this.tasks.cancel(pending.taskId)
    }
    return { cancelled: true }
  }

  async getLookupQueue(_args: ApiArgs<'getLookupQueue'> = {}): Promise<LookupQueue> {
    return { items: this.queue.list() }
  }

  /** Removes identifiers from the lookup queue (the user gave up on them). */
  async dropQueuedLookups({ identifiers }: ApiArgs<'dropQueuedLookups'>): Promise<LookupQueue> {
    await this.mutate(() => this.queue.remove(identifiers))
    this.notifyChange({ topics: ['lookup-queue'] })
    return { items: this.queue.list() }
  }

  /**
   * Groups of papers that look like the same paper (same DOI, arXiv id, or
   * title and year): a long task at 100k papers, with progress, cancellable.
   */
  async findDuplicates(_args: ApiArgs<'findDuplicates'> = {}): Promise<DuplicateGroup[]> {
    return this.tasks.run('duplicates', 'Finding duplicates', async (task) => {
      const papers = this.sortedPapers('added')
      task.report('Comparing papers', 0, papers.length)
      await task.checkpoint() // the window hears of the task before the work starts
      const groups = await findDuplicateGroups(papers, task.pace('Comparing papers'))
      // Papers merged, trashed or edited while the scan ran: as they are now.
      return groups.flatMap((group) => {
        const current = group.papers.flatMap((paper) => {
          const now = this.store.papers.get(paper.id)
          return now === undefined || now.trashedAt !== undefined ? [] : [this.summarize(now)]
        })
        return current.length < 2 ? [] : [{ reason: group.reason, papers: current }]
      })
    })
  }

  /**
   * Merges `mergeIds` into `keepId` (see mergeCommand.ts) as one undo step:
   * undo (Edit > Undo, or the Duplicates dialog) brings every record back.
   */
  async mergeDuplicates({ keepId, mergeIds }: ApiArgs<'mergeDuplicates'>): Promise<MergeOutcome> {
    return this.organize((ctx) => planMerge(ctx, keepId, mergeIds))
  }

  /**
   * The text of an export (one file, or a vault's files); the caller saves it.
   * A long task (a BibTeX export of 100k papers takes most of a minute), with
   * progress, cancellable until the text is handed over.
   */
  async exportPapers({ format, scope }: ApiArgs<'exportPapers'>): Promise<ExportResult> {
    const library = this.papersInAddedOrder()
    const papers = papersInScope(scope, {
      papers: library,
      paperById: this.store.papers,
      collections: [...this.store.collections.values()],
    })
    return this.tasks.run('export', `Exporting to ${FORMAT_NAMES[format]}`, async (task) => {
      task.report('Writing entries', 0, papers.length)
      await task.checkpoint() // the window hears of the task before the work starts
      return exportPapers(format, papers, {
        library,
        notes: [...this.store.notes.values()],
        noteOf: (paperId) => this.notesByPaper().get(paperId),
        collections: [...this.store.collections.values()],
        includeStandaloneNotes: scope.kind === 'library',
        scopeName: this.scopeName(scope),
        pace: task.pace('Writing entries'),
      })
    })
  }

  /** Collections to offer in the export dialog, depth-first. */
  async listExportCollections(
    _args: ApiArgs<'listExportCollections'> = {},
  ): Promise<CollectionChoice[]> {
    const live = [...this.store.collections.values()].filter((c) => c.trashedAt === undefined)
    const choices: CollectionChoice[] = []
    const visit = (parentId: string | undefined, depth: number): void => {
      const children = live
        .filter((c) => c.parentId === parentId)
        .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
      for (const child of children) {
        if (depth > 32) return // a cycle in hand-edited files must not hang the dialog
        choices.push({ id: child.id, name: child.name, depth, paperCount: child.paperIds.length })
        visit(child.id, depth + 1)
      }
    }
    visit(undefined, 0)
    return choices
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
    const fileName = basename(this.samplePath)
    return this.tasks.run('import', importLabel(fileName), async (task) => {
      const prepared = await this.prepareImport(task, fileName, (control) =>
        readImport(text, { ...this.readOptions(control, fileName), pageDate: SAMPLE_PAGE_DATE }),
      )
      return this.mutate(() => this.writeImport(task, prepared))
    })
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
      if (paper.trashedAt !== undefined) {
        throw new BadInputError(`"${paper.title}" is in the Trash; restore it to edit its note`)
      }
      const existing = this.notesByPaper().get(paperId)
      if (existing && existing.body === body && existing.title === paper.title) {
        return structuredClone(existing)
      }
      const at = this.now().toISOString()
      const note: Note = existing
        ? { ...existing, title: paper.title, body, updatedAt: at }
        : { id: randomUUID(), paperId, title: paper.title, body, createdAt: at, updatedAt: at }
      await this.commitNote(note, existing)
      this.search.paperChanged(paper)
      return structuredClone(note)
    })
  }

  // --- standalone notes ------------------------------------------------------

  async listNotes({ query }: ApiArgs<'listNotes'>): Promise<NoteSummary[]> {
    // Trashed notes are listed by the Trash (listTrash).
    const notes = [...this.store.notes.values()].filter(
      (note) => note.paperId === undefined && note.trashedAt === undefined,
    )
    const words = normalizeTitle(query ?? '')
      .split(' ')
      .filter((word) => word !== '')
    const ranked: Array<{ note: Note; inTitle: boolean }> = []
    for (const note of notes) {
      const title = normalizeTitle(note.title)
      const inTitle = words.every((word) => title.includes(word))
      if (!inTitle && words.length > 0) {
        const text = `${title} ${normalizeTitle(note.body)}`
        if (!words.every((word) => text.includes(word))) continue
      }
      ranked.push({ note, inTitle })
    }
    // Title matches first, then the most recently edited.
    ranked.sort(
      (a, b) =>
        Number(b.inTitle) - Number(a.inTitle) || newestFirst(a.note.updatedAt, b.note.updatedAt),
    )
    return ranked.map(({ note }) => this.summarizeNote(note))
  }

  async createNote({ title, body }: ApiArgs<'createNote'>): Promise<Note> {
    return this.mutate(async () => {
      const at = this.now().toISOString()
      const note: Note = {
        id: randomUUID(),
        title: cleanTitle(title) || 'Untitled',
        body: body ?? '',
        createdAt: at,
        updatedAt: at,
      }
      await this.commitNote(note, undefined)
      return structuredClone(note)
    })
  }

  /** Any note by its id, a paper's or a standalone one, trashed or not. */
  async getNoteById({ id }: ApiArgs<'getNoteById'>): Promise<Note> {
    return structuredClone(this.requireNote(id))
  }

  /** Renames a standalone note and/or replaces a note's body. */
  async updateNote({ id, title, body }: ApiArgs<'updateNote'>): Promise<Note> {
    return this.mutate(async () => {
      const existing = this.requireNote(id)
      if (existing.trashedAt !== undefined) {
        throw new BadInputError(`The note "${existing.title}" is in the trash; restore it first`)
      }
      if (title !== undefined && existing.paperId !== undefined) {
        throw new BadInputError("A paper's note is titled after its paper and cannot be renamed")
      }
      const nextTitle = title === undefined ? existing.title : cleanTitle(title)
      if (nextTitle === '') throw new BadInputError('A note needs a title')
      const nextBody = body ?? existing.body
      if (nextTitle === existing.title && nextBody === existing.body) {
        return structuredClone(existing)
      }
      const at = this.now().toISOString()
      const note: Note = { ...existing, title: nextTitle, body: nextBody, updatedAt: at }
      await this.commitNote(note, existing)
      return structuredClone(note)
    })
  }

  // --- links between notes and papers -----------------------------------------

  /** Papers and standalone notes whose titles fuzzily match `query`, best first. */
  async suggestLinkTargets({
    query,
    limit,
    kind,
  }: ApiArgs<'suggestLinkTargets'>): Promise<LinkTarget[]> {
    return this.targets.suggest(query, limit ?? DEFAULT_SUGGESTIONS, kind)
  }

  /** What each link target currently is: its title now, or null when missing or trashed. */
  async resolveLinkTargets({
    targets,
  }: ApiArgs<'resolveLinkTargets'>): Promise<Array<LinkTarget | null>> {
    return targets.map((target) => {
      const resolved = this.targets.resolve(target)
      return resolved === undefined ? null : { ...resolved }
    })
  }

  /** The notes that link to a paper or note, each with the sentences around its links. */
  async getBacklinks({ kind, id }: ApiArgs<'getBacklinks'>): Promise<Backlink[]> {
    const title =
      kind === 'paper'
        ? this.requirePaper(id).title
        : this.targets.titleOfNote(this.requireNote(id))
    const sources = this.links().notesLinkingTo([`${kind}:${id}`, `title:${normalizeTitle(title)}`])
    const textOf = (link: WikiLink): string =>
      this.targets.resolve(link.target)?.title ?? link.label ?? targetText(link.target)
    const backlinks: Backlink[] = []
    for (const noteId of sources) {
      const source = this.store.notes.get(noteId)
      const noteLinks = this.links().linksOf(noteId)
      // A note linking to itself, or a paper's own note to its paper, is no backlink.
      if (source === undefined || noteLinks === undefined || noteId === id) continue
      if (kind === 'paper' && source.paperId === id) continue
      const matching = noteLinks.links.filter((link) => {
        const resolved = this.targets.resolve(link.target)
        return resolved?.kind === kind && resolved.id === id
      })
      if (matching.length === 0) continue // a title link that now means something else
      const backlink: Backlink = {
        noteId,
        noteTitle: this.targets.titleOfNote(source),
        updatedAt: source.updatedAt,
        contexts: matching.map((link) =>
          linkContextOf(noteLinks.body, link, noteLinks.links, textOf),
        ),
      }
      if (source.paperId !== undefined) backlink.paperId = source.paperId
      backlinks.push(backlink)
    }
    return backlinks.sort((a, b) => newestFirst(a.updatedAt, b.updatedAt))
  }

  /** The papers most similar to this one by title and abstract (TF-IDF cosine). */
  async getRelatedPapers({ id, limit }: ApiArgs<'getRelatedPapers'>): Promise<RelatedPaper[]> {
    this.requirePaper(id)
    const related = await this.related()
    await related.ready()
    return related.similarTo(id, limit ?? DEFAULT_RELATED).flatMap(({ id: otherId, score }) => {
      const other = this.store.papers.get(otherId)
      return other === undefined ? [] : [{ paper: this.summarize(other), score }]
    })
  }

  /** The relations of a paper whose other paper is in the library (not trashed), oldest first. */
  async listRelations({ paperId }: ApiArgs<'listRelations'>): Promise<PaperRelationView[]> {
    this.requirePaper(paperId)
    const views: PaperRelationView[] = []
    for (const relation of this.store.relations.values()) {
      const direction =
        relation.fromId === paperId
          ? 'outgoing'
          : relation.toId === paperId
            ? 'incoming'
            : undefined
      if (direction === undefined) continue
      const other = this.store.papers.get(
        direction === 'outgoing' ? relation.toId : relation.fromId,
      )
      if (other === undefined || other.trashedAt !== undefined) continue
      views.push({ relation: { ...relation }, direction, other: this.summarize(other) })
    }
    return views
  }

  /** Relates two papers (one undo step); `label` says how, e.g. "extends". */
  async addRelation({ fromId, toId, label }: ApiArgs<'addRelation'>): Promise<PaperRelation> {
    return this.organize(({ at, newId }) => {
      const from = this.requireLivePaper(fromId)
      const to = this.requireLivePaper(toId)
      if (from === to) throw new BadInputError('A paper cannot be related to itself')
      const existing = [...this.store.relations.values()].find(
        (relation) =>
          (relation.fromId === fromId && relation.toId === toId) ||
          (relation.fromId === toId && relation.toId === fromId),
      )
      if (existing !== undefined) {
        throw new BadInputError(`"${from.title}" and "${to.title}" are already related`)
      }
      const relation: PaperRelation = { id: newId(), fromId, toId, createdAt: at }
      const cleanLabel = cleanTitle(label ?? '')
      if (cleanLabel !== '') relation.label = cleanLabel
      return {
        changes: { relations: { put: [relation] } },
        label: `Relate “${from.title}” to “${to.title}”`,
        result: { ...relation },
      }
    })
  }

  /** Sets a relation's label (one undo step); an absent or blank label removes it. */
  async updateRelation({ id, label }: ApiArgs<'updateRelation'>): Promise<PaperRelation> {
    return this.organize(() => {
      const existing = this.requireRelation(id)
      const cleanLabel = cleanTitle(label ?? '')
      const relation: PaperRelation = { ...existing }
      if (cleanLabel === '') delete relation.label
      else relation.label = cleanLabel
      const unchanged = relation.label === existing.label
      return {
        changes: unchanged ? {} : { relations: { put: [relation] } },
        label: 'Change the label of a relation',
        result: { ...relation },
      }
    })
  }

  /** Removes a relation from both papers (one undo step). */
  async removeRelation({ id }: ApiArgs<'removeRelation'>): Promise<PaperRelation> {
    return this.organize(() => {
      const existing = this.requireRelation(id)
      return {
        changes: { relations: { remove: [existing.id] } },
        label: 'Remove a relation between papers',
        result: { ...existing },
      }
    })
  }

  // --- organizing: each builds a change set (organize/), applied as one undo step

  async getSidebar(_args: ApiArgs<'getSidebar'> = {}): Promise<Sidebar> {
    return sidebarFor(this.filterInputs())
  }

  async listTrash(_args: ApiArgs<'listTrash'> = {}): Promise<TrashContents> {
    return trashContents(this.store)
  }

  async getPaperCollections({ id }: ApiArgs<'getPaperCollections'>): Promise<CollectionRef[]> {
    this.requirePaper(id)
    return collectionsOfPaper(this.store, id)
  }

  async summarizeSelection({ paperIds }: ApiArgs<'summarizeSelection'>): Promise<SelectionSummary> {
    return summarizeSelection(this.store, paperIds)
  }

  async createCollection(args: ApiArgs<'createCollection'>): Promise<Collection> {
    const collection = await this.organize((ctx) => planCreateCollection(ctx, args))
    return structuredClone(collection)
  }

  async renameCollection({ id, name }: ApiArgs<'renameCollection'>): Promise<ChangeOutcome> {
    return this.organize((ctx) => planRenameCollection(ctx, id, name))
  }

  async moveCollection({ id, parentId, index }: ApiArgs<'moveCollection'>): Promise<ChangeOutcome> {
    return this.organize((ctx) => planMoveCollection(ctx, id, parentId, index))
  }

  async addToCollection({
    collectionId,
    paperIds,
  }: ApiArgs<'addToCollection'>): Promise<ChangeOutcome> {
    return this.organize((ctx) => planAddToCollection(ctx, collectionId, paperIds))
  }

  async removeFromCollection({
    collectionId,
    paperIds,
  }: ApiArgs<'removeFromCollection'>): Promise<ChangeOutcome> {
    return this.organize((ctx) => planRemoveFromCollection(ctx, collectionId, paperIds))
  }

  async setStatus({ paperIds, status }: ApiArgs<'setStatus'>): Promise<ChangeOutcome> {
    return this.organize((ctx) => planSetStatus(ctx, paperIds, status))
  }

  async setStarred({ paperIds, starred }: ApiArgs<'setStarred'>): Promise<ChangeOutcome> {
    return this.organize((ctx) => planSetStarred(ctx, paperIds, starred))
  }

  /**
   * Marks an unread paper read because it stayed open (the mark-as-read
   * setting). It happens by itself, so it is not an undo step.
   */
  async markRead({ id }: ApiArgs<'markRead'>): Promise<boolean> {
    return this.organize(
      (ctx) => {
        const paper = this.requirePaper(id)
        const applies = paper.status === 'unread' && paper.trashedAt === undefined
        const plan = planSetStatus(ctx, applies ? [id] : [], 'read')
        return { ...plan, result: applies }
      },
      { undoable: false },
    )
  }

  async tagPapers({ paperIds, add, remove }: ApiArgs<'tagPapers'>): Promise<ChangeOutcome> {
    return this.organize((ctx) => planTagPapers(ctx, paperIds, add ?? [], remove ?? []))
  }

  async renameTag({ from, to }: ApiArgs<'renameTag'>): Promise<ChangeOutcome> {
    return this.organize((ctx) => planRenameTag(ctx, from, to))
  }

  async deleteTag({ tag }: ApiArgs<'deleteTag'>): Promise<ChangeOutcome> {
    return this.organize((ctx) => planDeleteTag(ctx, tag))
  }

  async moveToTrash(items: ApiArgs<'moveToTrash'>): Promise<ChangeOutcome> {
    return this.organize((ctx) => planMoveToTrash(ctx, items))
  }

  async restoreFromTrash(items: ApiArgs<'restoreFromTrash'>): Promise<ChangeOutcome> {
    return this.organize((ctx) => planRestore(ctx, items))
  }

  /** Deleting for good is final: not an undo step. */
  async deleteForever(items: ApiArgs<'deleteForever'>): Promise<ChangeOutcome> {
    return this.organize((ctx) => planDeleteForever(ctx, items), { undoable: false })
  }

  async emptyTrash(_args: ApiArgs<'emptyTrash'> = {}): Promise<ChangeOutcome> {
    return this.organize((ctx) => planEmptyTrash(ctx), { undoable: false })
  }

  async undo(_args: ApiArgs<'undo'> = {}): Promise<ChangeOutcome | null> {
    return this.replay('undo')
  }

  async redo(_args: ApiArgs<'redo'> = {}): Promise<ChangeOutcome | null> {
    return this.replay('redo')
  }

  async getUndoState(_args: ApiArgs<'getUndoState'> = {}): Promise<UndoState> {
    return this.history.state()
  }

  async indexOfPaper({ id, sort, filter, query }: ApiArgs<'indexOfPaper'>): Promise<number> {
    const order = sort ?? 'published'
    if (query !== undefined && query.trim() !== '') {
      return (await this.search.all(this.searchIn(order, filter), query)).indexOf(id)
    }
    return this.filteredPapers(order, filter).findIndex((paper) => paper.id === id)
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
      const before = readSettings(current)
      await this.store.commit({ settings: { ...current, ...patch } })
      const settings = readSettings(this.store.settings)
      this.settingsChanged(before, settings)
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

  async listBackups(_args: ApiArgs<'listBackups'> = {}): Promise<BackupList> {
    return {
      folder: backupsFolder(this.store.dir),
      backups: (await listBackups(this.store.dir)).map(summaryOf),
    }
  }

  /** Backs up the library now (unless nothing changed since the latest backup). */
  async createBackup(_args: ApiArgs<'createBackup'> = {}): Promise<BackupOutcome> {
    const { manifest, created } = await this.backUp('manual')
    return { backup: summaryOf(manifest), created }
  }

  /**
   * Replaces the library's content by a backup's. The current content is
   * backed up first (and kept whatever the number of backups to keep), so the
   * restore can be undone by restoring that backup.
   */
  async restoreBackup({ id }: ApiArgs<'restoreBackup'>): Promise<RestoreReport> {
    return this.mutate(() =>
      this.oneBackupAtATime(async () => {
        const target = (await listBackups(this.store.dir)).find((backup) => backup.id === id)
        if (target === undefined) throw new NotFoundError(`No backup "${id}" in this library`)
        if (target.schemaVersion > this.store.schemaVersion) {
          throw new BadInputError(
            `The backup of ${target.createdAt} was made by a newer Offprint ` +
              `(schema version ${target.schemaVersion}); open it with that version`,
          )
        }
        const previous = await createBackup(this.backupSource(), 'before-restore', this.now())
        const settingsBefore = readSettings(this.store.settings)
        await this.store.close()
        try {
          await restoreBackupFiles(this.store.dir, target)
        } finally {
          // Whether or not the files changed, the library is opened again over them.
          this.store = await LibraryStore.open(this.store.dir, this.storeOptions)
          this.problems.push(...this.store.problems)
          this.resetIndexes()
          this.settingsChanged(settingsBefore, readSettings(this.store.settings))
          this.notifyChange(EVERYTHING_CHANGED)
        }
        await this.prune([previous.manifest.id])
        return { restored: summaryOf(target), previous: summaryOf(previous.manifest) }
      }),
    )
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
    this.backupTimer?.stop()
    this.settingsListeners.clear()
    this.tasks.clearListeners()
    await this.writes
    await this.backups
    // A ready search index is saved if it changed: the next start loads it as is.
    await this.search.close()
    await this.store.close()
  }

  // -------------------------------------------------------------------------

  private readOptions(control: ParseControl, fileName: string | undefined) {
    return {
      ...control,
      ...(fileName === undefined ? {} : { fileName }),
      today: localIsoDate(this.now()),
    }
  }

  /** Runs a preview as a long task and keeps what it read for confirmImport. */
  private async preview(
    previewId: string,
    fileName: string | undefined,
    read: (control: ParseControl) => Promise<ParsedImport>,
  ): Promise<ImportPreview> {
    if (this.pending.has(previewId)) {
      throw new BadInputError(`Import preview "${previewId}" already exists`)
    }
    const pending: PendingImport = {}
    this.pending.set(previewId, pending)
    for (const [id, old] of [...this.pending].slice(
      0,
      Math.max(0, this.pending.size - MAX_PREVIEWS),
    )) {
      if (old.taskId !== undefined) this.tasks.cancel(old.taskId)
      this.pending.delete(id)
    }
    try {
      return await this.tasks.run('import', importLabel(fileName), async (task) => {
        pending.taskId = task.id
        const prepared = await this.prepareImport(task, fileName, read)
        // cancelImport may have dropped it while the last step ran.
        if (this.pending.get(previewId) !== pending) {
          throw new TaskCancelledError(`${task.label}: cancelled`)
        }
        pending.prepared = prepared
        const plan = await planImport(prepared.records, this.papersByKey(), this.store.papers)
        const preview: ImportPreview = {
          previewId,
          format: prepared.format,
          entries: prepared.records.length,
          newTitles: plan.fresh.map((entry) => entry.fields.title),
          duplicates: plan.duplicates,
          repeatsInFile: plan.repeatsInFile,
          skipped: prepared.skipped,
          queued: prepared.queued.map((item) => item.identifier),
        }
        if (fileName !== undefined) preview.fileName = fileName
        const problem = prepared.queued[0]?.reason
        if (problem !== undefined) preview.lookupProblem = problem
        return preview
      })
    } catch (error) {
      if (this.pending.get(previewId) === pending) this.pending.delete(previewId)
      throw error
    }
  }

  /**
   * Reads the text and looks its identifiers up: the "Reading entries" and
   * "Looking up identifiers" steps, cancellable throughout. Writes nothing.
   */
  private async prepareImport(
    task: RunningTask,
    fileName: string | undefined,
    read: (control: ParseControl) => Promise<ParsedImport>,
  ): Promise<PreparedImport> {
    task.report('Reading entries', 0, 0)
    await task.checkpoint() // the window hears of the task before parsing starts
    try {
      const parsed = await read({
        signal: task.signal,
        onProgress: (done, total) => task.report('Reading entries', done, total),
      })
      const queued: QueuedIdentifier[] = []
      const resolved: string[] = []
      if (parsed.identifiers.length > 0) {
        const identifiers = parsed.identifiers.flatMap((text) => {
          const identifier = parseFormattedIdentifier(text)
          return identifier === undefined ? [] : [identifier]
        })
        task.report('Looking up identifiers', 0, identifiers.length)
        const result = await this.lookup.lookUp(identifiers, {
          signal: task.signal,
          onProgress: (done, total) => task.report('Looking up identifiers', done, total),
        })
        const at = this.now().toISOString()
        const lineOf = new Map(parsed.identifiers.map((id, index) => [id.toLowerCase(), index + 1]))
        parsed.records.push(
          ...result.records.map((record, index) => ({ ...record, line: 1, entry: index + 1 })),
        )
        for (const failure of result.failures) {
          if (failure.retry) {
            queued.push({ identifier: failure.identifier, queuedAt: at, reason: failure.reason })
          } else {
            resolved.push(failure.identifier)
            parsed.skipped.push({
              line: lineOf.get(failure.identifier.toLowerCase()) ?? 1,
              reason: `${failure.identifier}: ${failure.reason}`,
            })
          }
        }
        const failed = new Set(result.failures.map((failure) => failure.identifier))
        resolved.push(...parsed.identifiers.filter((id) => !failed.has(id)))
      }
      await task.checkpoint()
      return { ...parsed, queued, resolved, ...(fileName === undefined ? {} : { fileName }) }
    } catch (error) {
      if (error instanceof ImportCancelledError) {
        throw new TaskCancelledError(`${task.label}: cancelled`, { cause: error })
      }
      throw error
    }
  }

  /**
   * Matches what was read against the library as it is now ("Adding papers",
   * cancellable), then commits the new papers and the enriched duplicates in
   * one change set ("Saving", no longer cancellable). Runs inside mutate().
   */
  private async writeImport(task: RunningTask, prepared: PreparedImport): Promise<ImportReport> {
    const plan = await planImport(
      prepared.records,
      this.papersByKey(),
      this.store.papers,
      async (done, total) => {
        task.report('Adding papers', done, total)
        await task.checkpoint()
      },
    )
    const total = prepared.records.length
    task.report('Saving', total, total, { cancellable: false })
    const importedAt = this.now().toISOString()
    const added: Paper[] = plan.fresh.map(({ fields, line }) => {
      const paper: Paper = {
        ...fields,
        id: randomUUID(),
        upvotes: fields.upvotes ?? 0,
        status: 'unread',
        starred: false,
        addedAt: importedAt,
        updatedAt: importedAt,
        source: {
          format: prepared.format,
          importedAt,
          line,
          ...(prepared.fileName === undefined ? {} : { fileName: prepared.fileName }),
        },
      }
      // A count that the names already say is no information.
      if (paper.authorCount !== undefined && paper.authorCount <= paper.authors.length) {
        delete paper.authorCount
      }
      return paper
    })
    const updated = [...plan.updates].map(([id, fields]): Paper => ({
      ...this.requirePaper(id),
      ...fields,
      updatedAt: importedAt,
    }))
    // One commit per import, and none when nothing changes.
    if (added.length > 0 || updated.length > 0) {
      await this.apply({ papers: { put: [...updated, ...added] } }, ['lookup-queue'])
    }
    // The queue is a to-do list: failing to update it must not fail the import.
    await this.queue.add(prepared.queued).catch(() => undefined)
    await this.queue.remove(prepared.resolved).catch(() => undefined)
    const report: ImportReport = {
      format: prepared.format,
      added: added.length,
      alreadyPresent: plan.duplicates.length + plan.repeatsInFile,
      updated: plan.updates.size,
      queued: prepared.queued.length,
      skipped: prepared.skipped.map((entry) => ({ ...entry })),
      addedIds: added.map((paper) => paper.id),
    }
    if (prepared.fileName !== undefined) report.fileName = prepared.fileName
    const suggested = suggestedCollectionName(prepared.pageDate, prepared.fileName)
    if (suggested !== undefined) report.suggestedCollection = suggested
    return report
  }

  private scopeName(scope: ApiArgs<'exportPapers'>['scope']): string {
    if (scope.kind === 'collection') {
      return this.store.collections.get(scope.collectionId)?.name ?? 'collection'
    }
    return scope.kind === 'selection' ? 'selection' : 'library'
  }

  /** Live papers in the order they were added (stable citation keys, exports). */
  private papersInAddedOrder(): Paper[] {
    // Oldest import first, each import in file order; sort() is stable, so ids break ties.
    return [...this.sortedPapers('added')].sort(
      (a, b) =>
        (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0) ||
        (a.source.line ?? 0) - (b.source.line ?? 0),
    )
  }

  private backUp(reason: BackupReason): Promise<CreatedBackup> {
    if (this.closed) return Promise.reject(new StorageError('The library is closed'))
    return this.oneBackupAtATime(async () => {
      const result = await createBackup(this.backupSource(), reason, this.now())
      await this.prune([])
      return result
    })
  }

  /** A failed automatic backup is reported in getLibraryInfo until one succeeds. */
  private async backUpAutomatically(reason: BackupReason): Promise<void> {
    const hadProblem = this.backupProblem !== undefined
    try {
      await this.backUp(reason)
      this.backupProblem = undefined
      if (hadProblem) this.notifyChange({ topics: ['library'] })
    } catch (error) {
      if (this.closed) return
      this.backupProblem = messageOf(error)
      console.error('offprint: automatic backup failed:', this.backupProblem)
      this.notifyChange({ topics: ['library'] })
    }
  }

  private backupSource() {
    return {
      dir: this.store.dir,
      schemaVersion: this.store.schemaVersion,
      snapshot: <T>(task: (files: readonly string[]) => Promise<T>) => this.store.snapshot(task),
      counts: () => ({
        paperCount: this.sortedPapers('published').length,
        noteCount: countLiveNotes(this.store.notes.values()),
      }),
    }
  }

  /** Keeps the newest backupsKept backups, and the ones in `alsoKeep`. */
  private async prune(alsoKeep: readonly string[]): Promise<void> {
    const keep = readSettings(this.store.settings).backupsKept
    await pruneBackups(this.store.dir, keep, alsoKeep)
  }

  private oneBackupAtATime<T>(task: () => Promise<T>): Promise<T> {
    const run = this.backups.then(task)
    this.backups = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }

  /** Tells whoever depends on the settings (the backup timer, main's listeners). */
  private settingsChanged(before: Settings, after: Settings): void {
    if (after.backupIntervalHours !== before.backupIntervalHours) {
      this.backupTimer?.arm(after.backupIntervalHours)
    }
    if (JSON.stringify(before) === JSON.stringify(after)) return
    for (const listener of this.settingsListeners) {
      try {
        listener(after)
      } catch (error) {
        console.error('offprint: settings listener failed:', error)
      }
    }
  }

  /** After a restore: everything derived from the old records goes, undo history included. */
  private resetIndexes(): void {
    this.noteIndex = undefined
    this.keyIndex = undefined
    this.sorted.clear()
    this.filtered = undefined
    this.history.clear()
    // Derived indexes describe the old records: rebuild them over the restored ones.
    this.linkIndex = undefined
    this.relatedIndex = undefined
    this.relatedBuild = undefined
    this.targets.forget()
    this.search.stop()
    this.search = this.newSearch()
    this.startSearch()
  }

  /**
   * Loads or builds the search index in the background; in a large library
   * that is a task the window shows. It cannot be cancelled: search waits for
   * the index, and the list and the reader work meanwhile.
   */
  private startSearch(saved?: Parameters<LibrarySearch['start']>[0]): void {
    const count = this.store.papers.size
    if (count < REINDEX_TASK_FROM) {
      void this.search.start(saved)
      return
    }
    this.tasks
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

  /** Runs `task` after every earlier mutation has settled. */
  private mutate<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StorageError('The library is closed'))
    const run = this.writes.then(task)
    // Every write brings the search index level with the store before it
    // ends; one that failed midway may not have (see LibrarySearch.levelWith).
    this.writes = run.then(
      () => this.search.levelWith(this.store.revision),
      () => this.search.levelWith(undefined),
    )
    return run
  }

  /**
   * Works out an organizing change from the current records and applies it
   * as one durable commit and (unless told otherwise) one undo step. A plan
   * that throws (unknown id, nesting cycle) has written nothing.
   */
  private organize<T>(
    build: (ctx: OrganizeContext) => Plan<T>,
    { undoable = true }: { undoable?: boolean } = {},
  ): Promise<T> {
    return this.mutate(async () => {
      const plan = build({ records: this.store, at: this.now().toISOString(), newId: randomUUID })
      if (isEmptyChangeSet(plan.changes)) return plan.result
      const step = undoable ? captureStep(this.store, plan.changes, plan.label) : undefined
      await this.apply(plan.changes, ['history'])
      if (step !== undefined) this.history.record(step)
      return plan.result
    })
  }

  /** Undoes or redoes the next step; a step that clashes with a later change is dropped. */
  private replay(direction: Direction): Promise<ChangeOutcome | null> {
    return this.mutate(async () => {
      const step = this.history.next(direction)
      if (step === undefined) return null
      let changes: ChangeSet
      try {
        changes = replayChanges(this.store, step, direction, this.now().toISOString())
      } catch (error) {
        if (error instanceof UndoConflictError) this.history.drop(direction)
        throw error
      }
      await this.apply(changes, ['history'])
      this.history.applied(direction)
      return { label: step.label, changed: changedRecords(changes) }
    })
  }

  /** Commits an organizing change and brings the derived indexes up to date. */
  private async apply(changes: ChangeSet, topics: readonly ChangeTopic[] = []): Promise<void> {
    // The touched papers as they were: where to find them in the sorted lists.
    const before = new Map<string, Paper>()
    for (const id of [
      ...(changes.papers?.put ?? []).map((p) => p.id),
      ...(changes.papers?.remove ?? []),
    ]) {
      const paper = this.store.papers.get(id)
      if (paper !== undefined) before.set(id, paper)
    }
    const change = changeOf(changes, this.store, topics)
    await this.store.commit(changes)
    if (changes.papers !== undefined) {
      const { put = [], remove = [] } = changes.papers
      // A few papers move to their new places; many, and everything is sorted again.
      for (const [sort, papers] of this.sorted) {
        const resorted = resortedAfter(papers, put, remove, sort, (id) => before.get(id))
        if (resorted === undefined) this.sorted.delete(sort)
        else this.sorted.set(sort, resorted)
      }
      // Rebuilt on the next import: papers may have left (or, by undo, come back).
      this.keyIndex = undefined
    }
    // Which note a paper shows depends on the notes and on whether the paper is
    // trashed (a trashed paper shows its trashed note); a star or a tag changes neither.
    const trashMoved = papersWhoseTrashMoved(changes, before)
    if (changes.notes !== undefined || trashMoved.size > 0) this.noteIndex = undefined
    this.refreshDerived(changes, before, trashMoved)
    this.searchChanged(changes)
    this.notifyChange(change)
  }

  /** Commits one note (new or replacing `existing`), then indexes it and tells listeners. */
  private async commitNote(note: Note, existing: Note | undefined): Promise<void> {
    const change = changeOf({ notes: { put: [note] } }, this.store)
    await this.store.commit({ notes: { put: [note] } })
    if (note.paperId !== undefined) this.notesByPaper().set(note.paperId, note)
    this.linkIndex?.setNote(note.id, this.targets.isLiveNote(note) ? note.body : undefined)
    if (
      note.paperId === undefined &&
      (existing?.title !== note.title || existing.trashedAt !== note.trashedAt)
    ) {
      this.targets.forget()
    }
    this.notifyChange(change)
  }

  /**
   * Brings the link and similarity indexes (when built) level with a commit:
   * a trashed paper leaves the similar papers and its notes stop linking; a
   * restored one comes back; a note's links follow its body.
   */
  private refreshDerived(
    changes: ChangeSet,
    before: ReadonlyMap<string, Paper>,
    trashMoved: ReadonlySet<string>,
  ): void {
    const papers = changes.papers
    const notes = changes.notes
    if (papers !== undefined) {
      // Link targets are titles of live papers: a star or a tag leaves them as they are.
      const retitled = (papers.put ?? []).some(
        (paper) => before.get(paper.id)?.title !== paper.title,
      )
      if (retitled || trashMoved.size > 0) this.targets.forget()
      for (const paper of papers.put ?? []) {
        if (paper.trashedAt === undefined) {
          this.relatedIndex?.set(paper.id, paper.title, paper.abstract)
        } else {
          this.relatedIndex?.delete(paper.id)
        }
      }
      for (const id of papers.remove ?? []) this.relatedIndex?.delete(id)
    }
    if (notes !== undefined) this.targets.forget()
    const links = this.linkIndex
    if (links === undefined || (papers === undefined && notes === undefined)) return
    const touched = new Set<string>([
      ...(notes?.put ?? []).map((note) => note.id),
      ...(notes?.remove ?? []),
    ])
    // A paper's notes stop (or start) linking when it is trashed, restored or deleted.
    if (trashMoved.size > 0) {
      for (const note of this.store.notes.values()) {
        if (note.paperId !== undefined && trashMoved.has(note.paperId)) touched.add(note.id)
      }
    }
    for (const id of touched) {
      const note = this.store.notes.get(id)
      links.setNote(id, note !== undefined && this.targets.isLiveNote(note) ? note.body : undefined)
    }
  }

  /** Which notes link where; built from every live note on first use. */
  private links(): LinkIndex {
    if (this.linkIndex === undefined) {
      const index = new LinkIndex()
      for (const note of this.store.notes.values()) {
        if (this.targets.isLiveNote(note)) index.setNote(note.id, note.body)
      }
      this.linkIndex = index
    }
    return this.linkIndex
  }

  /** Similar papers; the words of every live paper are counted on first use. */
  private related(): Promise<RelatedPapersIndex> {
    this.relatedBuild ??= this.buildRelated()
    return this.relatedBuild
  }

  /**
   * Counting the words of 50k abstracts takes seconds: it is done in slices,
   * letting other calls (the list, a note save) through in between, so the
   * app stays responsive while "Similar papers" is loading.
   */
  private async buildRelated(): Promise<RelatedPapersIndex> {
    const papers = [...this.store.papers.values()]
    if (papers.length < REINDEX_TASK_FROM) return this.countRelatedWords(papers)
    // Not cancellable: "Similar papers" waits for it, and the app works meanwhile.
    return this.tasks.run(
      'reindex',
      'Finding similar papers',
      (task) => {
        task.report('Counting words', 0, papers.length, { cancellable: false })
        return this.countRelatedWords(papers, (done) => {
          task.report('Counting words', done, papers.length)
        })
      },
      () => `Similar papers are ready: ${paperCount(papers.length)} compared.`,
    )
  }

  private async countRelatedWords(
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
    for (const paper of this.store.papers.values()) {
      if (paper.trashedAt !== undefined) continue
      index.set(paper.id, paper.title, paper.abstract)
      live.add(paper.id)
    }
    for (const id of [...index.ids()]) if (!live.has(id)) index.delete(id)
    // From here on every change reaches the index (refreshDerived) directly.
    this.relatedIndex = index
    await index.ready()
    return index
  }

  private summarizeNote(note: Note): NoteSummary {
    const head = note.body.slice(0, EXCERPT_CHARS * 4)
    const links = this.links().linksOf(note.id)?.links ?? []
    const excerpt = plainTextOf(
      head,
      0,
      head.length,
      links.filter((link) => link.end <= head.length),
      (link) => this.targets.resolve(link.target)?.title ?? link.label ?? targetText(link.target),
    ).trim()
    const summary: NoteSummary = {
      id: note.id,
      title: note.title,
      updatedAt: note.updatedAt,
      excerpt: excerpt.length > EXCERPT_CHARS ? `${excerpt.slice(0, EXCERPT_CHARS)}…` : excerpt,
    }
    if (note.trashedAt !== undefined) summary.trashedAt = note.trashedAt
    return summary
  }

  /** Brings the search index up to date with an organizing change (tags, star, trash, …). */
  private searchChanged(changes: ChangeSet): void {
    const touched = new Set<string>()
    for (const paper of changes.papers?.put ?? []) touched.add(paper.id)
    for (const note of changes.notes?.put ?? []) if (note.paperId) touched.add(note.paperId)
    for (const id of touched) {
      const paper = this.store.papers.get(id)
      if (paper !== undefined) this.search.paperChanged(paper)
    }
    for (const id of changes.papers?.remove ?? []) this.search.paperRemoved(id)
    // A collection renamed or filled changes what in:"…" finds.
    if (changes.collections !== undefined) this.search.forgetResults()
  }

  /**
   * What a search looks through: the list's papers in order (the filter's
   * view, e.g. a collection), unless the query names a collection with in:.
   */
  private searchIn(sort: PaperSort, filter: PaperFilter | undefined): SearchView {
    const scoped =
      (filter?.scope?.kind ?? 'library') !== 'library' || (filter?.tags ?? []).length > 0
    return {
      key: JSON.stringify([sort, filter ?? null]),
      ordered: () => this.sortedPapers(sort),
      scope: scoped
        ? () => new Set(this.filteredPapers(sort, filter).map((paper) => paper.id))
        : undefined,
    }
  }

  private titlesInLowerCase(): Map<string, string> {
    if (this.lowerTitles?.generation !== this.generation) {
      const titles = new Map<string, string>()
      for (const paper of this.sortedPapers('published')) {
        titles.set(paper.id, paper.title.toLowerCase())
      }
      this.lowerTitles = { generation: this.generation, titles }
    }
    return this.lowerTitles.titles
  }

  private filterInputs(): FilterInputs {
    return { records: this.store, now: this.now(), hasNote: (id) => this.hasNote(id) }
  }

  private hasNote(paperId: string): boolean {
    const note = this.notesByPaper().get(paperId)
    return note !== undefined && note.body.trim() !== ''
  }

  /** The papers `filter` selects, in `sort` order; the last answer is reused while nothing changes. */
  private filteredPapers(sort: PaperSort, filter: PaperFilter | undefined): Paper[] {
    const scope = filter?.scope?.kind ?? 'library'
    if (scope === 'library' && (filter?.tags ?? []).length === 0) return this.sortedPapers(sort)
    // "Recently added" moves with the clock as well as with changes.
    const minute =
      filter?.scope?.kind === 'view' && filter.scope.view === 'recent'
        ? Math.floor(this.now().getTime() / 60_000)
        : 0
    const key = JSON.stringify([sort, filter, minute])
    if (this.filtered?.key === key && this.filtered.generation === this.generation) {
      return this.filtered.papers
    }
    const test = paperTest(this.filterInputs(), filter)
    let papers: Paper[]
    if (scope === 'trash') {
      const trashed = [...this.store.papers.values()].filter(
        (paper) => paper.trashedAt !== undefined,
      )
      papers = sortPapers(trashed, sort).filter(test)
    } else {
      papers = this.sortedPapers(sort).filter(test)
    }
    this.filtered = { key, generation: this.generation, papers }
    return papers
  }

  private notifyChange(change: LibraryChange): void {
    this.generation++
    for (const listener of this.listeners) {
      try {
        listener(change)
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
        // A paper shows its live note; a trashed paper, the note trashed with it.
        const trashedAt = this.store.papers.get(note.paperId)?.trashedAt
        if (note.trashedAt !== undefined && note.trashedAt !== trashedAt) continue
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

  private requireLivePaper(id: string): Paper {
    const paper = this.requirePaper(id)
    if (paper.trashedAt !== undefined) {
      throw new BadInputError(`The paper "${paper.title}" is in the trash`)
    }
    return paper
  }

  private requireNote(id: string): Note {
    const note = this.store.notes.get(id)
    if (!note) throw new NotFoundError(`No note with id "${id}" in this library`)
    return note
  }

  private requireRelation(id: string): PaperRelation {
    const relation = this.store.relations.get(id)
    if (!relation) throw new NotFoundError(`No relation with id "${id}" in this library`)
    return relation
  }

  private sortedPapers(sort: PaperSort): Paper[] {
    const cached = this.sorted.get(sort)
    if (cached) return cached
    const active: Paper[] = []
    for (const paper of this.store.papers.values()) {
      if (paper.trashedAt === undefined) active.push(paper)
    }
    const sorted = sortPapers(active, sort)
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
}

function countLiveNotes(notes: Iterable<Note>): number {
  let live = 0
  for (const note of notes) if (note.trashedAt === undefined) live++
  return live
}

/**
 * The collection an import offers to file its papers in: named after the
 * page's date ("Daily Papers 2026-02-09"), else after the file.
 */
function suggestedCollectionName(
  pageDate: string | undefined,
  fileName: string | undefined,
): string | undefined {
  if (pageDate !== undefined) return `Daily Papers ${pageDate}`
  if (fileName === undefined) return undefined
  const base = fileName.replace(/\.[^.]*$/, '').trim()
  return base === '' ? undefined : base
}

/** How an export's progress names its format. */
const FORMAT_NAMES: Record<ExportFormat, string> = {
  bibtex: 'BibTeX',
  'csl-json': 'CSL-JSON',
  ris: 'RIS',
  markdown: 'a Markdown vault',
}

/** "100,000 papers" (the index tasks' summaries). */
function paperCount(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'paper' : 'papers'}`
}

function importLabel(fileName: string | undefined): string {
  return `Importing ${fileName ?? 'the pasted text'}`
}

/** A title or label as stored: one line, no surrounding spaces. */
function cleanTitle(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** How a link to a missing target reads: what it says. */
function targetText(target: WikiLinkTarget): string {
  return target.kind === 'title' ? target.title : `missing ${target.kind}`
}

/** The user's calendar day, which is what "Jan 26" on a page they just saved means. */
function localIsoDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** Papers a change trashed, restored, added or deleted: those whose notes change standing. */
function papersWhoseTrashMoved(
  changes: ChangeSet,
  before: ReadonlyMap<string, Paper>,
): Set<string> {
  const moved = new Set<string>(changes.papers?.remove ?? [])
  for (const paper of changes.papers?.put ?? []) {
    const was = before.get(paper.id)
    if (was === undefined || was.trashedAt !== paper.trashedAt) moved.add(paper.id)
  }
  return moved
}
