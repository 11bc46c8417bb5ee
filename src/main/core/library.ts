// The library: one library folder, opened. This is the composition root: it
// opens the store, builds the kernel (write queue, change bus, long tasks) and
// the services (one folder each, see kernel/service.ts), assembles their API
// handlers into `api`, and closes them in order. What each operation does
// lives in its service; arguments arrive validated by kernel/dispatch.ts.
import { join, resolve } from 'node:path'
import type { LibraryApi } from '../../shared/api'
import type { TaskProgress } from '../../shared/model'
import { BackupsService } from './backups/backupsService'
import { duplicatesService } from './duplicates/duplicatesService'
import { exportsService } from './exports/exportsService'
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
}

export class Library {
  /** Every API method (src/shared/api.ts), answered by the services. */
  readonly api: LibraryApi
  private readonly settings: SettingsService
  private readonly search: SearchService

  private constructor(
    private readonly kernel: LibraryKernel,
    lookup: LookupService,
    options: LibraryOptions,
  ) {
    const notes = new NoteIndex(kernel)
    const views = new PaperViews(kernel, notes)
    const search = new SearchService(kernel, views, notes, options.searchIndexFromPapers)
    this.search = search
    const plans = new PlanRunner(kernel)
    const links = new LinksService(kernel, views)
    const related = new RelatedService(kernel, views, plans)
    const imports = new ImportsService(kernel, lookup, options.samplePath)
    this.settings = new SettingsService(kernel)
    const backups = new BackupsService(kernel, this.settings, views, notes)
    const graph = new GraphService(kernel, links, related)
    // Told of each commit in this order (what others read from first, the
    // search last of the indexes), and closed in it: backups finish before
    // the search index is saved.
    kernel.bus.subscribe(notes, views, plans, links, related, graph, imports, backups, search)
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
      graph,
    ]) satisfies LibraryApi
    if (options.automaticBackups === true) backups.startAutomatic()
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
    await acquireLibraryLock(folder)
    try {
      // The search index file is read (by the thread pool) while the store opens.
      const savedIndex = readSearchIndexFile(join(folder, SEARCH_INDEX_FILE))
      const store = await LibraryStore.open(folder, storeOptions)
      const kernel = new LibraryKernel(store, storeOptions, now)
      const lookup = await LookupService.open(kernel, {
        origins: originsOf(kernel, options.environment ?? process.env),
        ...options.lookup,
      })
      const library = new Library(kernel, lookup, options)
      // In the background: the list is usable while the search index builds.
      library.search.start(savedIndex)
      return library
    } catch (error) {
      await releaseLibraryLock(folder)
      throw error
    }
  }

  /** Absolute path of the library folder. */
  get dir(): string {
    return this.kernel.store.dir
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
    await releaseLibraryLock(this.dir)
  }
}
