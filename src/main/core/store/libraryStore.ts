// The library on disk and in memory.
//
// Layout of a library folder (schema version 2):
//   library.json          schema version, creation time, settings
//   journal.ndjson        change sets acknowledged since the last checkpoint
//   papers/00.json …      records, spread over shard files by a hash of their id
//   notes/…, collections/…, relations/…
//
// A commit appends its change set to the journal and flushes it (cost: the size
// of the change), then applies it in memory: only then is it acknowledged. A
// checkpoint, a moment later or when the journal grows, rewrites just the shard
// files that changed (each atomically, through lowdb and DurableJsonFile) and
// then empties the journal. Opening reads the shards and replays the journal
// over them, so a crash at any point, even between two shard writes, leaves a
// library that opens with every acknowledged change.
import { randomUUID } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { Low } from 'lowdb'
import type { StoreProblem } from '../../../shared/model'
import { finishInterruptedRestore } from '../backups/restoreBackup'
import { DurableJsonFile, UnreadableFileError } from './durableJsonFile'
import { StorageError, messageOf } from '../kernel/errors'
import { JOURNAL_FILE, Journal, readJournal } from './journal'
import { archiveV1Files, hasV1Files, readV1Records } from './layoutV1'
import { listLibraryFiles } from './libraryFiles'
import { LIBRARY_FILE, SCHEMA_VERSION, libraryMetaParser } from './libraryMeta'
import type { LibraryMeta } from './libraryMeta'
import { moveAside } from './moveAside'
import { RECORD_KINDS, SHARD_COUNTS } from './recordKinds'
import type { ChangeSet, RecordKind, RecordTypes } from './recordKinds'
import { ShardedMap } from './shardedMap'
import { loadShards, readOrRecover, shardFile } from './shardFiles'
import type { ShardFile } from './shardFiles'

export { JOURNAL_FILE }
/** Quiet time after the last commit before shard files are brought up to date. */
export const CHECKPOINT_DELAY_MS = 1000
/** A journal this large is checkpointed at once, keeping replay on open short. */
export const CHECKPOINT_JOURNAL_BYTES = 8 * 1024 * 1024

export interface StoreOptions {
  now?: () => Date
  /** Overrides CHECKPOINT_DELAY_MS (tests use 0 or a very long delay). */
  checkpointDelayMs?: number
}

type Records = { [K in RecordKind]: ShardedMap<RecordTypes[K]> }

export class LibraryStore {
  private queue: Promise<void> = Promise.resolve()
  private checkpointTimer: ReturnType<typeof setTimeout> | undefined
  private settingsDirty = false
  private closed = false
  /** The revision library.json on disk names (see `revision`). */
  private writtenRevision: string | undefined

  private constructor(
    readonly dir: string,
    private readonly meta: LibraryMeta,
    private readonly records: Records,
    private readonly journal: Journal,
    /** Files that could not be read during this open and were moved aside. */
    readonly problems: StoreProblem[],
    private readonly now: () => Date,
    private readonly checkpointDelayMs: number,
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

    const journalPath = join(folder, JOURNAL_FILE)
    const contents = await readJournal(journalPath)
    for (const changes of contents.entries) applyToMemory(records, changes, meta)
    if (contents.damage !== undefined) {
      // Keep every entry before the damage (replayed above), set the rest aside.
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

    // The content is the one library.json names only when it was read just as
    // written: no journal replayed, nothing moved or set aside, no migration.
    const readAsWritten =
      metaRead !== null &&
      !migratingFromV1 &&
      contents.entries.length === 0 &&
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
    )
    // A new library, a migration or a replayed journal is written out now, so
    // the folder is in the current layout before anything else happens.
    store.writtenRevision = metaRead?.revision
    if (metaRead === null || migratingFromV1 || contents.entries.length > 0 || contents.damage) {
      store.settingsDirty = true
      await store.runExclusive(() => store.checkpoint())
      // library.json now says version 2: the migration is committed.
      if (migratingFromV1) await archiveV1Files(folder)
    }
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
    return this.runExclusive(async () => {
      await this.journal.append(changes)
      applyToMemory(this.records, changes, this.meta)
      this.meta.revision = randomUUID()
      if (changes.settings !== undefined) this.settingsDirty = true
      this.scheduleCheckpoint()
    })
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
    const delay = this.journal.size >= CHECKPOINT_JOURNAL_BYTES ? 0 : this.checkpointDelayMs
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
    for (const kind of RECORD_KINDS) {
      const map = this.records[kind] as ShardedMap<{ id: string }>
      for (const index of map.dirtyShards()) {
        const shard = map.shards[index]
        if (shard === undefined) continue
        const low = new Low<ShardFile<{ id: string }>>(shardFile(this.dir, kind, index), {
          records: [...shard.values()],
        })
        await low.write()
        map.markClean(index)
      }
    }
    // After the shards: library.json must never name content they do not hold yet.
    if (this.settingsDirty || this.meta.revision !== this.writtenRevision) {
      const metaPath = join(this.dir, LIBRARY_FILE)
      const written = { ...this.meta }
      await new DurableJsonFile(metaPath, libraryMetaParser(metaPath)).write(written)
      this.settingsDirty = false
      this.writtenRevision = written.revision
    }
    if (this.journal.size > 0) await this.journal.reset()
  }
}

/** What the rest of the core may do with one kind's records: read. */
export interface ReadonlyRecords<K extends RecordKind> {
  readonly size: number
  get(id: string): RecordTypes[K] | undefined
  has(id: string): boolean
  values(): IterableIterator<RecordTypes[K]>
}

/** Read access to every kind of record (the store itself is one). */
export type LibraryRecords = { readonly [K in RecordKind]: ReadonlyRecords<K> }

function emptyRecords(): Records {
  return {
    papers: new ShardedMap(SHARD_COUNTS.papers),
    notes: new ShardedMap(SHARD_COUNTS.notes),
    collections: new ShardedMap(SHARD_COUNTS.collections),
    relations: new ShardedMap(SHARD_COUNTS.relations),
    attachments: new ShardedMap(SHARD_COUNTS.attachments),
    highlights: new ShardedMap(SHARD_COUNTS.highlights),
  }
}

function applyToMemory(records: Records, changes: ChangeSet, meta: LibraryMeta): void {
  for (const kind of RECORD_KINDS) {
    const change = changes[kind]
    if (change === undefined) continue
    const map = records[kind] as ShardedMap<{ id: string }>
    for (const id of change.remove ?? []) map.delete(id)
    for (const record of (change.put ?? []) as readonly { id: string }[]) map.set(record)
  }
  if (changes.settings !== undefined) meta.settings = { ...changes.settings }
}

/** Refuses a library.json of a newer schema before anything in the folder is touched. */
async function checkVersion(metaFile: DurableJsonFile<unknown>): Promise<void> {
  try {
    await metaFile.read()
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error
  }
}
