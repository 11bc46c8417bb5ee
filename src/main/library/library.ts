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
import type {
  Backlink,
  ImportReport,
  LibraryInfo,
  LinkTarget,
  Note,
  NoteSummary,
  Paper,
  PaperPage,
  PaperRelation,
  PaperRelationView,
  PaperSort,
  PaperSummary,
  RelatedPaper,
  Settings,
} from '../../shared/model'
import { readSettings } from '../../shared/settingsSchema'
import { normalizeTitle, type WikiLink, type WikiLinkTarget } from '../../shared/wikiLinks'
import { duplicateKeys } from './duplicateKeys'
import { BadInputError, NotFoundError, StorageError, messageOf } from './errors'
import { ListingFormatError, parseHfListing } from './importers/hfListing'
import type { ParsedListing } from './importers/hfListing'
import { linkContextOf, plainTextOf } from './linkContext'
import { LinkIndex } from './linkIndex'
import { LinkTargets } from './linkTargets'
import { RelatedPapersIndex } from './relatedPapers'
import { LongTasks } from './longTasks'
import type { ProgressListener, RunningTask } from './longTasks'
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

/** How many related papers and link suggestions a call returns unless it asks otherwise. */
const DEFAULT_RELATED = 5
const DEFAULT_SUGGESTIONS = 8
/** Length of a note's excerpt in the notes list. */
const EXCERPT_CHARS = 160
/** Papers whose words are counted between two yields to the event loop. */
const RELATED_SLICE = 500

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

  private constructor(
    private readonly store: LibraryStore,
    private readonly now: () => Date,
    private readonly samplePath: string | undefined,
  ) {}

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
    return new Library(store, now, options.samplePath)
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
      noteCount: this.liveNoteCount(),
      problems: this.store.problems.map((problem) => ({ ...problem })),
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
      await this.commitNote(note, existing)
      return structuredClone(note)
    })
  }

  // --- standalone notes ------------------------------------------------------

  async listNotes({ query, trashed }: ApiArgs<'listNotes'>): Promise<NoteSummary[]> {
    const inTrash = trashed === true
    const notes = [...this.store.notes.values()].filter(
      (note) => note.paperId === undefined && (note.trashedAt !== undefined) === inTrash,
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

  /** Moves a standalone note to the trash: links to it read as broken until it is restored. */
  async trashNote({ id }: ApiArgs<'trashNote'>): Promise<Note> {
    return this.setNoteTrashed(id, true)
  }

  async restoreNote({ id }: ApiArgs<'restoreNote'>): Promise<Note> {
    return this.setNoteTrashed(id, false)
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

  // --- manual relations between papers ------------------------------------------

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

  async addRelation({ fromId, toId, label }: ApiArgs<'addRelation'>): Promise<PaperRelation> {
    return this.mutate(async () => {
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
      const relation: PaperRelation = {
        id: randomUUID(),
        fromId,
        toId,
        createdAt: this.now().toISOString(),
      }
      const cleanLabel = cleanTitle(label ?? '')
      if (cleanLabel !== '') relation.label = cleanLabel
      await this.commitRelations({ put: [relation] })
      return { ...relation }
    })
  }

  /** Sets a relation's label; an absent or blank label removes it. */
  async updateRelation({ id, label }: ApiArgs<'updateRelation'>): Promise<PaperRelation> {
    return this.mutate(async () => {
      const existing = this.requireRelation(id)
      const cleanLabel = cleanTitle(label ?? '')
      const relation: PaperRelation = { ...existing }
      if (cleanLabel === '') delete relation.label
      else relation.label = cleanLabel
      if (relation.label === existing.label) return { ...existing }
      await this.commitRelations({ put: [relation] })
      return { ...relation }
    })
  }

  async removeRelation({ id }: ApiArgs<'removeRelation'>): Promise<PaperRelation> {
    return this.mutate(async () => {
      const existing = this.requireRelation(id)
      await this.commitRelations({ remove: [existing.id] })
      return { ...existing }
    })
  }

  // --- papers -------------------------------------------------------------------

  /**
   * Moves a paper to the trash. Its manual relations disappear from the other
   * papers and wiki-links to it read as broken (their text is left alone);
   * restoring the paper brings both back.
   */
  async trashPaper({ id }: ApiArgs<'trashPaper'>): Promise<Paper> {
    return this.setPaperTrashed(id, true)
  }

  async restorePaper({ id }: ApiArgs<'restorePaper'>): Promise<Paper> {
    return this.setPaperTrashed(id, false)
  }

  async setPaperStatus({ id, status }: ApiArgs<'setPaperStatus'>): Promise<Paper> {
    return this.mutate(async () => {
      const paper = this.requirePaper(id)
      if (paper.status === status) return structuredClone(paper)
      const updated: Paper = { ...paper, status, updatedAt: this.now().toISOString() }
      await this.store.commit({ papers: { put: [updated] } })
      this.sorted.clear()
      this.notifyChange()
      return structuredClone(updated)
    })
  }

  async indexOfPaper({ id, sort }: ApiArgs<'indexOfPaper'>): Promise<number> {
    return this.sortedPapers(sort ?? 'published').findIndex((paper) => paper.id === id)
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
      this.afterPapersChanged(added)
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

  /** Commits one note (new or replacing `existing`), then indexes it and tells listeners. */
  private async commitNote(note: Note, existing: Note | undefined): Promise<void> {
    await this.store.commit({ notes: { put: [note] } })
    if (note.paperId !== undefined) this.notesByPaper().set(note.paperId, note)
    this.linkIndex?.setNote(note.id, this.targets.isLiveNote(note) ? note.body : undefined)
    if (
      note.paperId === undefined &&
      (existing?.title !== note.title || existing.trashedAt !== note.trashedAt)
    ) {
      this.targets.forget()
    }
    this.notifyChange()
  }

  private async setNoteTrashed(id: string, trashed: boolean): Promise<Note> {
    return this.mutate(async () => {
      const existing = this.requireNote(id)
      if (existing.paperId !== undefined) {
        throw new BadInputError("A paper's note goes with its paper; clear its text instead")
      }
      if ((existing.trashedAt !== undefined) === trashed) return structuredClone(existing)
      const at = this.now().toISOString()
      const note: Note = { ...existing }
      if (trashed) note.trashedAt = at
      else delete note.trashedAt
      await this.commitNote(note, existing)
      return structuredClone(note)
    })
  }

  private async setPaperTrashed(id: string, trashed: boolean): Promise<Paper> {
    return this.mutate(async () => {
      const existing = this.requirePaper(id)
      if ((existing.trashedAt !== undefined) === trashed) return structuredClone(existing)
      const at = this.now().toISOString()
      const paper: Paper = { ...existing, updatedAt: at }
      if (trashed) paper.trashedAt = at
      else delete paper.trashedAt
      await this.store.commit({ papers: { put: [paper] } })
      this.afterPapersChanged([paper])
      // The paper's own note stops (or starts again) linking anywhere.
      const note = this.notesByPaper().get(id)
      if (note !== undefined) {
        this.linkIndex?.setNote(note.id, this.targets.isLiveNote(note) ? note.body : undefined)
      }
      this.notifyChange()
      return structuredClone(paper)
    })
  }

  // Relations are records of their own kind in the store; one commit each.
  private async commitRelations(changes: {
    put?: PaperRelation[]
    remove?: string[]
  }): Promise<void> {
    await this.store.commit({ relations: changes })
    this.notifyChange()
  }

  /** Brings the derived state up to date after papers were added or changed. */
  private afterPapersChanged(papers: readonly Paper[]): void {
    this.sorted.clear()
    this.targets.forget()
    for (const paper of papers) {
      this.indexPaper(paper)
      if (paper.trashedAt === undefined) {
        this.relatedIndex?.set(paper.id, paper.title, paper.abstract)
      } else {
        this.relatedIndex?.delete(paper.id)
      }
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
    const index = new RelatedPapersIndex()
    const papers = [...this.store.papers.values()]
    for (let start = 0; start < papers.length; start += RELATED_SLICE) {
      for (const paper of papers.slice(start, start + RELATED_SLICE)) {
        if (paper.trashedAt === undefined) index.set(paper.id, paper.title, paper.abstract)
      }
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
    // From here on every change reaches the index (afterPapersChanged) directly.
    this.relatedIndex = index
    await index.ready()
    return index
  }

  private liveNoteCount(): number {
    let count = 0
    for (const note of this.store.notes.values()) if (note.trashedAt === undefined) count++
    return count
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
