// The search index saved next to the library (search-index.bin), so that
// opening a large library loads it instead of reading every paper again. It
// is derived data, never a source of truth: a missing, old-format or damaged
// file is ignored (the index is built from the library). The file names the
// library revision it was saved at (LibraryStore.revision): when the library
// opens at that revision, the file is the index as it was; otherwise what the
// library changed since is caught up by fingerprint (see LibrarySearch.start).
// Not a library file, so backups leave it out.
//
// Layout: "OFFPRINT-SEARCH\n", the header's byte length (u32 LE), the header
// (JSON: format, library revision, words, paper ids, the sections' types and
// lengths), then each section's bytes, every one starting on a multiple of 4.
import type { FileHandle } from 'node:fs/promises'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { syncFolder } from '../store/durableJsonFile'
import type { FieldArrays } from './fieldPostings'
import { listRoom } from './fieldPostings'
import type { SearchIndexArrays } from './indexArrays'
import { SEARCH_FIELDS } from './searchFields'

export const SEARCH_INDEX_FILE = 'search-index.bin'

const MAGIC = Buffer.from('OFFPRINT-SEARCH\n', 'latin1')
/**
 * Raise whenever what a word is (textTokens.ts) or what the file holds
 * changes: a file of another format is rebuilt, never misread.
 */
const FORMAT = 3

type SectionType = 'i32' | 'u16' | 'u8'
type Section = Int32Array | Uint16Array | Uint8Array

interface Header {
  format: number
  revision: string | null
  words: string[]
  paperOf: (string | null)[]
  sections: { type: SectionType; length: number }[]
}

/** Sections per field, in file order. */
function fieldSections(field: FieldArrays): Section[] {
  return [
    field.listLengths,
    field.docs,
    field.counts,
    field.firsts,
    field.forward.words,
    field.forward.escapedAt,
    field.forward.escapedWord,
    field.forwardStart,
    field.docLengths,
  ]
}
const SECTIONS_PER_FIELD = 9
/** Which of a field's sections holds its words (read with room to grow after them). */
const FORWARD_WORDS_SECTION = 4
const DOCUMENT_SECTIONS = 6

function typeOf(section: Section): SectionType {
  return section instanceof Int32Array ? 'i32' : section instanceof Uint16Array ? 'u16' : 'u8'
}

function sectionsOf(arrays: SearchIndexArrays): Section[] {
  return [
    arrays.fingerprints,
    arrays.year,
    arrays.day,
    arrays.noted,
    arrays.status,
    arrays.starred,
    ...arrays.fields.flatMap(fieldSections),
  ]
}

function padded(bytes: number): number {
  return (bytes + 3) & ~3
}

/** An index as saved, and the library revision it matched then (null: unknown). */
export interface SavedSearchIndex {
  arrays: SearchIndexArrays
  revision: string | null
}

/**
 * Writes the index to `path` atomically: a temp file beside it, fsync, rename.
 * The temp file has a fixed name, so one left by a crash is overwritten by the
 * next save instead of piling up (two writers at once can only spoil it, and
 * a spoilt file is refused on reading).
 */
export async function writeSearchIndexFile(
  path: string,
  { arrays, revision }: SavedSearchIndex,
): Promise<void> {
  const sections = sectionsOf(arrays)
  const header: Header = {
    format: FORMAT,
    revision,
    words: arrays.words,
    paperOf: arrays.paperOf,
    sections: sections.map((section) => ({ type: typeOf(section), length: section.length })),
  }
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8')
  const start = Buffer.alloc(padded(MAGIC.length + 4 + headerBytes.length))
  MAGIC.copy(start)
  start.writeUInt32LE(headerBytes.length, MAGIC.length)
  headerBytes.copy(start, MAGIC.length + 4)
  const temp = join(dirname(path), `.${basename(path)}.tmp`)
  let handle: FileHandle | undefined
  try {
    handle = await open(temp, 'w')
    await handle.write(start)
    const zeros = Buffer.alloc(4)
    for (const section of sections) {
      const bytes = Buffer.from(section.buffer, section.byteOffset, section.byteLength)
      await handle.write(bytes)
      const padding = padded(bytes.length) - bytes.length
      if (padding > 0) await handle.write(zeros, 0, padding)
    }
    await handle.sync()
    await handle.close()
    handle = undefined
    await rename(temp, path)
    await syncFolder(dirname(path))
  } finally {
    await handle?.close().catch(() => undefined)
    await rm(temp, { force: true }).catch(() => undefined)
  }
}

/**
 * The index arrays saved at `path`, or undefined when there is no usable file
 * (missing, another format, cut short). SearchIndex.fromArrays checks the rest.
 */
