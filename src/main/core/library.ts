// The library: one library folder, opened. This is the composition root: it
// opens the store, builds the kernel (write queue, change bus, long tasks) and
// the services (one folder each, see kernel/service.ts), assembles their API
// handlers into `api`, and closes them in order. What each operation does
// lives in its service; arguments arrive validated by kernel/dispatch.ts.
import { join, resolve } from 'node:path'
import type { LibraryApi } from '../../shared/api'
import type { ServiceOrigins, TaskProgress } from '../../shared/model'
import { attachmentFilePath, isSha256 } from './attachments/attachmentFiles'
import { AttachmentsService } from './attachments/attachmentsService'
import { HighlightsService } from './attachments/highlightsService'
import { PdfIntakeService } from './attachments/pdfIntakeService'
import { PdfTextService } from './attachments/pdfText/pdfTextService'
import { BackupsService } from './backups/backupsService'
import { CitationKeyIndex } from './citations/citationKeyIndex'
import { CitationsService } from './citations/citationsService'
import { defaultStylesDir } from './citations/cslStyles'
import { duplicatesService } from './duplicates/duplicatesService'
import { exportsService } from './exports/exportsService'
import { FeedsService } from './feeds/feedsService'
import { ImportsService } from './imports/importsService'
import type { ChangeListener } from './kernel/changeBus'
import { LibraryKernel } from './kernel/kernel'
import { handlerTable } from './kernel/service'
import { GraphService } from './graph/graphService'
import { tasksService } from './kernel/tasksService'
import { LinksService } from './links/linksService'
import type { LookupOptions } from './lookup/identifierLookup'
import { LookupService } from './lookup/lookupService'
import { NoteIndex } from './notes/noteIndex'
import type { Environment } from './online/serviceOrigins'
import { originsOf } from './online/serviceOrigins'
import { notesService } from './notes/notesService'
import { OnlineService } from './online/onlineService'
import { organizeService } from './organize/organizeService'
import { PlanRunner } from './organize/planRunner'
import { PaperViews } from './papers/paperViews'
import { papersService } from './papers/papersService'
import { RelatedService } from './related/relatedService'
import { acquireLibraryLock, releaseLibraryLock } from './store/libraryLock'
import { SEARCH_INDEX_FILE, readSearchIndexFile } from './search/searchIndexFile'
import { SearchService } from './search/searchService'
import type { SettingsListener } from './settings/settingsService'
import { SettingsService } from './settings/settingsService'
import { resolveDevice } from './sync/deviceId'
import { SyncService } from './sync/syncService'
import { LibraryStore } from './store/libraryStore'
import type { StoreOptions } from './store/libraryStore'

export interface LibraryOptions {
  /** The bundled sample listing (resources/sample-daily-papers.txt). */
  samplePath?: string
  /** The clock, replaceable so tests get fixed timestamps. */
  now?: () => Date
  /** How long the store waits before rewriting shard files (see libraryStore.ts). */
  checkpointDelayMs?: number
  /** How identifier lookups and other requests go (tests: a stub server on 127.0.0.1, no pauses). */
  lookup?: LookupOptions
  /**
   * The environment whose OFFPRINT_HF_API, OFFPRINT_ARXIV_API and
   * OFFPRINT_ARXIV_RSS override the services' origins (default: process.env).
   */
  environment?: Environment
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
  /** The bundled CSL styles and locale (resources/csl; default: that folder under the working folder). */
  stylesDir?: string
  /**
   * The device this process writes as (its journal and lock in the folder).
   * Default: OFFPRINT_DEVICE from `environment`, else the id kept in
   * `deviceFolder` (the app's user-data folder), else the host's name.
   */
  device?: string
  deviceFolder?: string
  /** Merge whenever a sync tool changes the folder (the app does; the CLI merges on open). */
  watchFolder?: boolean
  /** Check the feeds at open and when each is due (the app does; the CLI and tests do not). */
  feedSchedule?: boolean
}

export class Library {
  /** Every API method (src/shared/api.ts), answered by the services. */
  readonly api: LibraryApi
  private readonly settings: SettingsService
  private readonly search: SearchService
  private readonly pdfText: PdfTextService
  private readonly citations: CitationsService

