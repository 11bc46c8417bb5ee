// A lowdb adapter for one JSON file that survives crashes and power loss.
//
// lowdb's own JSONFile writes through steno (temp file + rename) but never
// fsyncs, so after a power cut the rename can be on disk while the data is not.
// Here a write is: new temp file in the same folder, write, fsync it, rename it
// over the target, fsync the folder. Until the rename the old file is untouched;
// after it, the new content and the new name are both on disk.
//
// Reading never guesses: a missing file is "no data yet" (null), but a file we
// cannot decode or whose content is not what the caller expects is an
// UnreadableFileError, so the caller can move it aside instead of writing over it.
import { randomUUID } from 'node:crypto'
import { open, readFile, rename, rm, stat } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'
import { LibraryError, StorageError, messageOf } from '../kernel/errors'

/** A file exists but its bytes are not the JSON document we expect. */
export class UnreadableFileError extends StorageError {
  override readonly name: string = 'UnreadableFileError'
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path} could not be read: ${reason}`)
  }
}

/**
 * Turns parsed JSON into the document type, throwing if the shape is wrong.
 * A LibraryError thrown here (e.g. a version refusal) reaches the caller as is;
 * any other error marks the file unreadable.
 */
export type JsonDocumentParser<T> = (value: unknown) => T

// fatal: invalid UTF-8 must not be silently replaced by U+FFFD and later saved.
const utf8 = new TextDecoder('utf-8', { fatal: true })

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    /** Also used to check a backup's copy of this file before it is brought back. */
    readonly parse: JsonDocumentParser<T>,
    /** Compact output for large machine-read files; indented for small ones people may open. */
    private readonly options: { compact?: boolean } = {},
  ) {}

  async read(): Promise<T | null> {
    let bytes: Buffer
    try {
      bytes = await readFile(this.path)
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null
      // Not "unreadable content": the file may be fine and the failure passing
      // (permissions, I/O). Failing loudly leaves it where it is.
      throw new StorageError(`Could not read ${this.path}: ${messageOf(error)}`, { cause: error })
    }
    let value: unknown
    try {
      // TextDecoder drops a leading byte-order mark, which editors like to add.
      value = JSON.parse(utf8.decode(bytes))
    } catch (error) {
      const reason = error instanceof TypeError ? 'it is not UTF-8 text' : messageOf(error)
      throw new UnreadableFileError(this.path, reason)
    }
    try {
      return this.parse(value)
    } catch (error) {
      if (error instanceof LibraryError) throw error
      throw new UnreadableFileError(this.path, messageOf(error))
    }
  }

  async write(data: T): Promise<void> {
    // Serializing first: a value that cannot be stringified is a bug, not a disk problem.
    const text = `${this.options.compact === true ? JSON.stringify(data) : JSON.stringify(data, null, 2)}\n`
    await writeTextDurably(this.path, text)
  }
}

/**
 * Writes `text` (or bytes) to `path` so that a crash leaves the old file or the
 * new one, never half of one: temp file in the same folder, fsync, rename,
 * fsync(folder). Throws StorageError.
 */
export async function writeTextDurably(path: string, text: string | Uint8Array): Promise<void> {
  const folder = dirname(path)
  const temp = join(folder, `.${basename(path)}.${randomUUID()}.tmp`)
  let handle: FileHandle | undefined
  try {
    // Keep the permissions the user gave the file (e.g. 0600), if it exists.
    const mode = await existingMode(path)
    handle = await open(temp, 'wx', mode)
    await handle.writeFile(text, typeof text === 'string' ? 'utf8' : {})
    await handle.sync()
    await handle.close()
    handle = undefined
    await rename(temp, path)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await rm(temp, { force: true }).catch(() => undefined)
    throw new StorageError(`Could not save ${path}: ${messageOf(error)}`, { cause: error })
  }
  try {
    await syncFolder(folder)
  } catch (error) {
    // The rename happened but may not survive a power cut; the caller must
    // not acknowledge the write.
    throw new StorageError(`Could not save ${path}: ${messageOf(error)}`, { cause: error })
  }
}

async function existingMode(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o777
  } catch {
    return undefined
  }
}

/** Makes a rename in `folder` durable. */
export async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle
  try {
    handle = await open(folder, 'r')
  } catch (error) {
    // Windows cannot open a folder as a file; NTFS makes renames durable itself.
    if (process.platform === 'win32') return
    throw error
  }
  try {
    await handle.sync()
  } catch (error) {
    // Some file systems do not support fsync on a folder; nothing more can be done.
    const code = errnoCode(error)
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EISDIR' && code !== 'EPERM') {
      throw error
    }
  } finally {
    await handle.close()
  }
}

/** Flushes a file's content to disk (after a copy, before anything depends on it). */
export async function syncFile(path: string): Promise<void> {
  // Writable: Windows flushes only handles opened for writing.
  const handle = await open(path, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code
    return typeof code === 'string' ? code : undefined
  }
  return undefined
}
