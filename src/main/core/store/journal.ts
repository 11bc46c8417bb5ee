// The write-ahead journal: every change set is appended here, and flushed to
// disk, before it is acknowledged. Appending costs O(size of the change), not
// O(size of the library); shard files catch up later in a checkpoint, after
// which the journal is emptied. On open, the journal is replayed over the
// shards, so a crash at any point loses nothing that was acknowledged.
//
// Format: one JSON object per line, `{"v":2,"d":DEVICE,"changes":{...},"revs":
// {...},"tombs":{...}}\n`: the change set and the revisions (recordRevisions.ts)
// it gave its records, so another device can merge it. Version 1 lines (no
// revisions, written before per-device journals) are still read. A crash in the
// middle of an append leaves a last line without its newline: that change was
// never acknowledged, so it is dropped.
//
// Each device writes its own journal (journals/DEVICE.ndjson) and only reads
// the others'; a synced folder then never has two devices writing one file.
import { open, readFile } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { StorageError, messageOf } from '../kernel/errors'
import { jsonPieces } from './jsonPieces'
import type { ChangeSet } from './recordKinds'
import type { RecordRevision } from './recordRevisions'

/** The journal of Offprint before per-device journals: read on open, then emptied. */
export const JOURNAL_FILE = 'journal.ndjson'
/**
 * Bytes of a journal line serialized before they are written out; each chunk
 * is written while the next is serialized.
 */
export const JOURNAL_CHUNK_BYTES = 1 << 20
/** The folder of the devices' journals. */
export const JOURNALS_FOLDER = 'journals'
export const JOURNAL_FORMAT = 2

const NEWLINE = Buffer.from('\n')

/** The pieces that are left once `written` bytes of them are written. */
function after(pieces: readonly Buffer[], written: number): Buffer[] {
  let skip = written
  let first = 0
  while (first < pieces.length && skip >= (pieces[first]?.length ?? 0)) {
    skip -= pieces[first]?.length ?? 0
    first++
  }
  const left = pieces.slice(first)
  const head = left[0]
  if (head !== undefined && skip > 0) left[0] = head.subarray(skip)
  return left
}

/** The journal `device` writes, relative to the library folder. */
export function journalFileOf(device: string): string {
  return `${JOURNALS_FOLDER}/${device}.ndjson`
}

/** One acknowledged change, as a journal line holds it. */
export interface JournalEntry {
  changes: ChangeSet
  /** The device that made it (absent in version 1 lines). */
  device?: string
  /** Per kind, per put record: its revision after the change. */
  revs?: Record<string, Record<string, RecordRevision>>
  /** Per kind, per removed id: the tombstone's stamp. */
  tombs?: Record<string, Record<string, string>>
  /** Per settings key the change wrote: its stamp. */
  settingsStamps?: Record<string, string>
}

export interface JournalContents {
  entries: JournalEntry[]
  /** Byte length of the complete, valid entries; anything after it is cut off on open. */
  validLength: number
  /** Why reading stopped early (a damaged line in the middle), if it did. */
  damage?: string
}

/** Parses journal bytes, keeping every complete entry before the first damaged one. */
export function parseJournal(bytes: Buffer): JournalContents {
  const entries: JournalEntry[] = []
  let start = 0
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start)
    if (end === -1) break // a torn last append: never acknowledged
    const line = bytes.subarray(start, end).toString('utf8')
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      return {
        entries,
        validLength: start,
        damage: `line ${entries.length + 1}: ${messageOf(error)}`,
      }
    }
    if (!isEntry(value)) {
      return {
        entries,
        validLength: start,
        damage: `line ${entries.length + 1}: not a journal entry`,
      }
    }
    entries.push(entryOf(value))
    start = end + 1
  }
  return { entries, validLength: start }
}

interface JournalLine {
  v: number
  d?: unknown
  changes: ChangeSet
  revs?: unknown
  tombs?: unknown
  sets?: unknown
}

