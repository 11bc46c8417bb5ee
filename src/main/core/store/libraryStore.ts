// The library on disk and in memory.
//
// Layout of a library folder (schema version 2):
//   library.json          schema version, creation time, settings
//   journals/DEVICE.ndjson each device's acknowledged change sets (its recent ones)
//   papers/00.json …      records, spread over shard files by a hash of their id,
//                         each with its revision (recordRevisions.ts), and tombstones
//   notes/…, collections/…, relations/…
//
// One folder may be synced between machines (Syncthing, Dropbox, iCloud, git).
// Each device appends only to its own journal; records carry revisions, so the
// copies of one record that different devices wrote merge field by field.
// Opening merges everything in the folder: the shards, every device's journal,
// conflict copies (moved to merged-conflicts/ once merged); `mergeFromDisk`
// does it again whenever the folder changes. A checkpoint merges a shard file
// another device rewrote before writing over it.
//
// A commit appends its change set to the journal and flushes it (cost: the size
// of the change), then applies it in memory: only then is it acknowledged. A
// checkpoint, a moment later or when the journal grows, rewrites just the shard
// files that changed (each atomically, through lowdb and DurableJsonFile) and
// then empties the journal. Opening reads the shards and replays the journal
// over them, so a crash at any point, even between two shard writes, leaves a
// library that opens with every acknowledged change.
import { randomUUID } from 'node:crypto'
import { mkdir, truncate } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { Low } from 'lowdb'
import type { StoreProblem } from '../../../shared/model'
import { finishInterruptedRestore } from '../backups/restoreBackup'
import { DurableJsonFile, UnreadableFileError } from './durableJsonFile'
import { StorageError, messageOf } from '../kernel/errors'
import { defaultDevice, deviceName } from './deviceName'
import { FileSignatures } from './folderScan'
import { FolderMerger } from './folderMerger'
import { HybridClock } from './hlc'
import { JOURNAL_FILE, JOURNALS_FOLDER, Journal, journalFileOf, readJournal } from './journal'
import { archiveV1Files, hasV1Files, readV1Records } from './layoutV1'
import { listLibraryFiles } from './libraryFiles'
import { LIBRARY_FILE, SCHEMA_VERSION, libraryMetaParser } from './libraryMeta'
import type { LibraryMeta } from './libraryMeta'
import { moveAside } from './moveAside'
import { MergeBatch, emptyRecords, isEmptyOutcome } from './mergeBatch'
import type { MergeOutcome, Records } from './mergeBatch'
import { RECORD_KINDS, SHARD_COUNTS } from './recordKinds'
import type { ChangeSet, ReadonlyRecords, RecordKind } from './recordKinds'
import type { RecordRevision } from './recordRevisions'
import { ShardedMap } from './shardedMap'
import { loadShards, readOrRecover, shardContent, shardFile } from './shardFiles'
import type { ShardFile } from './shardFiles'
import { shardFileName } from './shardRouting'
import { stampChanges } from './stampChanges'

export { JOURNAL_FILE, journalFileOf }
export { defaultDevice, deviceName }
export type { LibraryRecords, ReadonlyRecords } from './recordKinds'
/** This device's journal is emptied at a checkpoint once it holds this much (see README). */
export const JOURNAL_KEEP_BYTES = 4 * 1024 * 1024
/** Quiet time after the last commit before shard files are brought up to date. */
export const CHECKPOINT_DELAY_MS = 1000
/** A journal this large is checkpointed at once, keeping replay on open short. */
export const CHECKPOINT_JOURNAL_BYTES = 8 * 1024 * 1024

export interface StoreOptions {
  now?: () => Date
  /** Overrides CHECKPOINT_DELAY_MS (tests use 0 or a very long delay). */
  checkpointDelayMs?: number
  /** The device this store writes as (its journal, its revisions); default: defaultDevice(). */
  device?: string
}

