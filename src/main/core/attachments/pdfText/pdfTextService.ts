// The text of every attached PDF, extracted in the background by a worker
// thread (extractor.ts) as a long task the window shows ("Reading PDFs",
// cancellable), kept in `pdf-text/<sha256>.json` (derived: not backed up,
// rebuilt when missing), and indexed for search (pdfTextIndex.ts). What was
// not extracted when the library closed, or when the task was cancelled, is
// extracted on the next open: the cache files are the record of what is done.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { PdfTextMatch, PdfTextState, PdfTextStatus } from '../../../../shared/model'
import { messageOf } from '../../kernel/errors'
import type { LibraryKernel } from '../../kernel/kernel'
import type { RunningTask } from '../../kernel/longTasks'
import type { CommittedChange, Service } from '../../kernel/service'
import { attachmentFilePath } from '../attachmentFiles'
import { PdfTextExtractor } from './extractor'
import type { PageText, PdfText } from './pageText'
import { PdfTextIndex, pageMatches } from './pdfTextIndex'
import { attachmentsOf } from '../attachmentRecords'
import type { PdfPaperHits, PdfTextClause, PdfTextSearch } from '../../search/pdfTextHits'
import { count } from '../../../../shared/text/count'

/** The folder of extracted texts in the library folder (derived, like search-index.bin). */
export const PDF_TEXT_FOLDER = 'pdf-text'
const CACHE_FORMAT = 1

type CacheFile = { format: 1; ok: true; text: PdfText } | { format: 1; ok: false; reason: string }

interface TextEntry {
  state: PdfTextState
  pageCount?: number
  reason?: string
}

/** The papers of each file of the index (by file number); `repeats`: some paper has several. */
interface PapersOfFiles {
  version: number
  files: number
  byFile: string[][]
  repeats: boolean
}

type PdfTextMethod = 'getPdfTextStatus' | 'getPdfMatches'

export class PdfTextService implements Service<PdfTextMethod>, PdfTextSearch {
  private readonly entries = new Map<string, TextEntry>()
  private readonly waiting = new Set<string>()
  private readonly extractor = new PdfTextExtractor()
  readonly index = new PdfTextIndex()
  private running: { task: RunningTask | undefined; done: Promise<void> } | undefined
  private closed = false
  /** Cancelled by the user: what waits is extracted when the library is next opened. */
  private paused = false
  /** Bumped when text is indexed or attachments change: the search's cached results are stale. */
  version = 0
  private papers: PapersOfFiles | undefined

  constructor(private readonly kernel: LibraryKernel) {}

  readonly handlers: Service<PdfTextMethod>['handlers'] = {
    getPdfTextStatus: async () => this.status(),
    getPdfMatches: async ({ paperId, query }) => {
      const matches: PdfTextMatch[] = []
      for (const attachment of attachmentsOf(this.kernel.store, paperId)) {
        const cache = await this.readCache(attachment.sha256)
        if (cache?.ok !== true) continue
        matches.push(...pageMatches(query, attachment.id, attachment.sha256, cache.text.pages))
      }
      return matches
    },
  }

  private get folder(): string {
    return join(this.kernel.store.dir, PDF_TEXT_FOLDER)
  }

  private cachePath(sha256: string): string {
    return join(this.folder, `${sha256}.json`)
  }

  /** Papers whose PDFs hold every one of `clauses`; none asked: every paper with text. */
  papersWith(clauses: readonly PdfTextClause[], prefixLast = true): PdfPaperHits {
    const hits =
      clauses.length === 0 ? this.index.everyFile() : this.index.filesWithAll(clauses, prefixLast)
    const papers = this.papersOfFiles()
    const out: PdfPaperHits = { ids: [], counts: [] }
    // A paper with several PDFs is listed once, with its best count.
    const at = papers.repeats ? new Map<string, number>() : undefined
    for (let i = 0; i < hits.files.length; i++) {
      const count = hits.counts[i] as number
      for (const paperId of papers.byFile[hits.files[i] as number] ?? []) {
        const seen = at?.get(paperId)
        if (seen !== undefined) {
          out.counts[seen] = Math.max(count, out.counts[seen] ?? 0)
          continue
        }
        at?.set(paperId, out.ids.length)
        out.ids.push(paperId)
        out.counts.push(count)
      }
    }
    return out
  }

  /** The papers each indexed file is attached to, kept until the attachments or the index change. */
  private papersOfFiles(): PapersOfFiles {
    if (this.papers?.version === this.version && this.papers.files === this.index.size) {
      return this.papers
    }
    const byFile: string[][] = []
    const perPaper = new Set<string>()
    let repeats = false
    for (const attachment of this.kernel.store.attachments.values()) {
      const file = this.index.fileOf(attachment.sha256)
      if (file === undefined) continue
      ;(byFile[file] ??= []).push(attachment.paperId)
      if (perPaper.has(attachment.paperId)) repeats = true
      perPaper.add(attachment.paperId)
    }
    this.papers = { version: this.version, files: this.index.size, byFile, repeats }
    return this.papers
  }

  stateOf(sha256: string): TextEntry {
    return { ...(this.entries.get(sha256) ?? { state: 'waiting' }) }
  }

