// Imports: in one step (importText, importSample: the CLI, files the OS
// opens) or in two, previewImport then confirmImport (or cancelImport), each
// a long task with progress. Reading and lookups write nothing; confirming
// matches what was read against the library as it is then and writes it in
// one durable commit.
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { ImportPreview, ImportReport } from '../../../shared/model'
import { duplicateKeys } from '../duplicates/duplicateKeys'
import { BadInputError, NotFoundError, StorageError, messageOf } from '../kernel/errors'
import type { LibraryKernel } from '../kernel/kernel'
import { TaskCancelledError } from '../kernel/longTasks'
import type { RunningTask } from '../kernel/longTasks'
import type { CommittedChange, Service } from '../kernel/service'
import type { LookupService } from '../lookup/lookupService'
import { requirePaper } from '../store/requireRecord'
import { importLabel, importReport, localIsoDate, newPapers } from './importedPapers'
import { formatIdentifier } from './identifiers'
import { planImport } from './importPlan'
import { prepareImport } from './prepareImport'
import type { PreparedImport, ReadText } from './prepareImport'
import { readImport } from './readImport'
import type { ParseControl } from './parsedRecord'

/** The bundled sample is one saved page; its relative dates ("Jan 26") are read from this day. */
export const SAMPLE_PAGE_DATE = '2026-02-09'

/** What a title search is called in its preview and report ("Import from arXiv by title"). */
const TITLE_SEARCH = 'from arXiv by title'

/** Prepared previews kept at once; older ones are dropped (the user moved on). */
const MAX_PREVIEWS = 4

type ImportMethod =
  | 'importText'
  | 'importSample'
  | 'previewImport'
  | 'confirmImport'
  | 'cancelImport'
  | 'retryLookups'
  | 'matchTitlesOnArxiv'

/** An import between previewImport and confirmImport (or cancelImport). */
interface PendingImport {
  /** The task reading it, while it runs. */
  taskId?: string
  /** Set once reading and lookups are done. */
  prepared?: PreparedImport
}

export class ImportsService implements Service<ImportMethod> {
  private readonly pending = new Map<string, PendingImport>()
  // Duplicate key → paper id, for recognizing papers already in the library.
  private keyIndex: Map<string, string> | undefined

  /** Fetches Get PDF's waiting requests again (set by the library: attachments/pdfIntakeService.ts). */
  retryQueuedPdfs: (() => Promise<void>) | undefined

  constructor(
    private readonly kernel: LibraryKernel,
    private readonly lookups: LookupService,
    /** The bundled sample listing (resources/sample-daily-papers.txt). */
    private readonly samplePath: string | undefined,
  ) {}

  readonly handlers: Service<ImportMethod>['handlers'] = {
    importText: ({ text, fileName }) =>
      this.importNow(fileName, (control) => readImport(text, this.readOptions(control, fileName))),

    importSample: async () => {
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
      return this.importNow(fileName, (control) =>
        readImport(text, { ...this.readOptions(control, fileName), pageDate: SAMPLE_PAGE_DATE }),
      )
    },

    /**
     * Step one: parse the text, look identifiers up, match against the
     * library, and say what confirming would do. Nothing is written.
     */
    previewImport: ({ previewId, text, fileName }) =>
      this.preview(previewId, fileName, (control) =>
        readImport(text, this.readOptions(control, fileName)),
      ),

    /** Looks the queued identifiers up again; the result is a preview like any import's. */
    retryLookups: async ({ previewId }) => {
      // Get PDF's waiting requests (`pdf:arXiv:…`) are fetched again by their owner, not imported.
      const queued = this.lookups.queue.list().map((item) => item.identifier)
      const pdfs = queued.filter((identifier) => identifier.startsWith('pdf:'))
      if (pdfs.length > 0) await this.retryQueuedPdfs?.()
      const identifiers = queued.filter((identifier) => !identifier.startsWith('pdf:'))
      if (identifiers.length === 0 && pdfs.length === 0) {
        throw new BadInputError('No identifiers are waiting to be looked up')
      }
      return this.previewLookups(previewId, undefined, identifiers)
    },

    /**
     * Papers without an arXiv id or a DOI (a page that gave none) looked up on
     * arXiv by title, through the lookup queue's path: what is found enriches
     * the paper (its id, author names, links); what cannot be looked up now
     * (offline, busy) waits in the queue when the preview is confirmed.
     */
    matchTitlesOnArxiv: async ({ previewId, paperIds }) => {
      const titles = paperIds.flatMap((id) => {
        const paper = requirePaper(this.kernel.store, id)
        return paper.arxivId === undefined && paper.doi === undefined
          ? [formatIdentifier({ kind: 'title', id: paper.title })]
          : []
      })
      if (titles.length === 0) {
        throw new BadInputError('These papers have an arXiv id or a DOI already')
      }
      return this.previewLookups(previewId, TITLE_SEARCH, [...new Set(titles)])
    },

    /** Step two: write what the preview showed (as the library is now), in one durable commit. */
    confirmImport: async ({ previewId }) => {
      const prepared = this.pending.get(previewId)?.prepared
      if (prepared === undefined) {
        throw new NotFoundError(
          `No finished import preview "${previewId}" (it was cancelled, confirmed or replaced)`,
        )
      }
      this.pending.delete(previewId)
      return this.kernel.tasks.run('import', importLabel(prepared.fileName), (task) =>
        this.kernel.mutate(() => this.write(task, prepared)),
      )
    },

    /** Stops a running preview, or forgets a finished one. Nothing was written either way. */
    cancelImport: async ({ previewId }) => {
      const pending = this.pending.get(previewId)
      if (pending === undefined) return { cancelled: false }
      this.pending.delete(previewId)
      if (pending.prepared === undefined && pending.taskId !== undefined) {
        this.kernel.tasks.cancel(pending.taskId)
      }
      return { cancelled: true }
    },
  }