/** What the merges since opening did, for the Sync status. */
export interface MergeLog {
  lastMerge: Date | undefined
  /** Devices whose journals are in the folder or whose changes were merged. */
  devices: Set<string>
  /** Conflict copies merged (and moved to merged-conflicts/). */
  conflictCopies: string[]
  /** Notes whose text was merged line by line. */
  textMerged: Set<string>
}

export class LibraryStore {
  private queue: Promise<void> = Promise.resolve()
  private checkpointTimer: ReturnType<typeof setTimeout> | undefined
  private settingsDirty = false
  private closed = false
  /** The revision library.json on disk names (see `revision`). */
  private writtenRevision: string | undefined
  /** The stamp of this device's last commit ('' before one). */
  lastStamp = ''
  /** Bytes appended to this device's journal since the last checkpoint. */
  private sinceCheckpoint = 0
  /** Told of every merge that changed records (after open). */
  private mergeListener: ((outcome: MergeOutcome) => void) | undefined
  readonly mergeLog: MergeLog = {
    lastMerge: undefined,
    devices: new Set(),
    conflictCopies: [],
    textMerged: new Set(),
  }

  private constructor(
    readonly dir: string,
    private readonly meta: LibraryMeta,
    private readonly records: Records,
    private readonly journal: Journal,
    /** Files that could not be read during this open and were moved aside. */
    readonly problems: StoreProblem[],
    private readonly now: () => Date,
    private readonly checkpointDelayMs: number,
    readonly device: string,
    private readonly clock: HybridClock,
    private readonly signatures: FileSignatures,
    private readonly folderMerger: FolderMerger,
  ) {}