function entryOf(line: JournalLine): JournalEntry {
  const entry: JournalEntry = { changes: line.changes }
  if (typeof line.d === 'string') entry.device = line.d
  if (isObject(line.revs)) entry.revs = line.revs as JournalEntry['revs']
  if (isObject(line.tombs)) entry.tombs = line.tombs as JournalEntry['tombs']
  if (isObject(line.sets)) entry.settingsStamps = line.sets as JournalEntry['settingsStamps']
  return entry
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The object a journal line is the JSON of. */
function lineOf(entry: JournalEntry): JournalLine {
  return {
    v: JOURNAL_FORMAT,
    d: entry.device,
    changes: entry.changes,
    revs: entry.revs,
    tombs: entry.tombs,
    sets: entry.settingsStamps,
  }
}

/** The line a journal holds for `entry`. */
export function journalLine(entry: JournalEntry): string {
  return `${JSON.stringify(lineOf(entry))}\n`
}

function isEntry(value: unknown): value is JournalLine {
  const version = (value as { v?: unknown } | null)?.v
  return (
    typeof value === 'object' &&
    value !== null &&
    (version === 1 || version === JOURNAL_FORMAT) &&
    typeof (value as { changes?: unknown }).changes === 'object' &&
    (value as { changes?: unknown }).changes !== null
  )
}

export async function readJournal(path: string): Promise<JournalContents> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return { entries: [], validLength: 0 }
    throw new StorageError(`Could not read ${path}: ${messageOf(error)}`, { cause: error })
  }
  return parseJournal(bytes)
}

export class Journal {
  private broken: string | undefined

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private length: number,
  ) {}

  /** Opens the journal for appending, cutting it to `validLength` (dropping a torn tail). */
  static async open(path: string, validLength: number): Promise<Journal> {
    let handle: FileHandle
    try {
      handle = await open(path, 'a')
      const { size } = await handle.stat()
      if (size !== validLength) {
        await handle.truncate(validLength)
        await handle.sync()
      }
    } catch (error) {
      throw new StorageError(`Could not open ${path}: ${messageOf(error)}`, { cause: error })
    }
    return new Journal(path, handle, validLength)
  }

  /** Bytes of entries not yet checkpointed into the shards. */
  get size(): number {
    return this.length
  }

  /**
   * Appends one entry; resolves once it is on disk. The line (journalLine's
   * text, to the byte) is written in chunks of about JOURNAL_CHUNK_BYTES as it
   * is serialized, each while the next is made, so a large change set (an
   * import) is never held as one string and one Buffer besides.
   */
  async append(entry: JournalEntry): Promise<void> {
    if (this.broken !== undefined) throw new StorageError(this.broken)
    let written = 0
    // The chunk on its way to disk while the next is serialized: one at a
    // time, so they land in order.
    let writing = Promise.resolve(0)
    const send = async (chunk: readonly Buffer[]): Promise<void> => {
      written += await writing
      writing = this.write(chunk)
      // Awaited before the next chunk goes (or below); not an unhandled rejection meanwhile.
      writing.catch(() => undefined)
    }
    try {
      // Each piece encoded on its own: joining the pieces into one string
      // first would copy it again to flatten it before encoding.
      let chunk: Buffer[] = []
      let bytes = 0
      // Depth -1: the line's own object, so the change set's lists are split as before.
      for (const piece of jsonPieces(lineOf(entry), -1)) {
        chunk.push(piece)
        bytes += piece.length
        if (bytes >= JOURNAL_CHUNK_BYTES) {
          await send(chunk)
          chunk = []
          bytes = 0
        }
      }
      chunk.push(NEWLINE)
      await send(chunk)
      written += await writing
      await this.handle.datasync()
      this.length += written
    } catch (error) {
      // A partial line must not stay in front of the next append, or that
      // (acknowledged) entry would be unreadable. Cut back to the last good end,
      // once no write of it is still on its way.
      await writing.catch(() => undefined)
      try {
        await this.handle.truncate(this.length)
      } catch (truncateError) {
        this.broken =
          `The journal ${this.path} could not be repaired after a failed write ` +
          `(${messageOf(truncateError)}); restart Offprint to recover`
      }
      throw new StorageError(`Could not save to ${this.path}: ${messageOf(error)}`, {
        cause: error,
      })
    }
  }

  /**
   * Appends the pieces as they are, gathered by the system (no copy of them
   * joined); returns their length in bytes. A short write (a nearly full
   * disk, a file size limit, more pieces than one call takes) goes on with
   * what is left until all is written or a write fails.
   */
  private async write(pieces: readonly Buffer[]): Promise<number> {
    let left = pieces.filter((piece) => piece.length > 0)
    let total = 0
    for (const piece of left) total += piece.length
    while (left.length > 0) {
      const { bytesWritten } = await this.handle.writev(left)
      if (bytesWritten === 0) throw new Error('the disk took no bytes')
      left = after(left, bytesWritten)
    }
    return total
  }

  /** Empties the journal once every entry is safely in the shard files. */
  async reset(): Promise<void> {
    await this.handle.truncate(0)
    await this.handle.sync()
    this.length = 0
  }

  async close(): Promise<void> {
    await this.handle.close()
  }
}