  committed({ changes }: CommittedChange): void {
    // Rebuilt on the next import: papers may have left (or, by undo, come back).
    if (changes.papers !== undefined) this.keyIndex = undefined
  }

  reset(): void {
    this.keyIndex = undefined
  }

  /** Reads and writes in one step: `read` may be any source (a file's text, an online fetch). */
  importNow(fileName: string | undefined, read: ReadText): Promise<ImportReport> {
    return this.kernel.tasks.run('import', importLabel(fileName), async (task) => {
      const prepared = await this.prepare(task, fileName, read)
      return this.kernel.mutate(() => this.write(task, prepared))
    })
  }

  private prepare(
    task: RunningTask,
    fileName: string | undefined,
    read: ReadText,
  ): Promise<PreparedImport> {
    return prepareImport(task, fileName, read, this.lookups.lookup, this.kernel.now)
  }

  private readOptions(control: ParseControl, fileName: string | undefined) {
    return {
      ...control,
      ...(fileName === undefined ? {} : { fileName }),
      today: localIsoDate(this.kernel.now()),
    }
  }

  /** A preview of looking `identifiers` up (formatted: "arXiv:…", "doi:…", "title:…"). */
  private previewLookups(
    previewId: string,
    name: string | undefined,
    identifiers: string[],
  ): Promise<ImportPreview> {
    return this.preview(previewId, name, async () => ({
      format: 'identifiers',
      records: [],
      skipped: [],
      identifiers,
    }))
  }

  /** Runs a preview as a long task and keeps what it read for confirmImport (any source). */
  async preview(
    previewId: string,
    fileName: string | undefined,
    read: ReadText,
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
      if (old.taskId !== undefined) this.kernel.tasks.cancel(old.taskId)
      this.pending.delete(id)
    }
    try {
      return await this.kernel.tasks.run('import', importLabel(fileName), async (task) => {
        pending.taskId = task.id
        const prepared = await this.prepare(task, fileName, read)
        // cancelImport may have dropped it while the last step ran.
        if (this.pending.get(previewId) !== pending) {
          throw new TaskCancelledError(`${task.label}: cancelled`)
        }
        pending.prepared = prepared
        const plan = await planImport(
          prepared.records,
          this.papersByKey(),
          this.kernel.store.papers,
        )
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
        if (plan.mergedKeys.length > 0) preview.mergedKeys = plan.mergedKeys
        if (prepared.partial !== undefined) preview.partial = prepared.partial
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
   * Matches what was read against the library as it is now ("Adding papers",
   * cancellable), then commits the new papers and the enriched duplicates in
   * one change set ("Saving", no longer cancellable). Runs inside mutate().
   */
  private async write(task: RunningTask, prepared: PreparedImport): Promise<ImportReport> {
    const store = this.kernel.store
    const plan = await planImport(
      prepared.records,
      this.papersByKey(),
      store.papers,
      async (done, total) => {
        task.report('Adding papers', done, total)
        await task.checkpoint()
      },
    )
    const total = prepared.records.length
    task.report('Saving', total, total, { cancellable: false })
    const importedAt = this.kernel.now().toISOString()
    const added = newPapers(prepared, plan, importedAt)
    const updated = [...plan.updates].map(([id, fields]) => ({
      ...requirePaper(store, id),
      ...fields,
      updatedAt: importedAt,
    }))
    // One commit per import, and none when nothing changes.
    if (added.length > 0 || updated.length > 0) {
      await this.kernel.commit({ papers: { put: [...updated, ...added] } }, ['lookup-queue'])
    }
    // The queue is a to-do list: failing to update it must not fail the import.
    await this.lookups.queue.add(prepared.queued).catch(() => undefined)
    await this.lookups.queue.remove(prepared.resolved).catch(() => undefined)
    return importReport(prepared, plan, added)
  }

  private papersByKey(): Map<string, string> {
    if (this.keyIndex === undefined) {
      const index = new Map<string, string>()
      for (const paper of this.kernel.store.papers.values()) {
        for (const key of duplicateKeys(paper)) if (!index.has(key)) index.set(key, paper.id)
      }
      this.keyIndex = index
    }
    return this.keyIndex
  }
}