  static async open(dir: string, options: StoreOptions = {}): Promise<LibraryStore> {
    const now = options.now ?? (() => new Date())
    const folder = resolve(dir)
    try {
      await mkdir(folder, { recursive: true })
    } catch (error) {
      throw new StorageError(`Could not create the library folder ${folder}: ${messageOf(error)}`, {
        cause: error,
      })
    }
    const problems: StoreProblem[] = []

    // library.json first and alone: a newer schema must stop us before any move or write.
    const metaPath = join(folder, LIBRARY_FILE)
    const metaFile = new DurableJsonFile(metaPath, libraryMetaParser(metaPath))
    await checkVersion(metaFile)
    // A restore from backup that a crash interrupted is finished before anything is read.
    await finishInterruptedRestore(folder)
    const metaRead = await readOrRecover(folder, LIBRARY_FILE, metaFile, now, problems)
    const migratingFromV1 =
      metaRead === null ? await hasV1Files(folder) : metaRead.schemaVersion < SCHEMA_VERSION
    const meta: LibraryMeta = {
      ...(metaRead ?? { createdAt: now().toISOString(), settings: {} }),
      schemaVersion: SCHEMA_VERSION,
    }

    for (const kind of RECORD_KINDS) await mkdir(join(folder, kind), { recursive: true })
    await mkdir(join(folder, JOURNALS_FOLDER), { recursive: true })
    const records = emptyRecords()
    if (migratingFromV1) {
      const v1 = await readV1Records(folder, now, problems)
      for (const paper of v1.papers) records.papers.set(paper)
      for (const note of v1.notes) records.notes.set(note)
      // Every shard is written, so none left by an interrupted attempt survives.
      for (const kind of RECORD_KINDS) records[kind].markAllDirty()
    } else {
      for (const kind of RECORD_KINDS)
        await loadShards(folder, kind, records[kind] as ShardedMap<{ id: string }>, now, problems)
    }
    const signatures = new FileSignatures(folder)
    await rememberLibraryFiles(signatures)

    const device = deviceName(options.device ?? '') || defaultDevice()
    const clock = new HybridClock(device, () => now().getTime())
    const batch = new MergeBatch(records, meta)
    const folderMerger = new FolderMerger(folder, device, signatures)

    // This device's journal: replayed (merging is idempotent: entries already
    // in the shards change nothing), a torn tail cut off, damage set aside.
    const journalPath = join(folder, journalFileOf(device))
    const contents = await readJournal(journalPath)
    for (const entry of contents.entries) batch.mergeEntry(entry)
    if (contents.damage !== undefined) {
      const movedTo = await moveAside(journalPath, now(), 'damaged')
      problems.push({
        kind: 'damaged-journal',
        file: journalPath,
        movedTo,
        reason: contents.damage,
      })
    }
    const journal = await Journal.open(
      journalPath,
      contents.damage === undefined ? contents.validLength : 0,
    )
    // A library file git left with conflict markers was set aside as
    // unreadable: both of its sides are merged.
    for (const problem of problems) {
      if (problem.kind !== 'unreadable-file') continue
      await folderMerger.mergeSetAside(batch, problem.movedTo, relative(folder, problem.file))
    }
    // Other devices' journals and the conflict copies sync tools left.
    await folderMerger.mergeJournals(batch, true)
    const copies = await folderMerger.mergeConflictCopies(batch)
    // The journal of Offprint before per-device journals, applied as this device's.
    const legacyPath = join(folder, JOURNAL_FILE)
    const legacy = await readJournal(legacyPath)
    const outcome = batch.outcome()
    clock.observe(outcome.newest)

    const merged = RECORD_KINDS.some((kind) => records[kind].dirtyShards().length > 0)
    // The content is the one library.json names only when it was read just as
    // written: nothing merged, moved or set aside, no migration.
    const readAsWritten =
      metaRead !== null &&
      !migratingFromV1 &&
      !merged &&
      !batch.settingsWereMerged &&
      legacy.entries.length === 0 &&
      contents.damage === undefined &&
      problems.length === 0
    meta.revision =
      readAsWritten && metaRead.revision !== undefined ? metaRead.revision : randomUUID()
    const store = new LibraryStore(
      folder,
      meta,
      records,
      journal,
      problems,
      now,
      options.checkpointDelayMs ?? CHECKPOINT_DELAY_MS,
      device,
      clock,
      signatures,
      folderMerger,
    )
    store.noteMerge(
      outcome,
      copies.map((copy) => copy.path),
    )
    for (const entry of legacy.entries) await store.commitNow(entry.changes)
    // A new library, a migration or a merge is written out now, so the folder
    // is in the current layout before anything else happens.
    store.writtenRevision = metaRead?.revision
    if (metaRead === null || migratingFromV1 || !readAsWritten) {
      store.settingsDirty = true
      await store.runExclusive(() => store.checkpoint())
      // library.json now says version 2: the migration is committed.
      if (migratingFromV1) await archiveV1Files(folder)
    }
    if (legacy.damage !== undefined) {
      const movedTo = await moveAside(legacyPath, now(), 'damaged')
      problems.push({ kind: 'damaged-journal', file: legacyPath, movedTo, reason: legacy.damage })
    } else if (legacy.entries.length > 0) await truncate(legacyPath, 0)
    // Merged copies leave the folder only once what they held is saved.
    await folderMerger.moveMerged(copies, now())
    return store
  }

  get schemaVersion(): number {
    return this.meta.schemaVersion
  }

  get settings(): Readonly<Record<string, unknown>> {
    return this.meta.settings
  }

  /**
   * Names the library's current content: a new random value after every
   * commit, kept in library.json from one opening to the next. Two equal
   * revisions mean the same records, so a file derived from the library (the
   * search index) that was saved with this revision still matches it. An
   * opening that replayed the journal or set anything aside starts a new one.
   */
  get revision(): string {
    return this.meta.revision ?? ''
  }

  get papers(): ReadonlyRecords<'papers'> {
    return this.records.papers
  }
  get notes(): ReadonlyRecords<'notes'> {
    return this.records.notes
  }
  get collections(): ReadonlyRecords<'collections'> {
    return this.records.collections
  }
  get relations(): ReadonlyRecords<'relations'> {
    return this.records.relations
  }
  get feeds(): ReadonlyRecords<'feeds'> {
    return this.records.feeds
  }
  get feedItems(): ReadonlyRecords<'feedItems'> {
    return this.records.feedItems
  }

  get attachments(): ReadonlyRecords<'attachments'> {
    return this.records.attachments
  }