  private constructor(
    private readonly kernel: LibraryKernel,
    lookup: LookupService,
    origins: () => ServiceOrigins,
    options: LibraryOptions,
  ) {
    const notes = new NoteIndex(kernel)
    const views = new PaperViews(kernel, notes)
    const pdfText = new PdfTextService(kernel)
    this.pdfText = pdfText
    const search = new SearchService(kernel, views, notes, options.searchIndexFromPapers, pdfText)
    this.search = search
    const plans = new PlanRunner(kernel)
    const citationKeys = new CitationKeyIndex(() => views.papersInAddedOrder())
    const links = new LinksService(kernel, views, (paperId) => citationKeys.keysOf(paperId))
    const related = new RelatedService(kernel, views, plans)
    const imports = new ImportsService(kernel, lookup, options.samplePath)
    this.settings = new SettingsService(kernel)
    const backups = new BackupsService(kernel, this.settings, views, notes)
    const graph = new GraphService(kernel, links, related)
    const sync = new SyncService(kernel)
    const feeds = new FeedsService(kernel, plans, lookup, related)
    const citations = new CitationsService(
      kernel,
      citationKeys,
      views,
      this.settings,
      options.stylesDir ?? defaultStylesDir(),
    )
    this.citations = citations
    // Told of each commit in this order (what others read from first, the
    // search last of the indexes), and closed in it: backups finish before
    // the search index is saved.
    const attachments = new AttachmentsService(kernel, plans, pdfText)
    const intake = new PdfIntakeService(kernel, plans, attachments, pdfText, lookup, origins)
    imports.retryQueuedPdfs = () => intake.retryQueued()
    kernel.bus.subscribe(
      notes,
      views,
      plans,
      links,
      related,
      graph,
      imports,
      feeds,
      backups,
      search,
      pdfText,
      sync,
    )
    // Each forgets what it derived from papers; nothing reads them during a commit.
    kernel.bus.subscribe(citationKeys, citations)
    this.api = handlerTable([
      papersService(kernel, views, notes, search),
      notesService(kernel, notes, links),
      links,
      related,
      organizeService(kernel, plans, views),
      imports,
      new OnlineService(kernel, imports, lookup),
      lookup,
      duplicatesService(kernel, views),
      exportsService(kernel, views, notes),
      search,
      backups,
      this.settings,
      tasksService(kernel),
      citations,
      sync,
      feeds,
      attachments,
      new HighlightsService(kernel, plans),
      intake,
      pdfText,
      graph,
    ]) satisfies LibraryApi
    if (options.automaticBackups === true) backups.startAutomatic()
    if (options.watchFolder === true) sync.watchFolder()
    if (options.feedSchedule === true) feeds.startSchedule()
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
    // No other process (another app instance, the CLI) writes this folder while we do.
    const folder = resolve(dir)
    const device =
      options.device ??
      (await resolveDevice(options.environment ?? process.env, options.deviceFolder))
    await acquireLibraryLock(folder, device)
    try {
      // The search index file is read (by the thread pool) while the store opens.
      const savedIndex = readSearchIndexFile(join(folder, SEARCH_INDEX_FILE))
      const deviceOptions: StoreOptions = { ...storeOptions, device }
      const store = await LibraryStore.open(folder, deviceOptions)
      const kernel = new LibraryKernel(store, deviceOptions, now)
      const origins = originsOf(kernel, options.environment ?? process.env)
      const lookup = await LookupService.open(kernel, { origins, ...options.lookup })
      const library = new Library(kernel, lookup, options.lookup?.origins ?? origins, options)
      // In the background: the list is usable while the search index builds.
      library.search.start(savedIndex)
      library.pdfText.start()
      return library
    } catch (error) {
      await releaseLibraryLock(folder, device)
      throw error
    }
  }

  /** Absolute path of the library folder. */
  get dir(): string {
    return this.kernel.store.dir
  }

  /**
   * The file of the attachment with this SHA-256, when an attachment record of
   * this library names it (what the app's protocol serves the window).
   */
  async attachmentFile(sha256: string): Promise<string | undefined> {
    if (!isSha256(sha256)) return undefined
    for (const attachment of this.kernel.store.attachments.values()) {
      if (attachment.sha256 === sha256) return attachmentFilePath(this.dir, sha256)
    }
    return undefined
  }

  /** Resolves once the PDFs' text waiting for extraction has been extracted (the CLI, tests). */
  pdfTextIdle(): Promise<void> {
    return this.pdfText.idle()
  }

  /** Calls `listener` after every successful change; returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    return this.kernel.bus.listen(listener)
  }

  /** Calls `listener` with the progress of every long task; returns the unsubscribe function. */
  onProgress(listener: (progress: TaskProgress) => void): () => void {
    return this.kernel.tasks.onProgress(listener)
  }

  /** Calls `listener` after every settings change; returns the unsubscribe function. */
  onSettingsChange(listener: SettingsListener): () => void {
    return this.settings.listen(listener)
  }

  /**
   * Formats the notes that cite papers ahead of the user, in the background,
   * and from then on each note changed (the app asks; the CLI and the tests
   * need not). Settles once those notes are done.
   */
  async prepareCitations(): Promise<void> {
    await this.citations.prepareNotes()
  }

  /** Settles once no note is waiting to be formatted ahead (tests). */
  async citationsPrepared(): Promise<void> {
    await this.citations.notesPrepared()
  }

  /** Brings the library's files fully up to date (normally done a moment after each change). */
  async flush(): Promise<void> {
    await this.kernel.queue.idle()
    await this.kernel.store.flush()
  }

  /** Waits for pending writes, then closes every service and the store; later writes are refused. */
  async close(): Promise<void> {
    const writes = this.kernel.queue.close()
    // Nobody hears of what finishes from here on.
    this.kernel.bus.clearListeners()
    this.settings.clearListeners()
    this.kernel.tasks.clearListeners()
    await writes
    await this.kernel.bus.close()
    await this.kernel.store.close()
    await releaseLibraryLock(this.dir, this.kernel.store.device)
  }
}