  status(): PdfTextStatus {
    const shas = new Set([...this.kernel.store.attachments.values()].map((a) => a.sha256))
    let indexed = 0
    let failed = 0
    for (const sha of shas) {
      const state = this.entries.get(sha)?.state
      if (state === 'indexed') indexed++
      if (state === 'failed') failed++
    }
    const taskId = this.running?.task?.id
    return {
      attachments: shas.size,
      indexed,
      failed,
      waiting: shas.size - indexed - failed,
      ...(taskId === undefined ? {} : { taskId }),
    }
  }

  /** On open: what was extracted before is indexed from its cache; the rest is queued. */
  start(): void {
    for (const attachment of this.kernel.store.attachments.values()) this.enqueue(attachment.sha256)
  }

  /** Extracts (in the background) the text of the file `sha256` unless that is done. */
  enqueue(sha256: string): void {
    if (this.closed || this.entries.has(sha256)) return
    this.entries.set(sha256, { state: 'waiting' })
    this.waiting.add(sha256)
    this.run()
  }

  /** The pages of the file's text, extracting it now if it has not been. */
  async pagesOf(sha256: string): Promise<PageText[]> {
    const cache = await this.ensureText(sha256)
    return cache.ok ? cache.text.pages : []
  }

  /** The file's text (extracted now if it has not been), or undefined when it cannot be read. */
  async textOf(sha256: string): Promise<PdfText | undefined> {
    const cache = await this.ensureText(sha256)
    return cache.ok ? cache.text : undefined
  }

  /** Resolves when nothing waits for extraction (tests, the CLI before it answers a search). */
  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running.done
  }

  private run(): void {
    if (this.running !== undefined || this.waiting.size === 0 || this.paused) return
    const running: { task: RunningTask | undefined; done: Promise<void> } = {
      task: undefined,
      done: Promise.resolve(),
    }
    this.running = running
    running.done = this.kernel.tasks
      .run(
        'pdf-text',
        'Reading PDFs',
        async (task) => {
          running.task = task
          await this.drain(task)
        },
        () => `The text of ${count(this.status().indexed, 'PDF')} is searchable.`,
      )
      .catch(() => undefined) // a failure is per file (see extractOne): this is a cancel
      .finally(() => {
        this.running = undefined
        // Cancelled: what is left waits for the next open.
        if (running.task?.signal.aborted === true) this.paused = true
        else if (!this.closed) this.run()
      })
  }

  private async drain(task: RunningTask): Promise<void> {
    let done = 0
    while (this.waiting.size > 0 && !this.closed) {
      const total = done + this.waiting.size
      task.report('Extracting text', done, total)
      await task.checkpoint()
      const sha256 = this.waiting.values().next().value as string
      this.waiting.delete(sha256)
      this.entries.set(sha256, { state: 'extracting' })
      await this.extractOne(sha256)
      done++
    }
    task.report('Extracting text', done, done)
  }

  private async extractOne(sha256: string): Promise<void> {
    const cache = await this.ensureText(sha256)
    if (this.closed) return
    if (cache.ok) {
      this.index.add(sha256, cache.text.pages)
      this.entries.set(sha256, { state: 'indexed', pageCount: cache.text.pages.length })
    } else {
      this.entries.set(sha256, { state: 'failed', reason: cache.reason })
    }
    this.version++
    this.kernel.notify({ topics: ['attachments', 'papers'] })
  }

  /** The cached text of the file, or its extraction now (then cached: a failure too). */
  private async ensureText(sha256: string): Promise<CacheFile> {
    const cached = await this.readCache(sha256)
    if (cached !== undefined) return cached
    let cache: CacheFile
    try {
      const text = await this.extractor.extract(attachmentFilePath(this.kernel.store.dir, sha256))
      cache = { format: CACHE_FORMAT, ok: true, text }
    } catch (error) {
      cache = { format: CACHE_FORMAT, ok: false, reason: messageOf(error) }
    }
    if (!this.closed) {
      // Derived: failing to keep it only means extracting it again next time.
      await mkdir(this.folder, { recursive: true }).catch(() => undefined)
      // No fsync: a cache lost in a power cut is extracted again; the rename keeps it whole.
      const temp = `${this.cachePath(sha256)}.${process.pid}.tmp`
      await writeFile(temp, JSON.stringify(cache))
        .then(() => rename(temp, this.cachePath(sha256)))
        .catch(() => rm(temp, { force: true }).catch(() => undefined))
    }
    return cache
  }

  private async readCache(sha256: string): Promise<CacheFile | undefined> {
    try {
      const value = JSON.parse(await readFile(this.cachePath(sha256), 'utf8')) as CacheFile
      return value.format === CACHE_FORMAT ? value : undefined
    } catch {
      return undefined
    }
  }

  committed(change: CommittedChange): void {
    if (change.changes.attachments !== undefined) this.version++
    for (const attachment of change.changes.attachments?.put ?? []) this.enqueue(attachment.sha256)
  }

  reset(): void {
    this.entries.clear()
    this.waiting.clear()
    this.index.clear()
    this.start()
  }

  async close(): Promise<void> {
    this.closed = true
    this.waiting.clear()
    this.running?.task?.requestCancel()
    await this.running?.done
    await this.extractor.close()
  }
}