  get highlights(): ReadonlyRecords<'highlights'> {
    return this.records.highlights
  }

  /**
   * Makes `changes` durable (journal), then visible (memory). Rejects with a
   * StorageError, changing nothing in memory, when the disk refuses the write.
   * Records are stored as given: callers pass new objects, never mutated ones.
   */
  commit(changes: ChangeSet): Promise<void> {
    if (this.closed) return Promise.reject(new StorageError('The library is closed'))
    return this.runExclusive(() => this.commitNow(changes))
  }

  /** commit() without the queue: stamps the change, journals it, applies it. */
  private async commitNow(changes: ChangeSet): Promise<void> {
    const stamp = this.clock.tick()
    this.lastStamp = stamp
    const { entry, revisions } = stampChanges(this.records, this.meta, changes, stamp, this.device)
    const sizeBefore = this.journal.size
    await this.journal.append(entry)
    this.sinceCheckpoint += this.journal.size - sizeBefore
    for (const kind of RECORD_KINDS) {
      const change = changes[kind]
      if (change === undefined) continue
      const map = this.records[kind] as ShardedMap<{ id: string }>
      for (const id of change.remove ?? []) map.delete(id, stamp)
      for (const record of (change.put ?? []) as readonly { id: string }[]) {
        map.setCopy(record.id, {
          record,
          revision: revisions.get(kind)?.get(record.id),
          tombstone: map.copyOf(record.id).tombstone,
        })
      }
    }
    if (changes.settings !== undefined) {
      this.meta.settings = { ...changes.settings }
      this.meta.settingsStamps = { ...this.meta.settingsStamps, ...entry.settingsStamps }
      this.settingsDirty = true
    }
    this.meta.revision = randomUUID()
    this.scheduleCheckpoint()
  }

  /** The revision a record carries (for the Sync view and tests). */
  revisionOf(kind: RecordKind, id: string): RecordRevision | undefined {
    return (this.records[kind] as ShardedMap<{ id: string }>).copyOf(id).revision
  }

  /** Tells `listener` of every merge that changes records from now on. */
  onMerge(listener: (outcome: MergeOutcome) => void): void {
    this.mergeListener = listener
  }

  /**
   * Merges what other devices and sync tools left in the folder since it was
   * last looked at: changed journals, rewritten shards, conflict copies.
   */
  mergeFromDisk(): Promise<MergeOutcome> {
    if (this.closed) return Promise.reject(new StorageError('The library is closed'))
    return this.runExclusive(async () => {
      const batch = new MergeBatch(this.records, this.meta)
      await this.folderMerger.mergeJournals(batch)
      await this.folderMerger.mergeChangedFiles(batch)
      const copies = await this.folderMerger.mergeConflictCopies(batch)
      const outcome = batch.outcome()
      this.afterMerge(
        batch,
        outcome,
        copies.map((copy) => copy.path),
      )
      // Copies leave the folder only once what they held is saved; merged
      // journals stay in the folder, so their changes are saved a moment later.
      if (copies.length > 0) await this.checkpoint()
      else if (!isEmptyOutcome(outcome)) this.scheduleCheckpoint()
      await this.folderMerger.moveMerged(copies, this.now())
      return outcome
    })
  }

  private afterMerge(batch: MergeBatch, outcome: MergeOutcome, copies: string[]): void {
    this.clock.observe(outcome.newest)
    this.noteMerge(outcome, copies)
    if (batch.settingsWereMerged) this.settingsDirty = true
    if (!isEmptyOutcome(outcome)) {
      this.meta.revision = randomUUID()
      this.mergeListener?.(outcome)
    }
  }

  private noteMerge(outcome: MergeOutcome, copies: string[]): void {
    this.mergeLog.lastMerge = this.now()
    this.mergeLog.devices.add(this.device)
    for (const device of outcome.devices) this.mergeLog.devices.add(device)
    this.mergeLog.conflictCopies.push(...copies)
    for (const id of outcome.textMerged) this.mergeLog.textMerged.add(id)
  }