export async function readSearchIndexFile(path: string): Promise<SavedSearchIndex | undefined> {
  let handle: FileHandle | undefined
  try {
    handle = await open(path, 'r')
    const size = (await handle.stat()).size
    const lead = Buffer.alloc(MAGIC.length + 4)
    await readExactly(handle, lead, 0)
    if (!lead.subarray(0, MAGIC.length).equals(MAGIC)) return undefined
    const headerLength = lead.readUInt32LE(MAGIC.length)
    if (MAGIC.length + 4 + headerLength > size) return undefined
    const headerBytes = Buffer.alloc(headerLength)
    await readExactly(handle, headerBytes, MAGIC.length + 4)
    const header = parseHeader(headerBytes.toString('utf8'))
    if (header === undefined) return undefined
    let position = padded(MAGIC.length + 4 + headerLength)
    let total = position
    for (const { type, length } of header.sections) total += padded(length * bytesPer(type))
    if (total !== size) return undefined
    const sections: Section[] = []
    for (const [i, { type, length }] of header.sections.entries()) {
      // Forward words get room to grow after them (see FieldPostings.fromArrays).
      const isForward =
        i >= DOCUMENT_SECTIONS &&
        (i - DOCUMENT_SECTIONS) % SECTIONS_PER_FIELD === FORWARD_WORDS_SECTION
      const section = allocate(type, isForward ? listRoom(length) + 1024 : length)
      const bytes = new Uint8Array(section.buffer, 0, length * bytesPer(type))
      await readExactly(handle, bytes, position)
      sections.push(section.subarray(0, length))
      position += padded(bytes.length)
    }
    const arrays = arraysOf(header, sections)
    return arrays === undefined ? undefined : { arrays, revision: header.revision }
  } catch {
    return undefined
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

function parseHeader(text: string): Header | undefined {
  const value: unknown = JSON.parse(text)
  if (typeof value !== 'object' || value === null) return undefined
  const header = value as Partial<Header>
  if (header.format !== FORMAT) return undefined
  if (header.revision !== null && typeof header.revision !== 'string') return undefined
  if (!Array.isArray(header.words) || !header.words.every((word) => typeof word === 'string')) {
    return undefined
  }
  if (
    !Array.isArray(header.paperOf) ||
    !header.paperOf.every((id) => id === null || typeof id === 'string')
  ) {
    return undefined
  }
  const sections = header.sections
  const expected = DOCUMENT_SECTIONS + SEARCH_FIELDS.length * SECTIONS_PER_FIELD
  if (!Array.isArray(sections) || sections.length !== expected) return undefined
  for (const section of sections) {
    if (!['i32', 'u16', 'u8'].includes(section.type)) return undefined
    if (!Number.isSafeInteger(section.length) || section.length < 0) return undefined
  }
  return header as Header
}

/** Puts the sections back in their places; the types must be the ones sectionsOf wrote. */
function arraysOf(header: Header, sections: Section[]): SearchIndexArrays | undefined {
  let next = 0
  const take = <T extends Section>(kind: new (length: number) => T): T => {
    const section = sections[next++]
    if (!(section instanceof kind)) throw new Error('damaged search index: section types')
    return section
  }
  const fingerprints = take(Int32Array)
  const year = take(Uint16Array)
  const day = take(Int32Array)
  const noted = take(Uint8Array)
  const status = take(Uint8Array)
  const starred = take(Uint8Array)
  const fields = SEARCH_FIELDS.map(() => ({
    listLengths: take(Int32Array),
    docs: take(Int32Array),
    counts: take(Uint8Array),
    firsts: take(Uint8Array),
    forward: {
      words: take(Uint16Array),
      escapedAt: take(Int32Array),
      escapedWord: take(Int32Array),
    },
    forwardStart: take(Int32Array),
    docLengths: take(Int32Array),
  }))
  return {
    words: header.words,
    paperOf: header.paperOf,
    fingerprints,
    year,
    day,
    noted,
    status,
    starred,
    fields,
  }
}

function bytesPer(type: SectionType): number {
  return type === 'i32' ? 4 : type === 'u16' ? 2 : 1
}

function allocate(type: SectionType, length: number): Section {
  return type === 'i32'
    ? new Int32Array(length)
    : type === 'u16'
      ? new Uint16Array(length)
      : new Uint8Array(length)
}

async function readExactly(handle: FileHandle, into: Uint8Array, position: number): Promise<void> {
  let done = 0
  while (done < into.length) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done)
    if (bytesRead === 0) throw new Error('the search index file ended early')
    done += bytesRead
  }
}
