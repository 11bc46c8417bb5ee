// Reads into a merge (mergeBatch.ts) what other devices left in the library
// folder: their journals, shard files and library.json they rewrote, and the
// conflict copies sync tools made. Never writes another device's file; a file
// it cannot read (half-written, evicted by a cloud client, a placeholder) is
// left where it is and read again when it changes, never taken as "empty".
import { mkdir, readFile, rename } from 'node:fs/promises'
import { basename, dirname, join, relative, sep } from 'node:path'
import { syncFolder } from './durableJsonFile'
import { gitConflictSides, MERGED_CONFLICTS_FOLDER } from './conflictCopies'
import type { ConflictCopy } from './conflictCopies'
import { listConflictCopies, listJournals } from './folderScan'
import type { FileSignatures } from './folderScan'
import { journalFileOf, parseJournal } from './journal'
import { LIBRARY_FILE, libraryMetaParser } from './libraryMeta'
import type { LibraryMeta } from './libraryMeta'
import type { MergeBatch } from './mergeBatch'
import { fileTimestamp } from './moveAside'
import { RECORD_KINDS, SHARD_COUNTS } from './recordKinds'
import type { RecordKind } from './recordKinds'
import { parseShard } from './shardFiles'
import type { ShardFile } from './shardFiles'
import { shardFileName } from './shardRouting'

/** The kind a shard path ("papers/03.json") belongs to. */
function kindOf(relativePath: string): RecordKind | undefined {
  const kind = relativePath.split('/')[0] ?? ''
  return (RECORD_KINDS as readonly string[]).includes(kind) ? (kind as RecordKind) : undefined
}

/** A file's JSON, or both sides of a file git left with conflict markers; [] when unreadable. */
async function readJsonSides<T>(path: string, parse: (value: unknown) => T): Promise<T[]> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return []
  }
  const attempt = (source: string): T | undefined => {
    try {
      return parse(JSON.parse(source))
    } catch {
      return undefined
    }
  }
  const whole = attempt(text)
  if (whole !== undefined) return [whole]
  const sides = gitConflictSides(text)
  if (sides === undefined) return []
  return sides.map(attempt).filter((side): side is T => side !== undefined)
}

export class FolderMerger {
  constructor(
    private readonly dir: string,
    private readonly device: string,
    private readonly signatures: FileSignatures,
  ) {}

  /** Merges every journal but this device's own that changed since last read. */
  async mergeJournals(batch: MergeBatch, all = false): Promise<void> {
    const own = journalFileOf(this.device)
    for (const path of await listJournals(this.dir)) {
      if (path === own) continue
      batch.devices.add(basename(path, '.ndjson'))
      if (!all && !(await this.signatures.changed(path))) continue
      await this.signatures.remember(path)
      let bytes: Buffer
      try {
        bytes = await readFile(join(this.dir, path))
      } catch {
        continue
      }
      // Entries up to any damage; the rest is read again once the file changes.
      for (const entry of parseJournal(bytes).entries) batch.mergeEntry(entry)
    }
  }

  /** Merges a shard file or library.json another device rewrote (when it changed). */
  async mergeFileIfChanged(batch: MergeBatch, relativePath: string): Promise<boolean> {
    if (!(await this.signatures.changed(relativePath))) return false
    // A file being written (or evicted) is read again once it changes.
    if (!(await this.mergeFile(batch, relativePath))) return false
    await this.signatures.remember(relativePath)
    return true
  }

  /** Merges every shard file and library.json that changed since this device saw them. */
  async mergeChangedFiles(batch: MergeBatch): Promise<void> {
    await this.mergeFileIfChanged(batch, LIBRARY_FILE)
    for (const kind of RECORD_KINDS) {
      for (let index = 0; index < SHARD_COUNTS[kind]; index++) {
        await this.mergeFileIfChanged(batch, shardFileName(kind, index))
      }
    }
  }

  /** Merges the conflict copies in the folder; returns those merged (to be moved once saved). */
  async mergeConflictCopies(batch: MergeBatch): Promise<ConflictCopy[]> {
    const merged: ConflictCopy[] = []
    for (const copy of await listConflictCopies(this.dir)) {
      if (copy.original.startsWith('journals/')) {
        const bytes = await readFile(join(this.dir, copy.path)).catch(() => undefined)
        if (bytes === undefined) continue
        for (const entry of parseJournal(bytes).entries) batch.mergeEntry(entry)
        merged.push(copy)
      } else if (await this.mergeFile(batch, copy.path, copy.original)) {
        merged.push(copy)
      }
    }
    return merged
  }

  /** Merges a library file set aside as unreadable, when it is one git left with markers. */
  async mergeSetAside(batch: MergeBatch, movedTo: string, original: string): Promise<void> {
    const text = await readFile(movedTo, 'utf8').catch(() => '')
    if (gitConflictSides(text) === undefined) return
    await this.mergeFile(batch, relative(this.dir, movedTo), original.split(sep).join('/'))
  }

  /** Merges one JSON library file (or a copy of `original`); false when it could not be read. */
  private async mergeFile(
    batch: MergeBatch,
    relativePath: string,
    original = relativePath,
  ): Promise<boolean> {
    const path = join(this.dir, relativePath)
    if (original === LIBRARY_FILE) {
      const sides = await readJsonSides<LibraryMeta>(path, libraryMetaParser(path))
      for (const meta of sides) batch.mergeSettings(meta.settings, meta.settingsStamps ?? {})
      return sides.length > 0
    }
    const kind = kindOf(original)
    if (kind === undefined) return false
    const sides = await readJsonSides<ShardFile<unknown>>(path, parseShard)
    for (const side of sides) batch.mergeShardFile(kind, side)
    return sides.length > 0
  }

  /** Moves merged copies to merged-conflicts/ (keeping their folder), never deleting one. */
  async moveMerged(copies: readonly ConflictCopy[], at: Date): Promise<string[]> {
    const moved: string[] = []
    for (const copy of copies) {
      const target = join(
        this.dir,
        MERGED_CONFLICTS_FOLDER,
        fileTimestamp(at),
        dirname(copy.path),
        basename(copy.path),
      )
      try {
        await mkdir(dirname(target), { recursive: true })
        await rename(join(this.dir, copy.path), target)
        await syncFolder(dirname(target))
        moved.push(copy.path)
      } catch {
        // Left where it is: merged again next time, which changes nothing.
      }
    }
    return moved
  }
}