  /** Brings every shard file up to date and empties the journal. */
  flush(): Promise<void> {
    return this.runExclusive(() => this.checkpoint())
  }

  /**
   * Runs `task` with every acknowledged change in the library files (shards
   * and library.json, relative paths in `files`) and no commit or checkpoint
   * able to start until it resolves: what a consistent backup needs.
   */
  snapshot<T>(task: (files: readonly string[]) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StorageError('The library is closed'))
    return this.runExclusive(async () => {
      await this.checkpoint()
      return task(await listLibraryFiles(this.dir))
    })
  }

  /** Flushes, then releases the journal; later commits are refused. */
  async close(): Promise<void> {
    if (this.closed) return this.queue
    this.closed = true
    clearTimeout(this.checkpointTimer)
    await this.runExclusive(() => this.checkpoint()).catch((error: unknown) => {
      // Nothing is lost: the journal still holds every change and is replayed on open.
      console.error('offprint: checkpoint on close failed:', messageOf(error))
    })
    await this.journal.close()
  }

  private runExclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task)
    this.queue = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }

  private scheduleCheckpoint(): void {
    clearTimeout(this.checkpointTimer)
    const delay = this.sinceCheckpoint >= CHECKPOINT_JOURNAL_BYTES ? 0 : this.checkpointDelayMs
    this.checkpointTimer = setTimeout(() => {
      this.runExclusive(() => this.checkpoint()).catch((error: unknown) => {
        // The journal keeps the changes; try again after the next commit.
        console.error('offprint: checkpoint failed:', messageOf(error))
      })
    }, delay)
    // A pending checkpoint must not keep a CLI process alive; close() flushes.
    this.checkpointTimer.unref?.()
  }

  /** Runs inside the queue: no commit can interleave with it. */
  private async checkpoint(): Promise<void> {
    // A file another device rewrote since we read it is merged before we write over it.
    const batch = new MergeBatch(this.records, this.meta)
    for (const kind of RECORD_KINDS) {
      for (const index of this.records[kind].dirtyShards()) {
        await this.folderMerger.mergeFileIfChanged(batch, shardFileName(kind, index))
      }
    }
    await this.folderMerger.mergeFileIfChanged(batch, LIBRARY_FILE)
    this.afterMerge(batch, batch.outcome(), [])
    for (const kind of RECORD_KINDS) {
      const map = this.records[kind] as ShardedMap<{ id: string }>
      for (const index of map.dirtyShards()) {
        const low = new Low<ShardFile<{ id: string }>>(
          shardFile(this.dir, kind, index),
          shardContent(map.shard(index)),
        )
        await low.write()
        map.markClean(index)
        await this.signatures.remember(shardFileName(kind, index))
      }
    }
    // After the shards: library.json must never name content they do not hold yet.
    if (this.settingsDirty || this.meta.revision !== this.writtenRevision) {
      const metaPath = join(this.dir, LIBRARY_FILE)
      const written = { ...this.meta }
      await new DurableJsonFile(metaPath, libraryMetaParser(metaPath)).write(written)
      await this.signatures.remember(LIBRARY_FILE)
      this.settingsDirty = false
      this.writtenRevision = written.revision
    }
    // The journal keeps recent changes after a checkpoint: if a sync tool
    // brings back an older shard, they are merged in again on the next open.
    if (this.journal.size >= JOURNAL_KEEP_BYTES) await this.journal.reset()
    this.sinceCheckpoint = 0
  }
}

/** Notes every library file's signature as it is when opened. */
async function rememberLibraryFiles(signatures: FileSignatures): Promise<void> {
  const paths = [LIBRARY_FILE]
  for (const kind of RECORD_KINDS) {
    for (let index = 0; index < SHARD_COUNTS[kind]; index++) paths.push(shardFileName(kind, index))
  }
  await Promise.all(paths.map((path) => signatures.remember(path)))
}

/** Refuses a library.json of a newer schema before anything in the folder is touched. */
async function checkVersion(metaFile: DurableJsonFile<unknown>): Promise<void> {
  try {
    await metaFile.read()
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error
  }
}
