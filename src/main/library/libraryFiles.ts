// The on-disk layout of a library folder, and how it is opened:
//
//   library.json  { schemaVersion, createdAt, settings }  read first: it says
//                 whether this Offprint may touch the folder at all
//   papers.json   { papers: Paper[] }
//   notes.json    { notes: Note[] }
//   collections.json  { collections: Collection[] }
//
// Every file is checked against the model when read. A file that fails is moved
// aside (papers.json -> papers.json.unreadable-2026-11-26T03-10-00Z) and that part
// of the library starts empty, so the next save can never overwrite what the user
// may still need; the move is reported as a StoreProblem.
import { access, mkdir, rename } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import type {
  Collection,
  ImportFormat,
  Note,
  Paper,
  PaperLinkKind,
  PaperType,
  ReadingStatus,
  StoreProblem,
} from '../../shared/model'
import { DurableJsonFile, UnreadableFileError } from './durableJsonFile'
import type { JsonDocumentParser } from './durableJsonFile'
import { LibraryVersionError, StorageError, messageOf } from './errors'
import { summarizeIssues } from './issueSummary'

/** The layout version this build reads and writes. Bump it with a migration. */
export const SCHEMA_VERSION = 1

export const LIBRARY_FILE = 'library.json'
export const PAPERS_FILE = 'papers.json'
export const NOTES_FILE = 'notes.json'
export const COLLECTIONS_FILE = 'collections.json'

export interface LibraryFile {
  schemaVersion: number
  createdAt: string
  settings: Record<string, unknown>
}

export interface PapersFile {
  papers: Paper[]
}

export interface NotesFile {
  notes: Note[]
}

export interface CollectionsFile {
  collections: Collection[]
}

/** The three documents of an open library, loaded in memory. */
export interface LibraryFiles {
  dir: string
  library: Low<LibraryFile>
  papers: Low<PapersFile>
  notes: Low<NotesFile>
  collections: Low<CollectionsFile>
  /** Files that could not be read during this open and were moved aside. */
  problems: StoreProblem[]
}

// Records keep fields this build does not know (looseObject) so that reading and
// re-saving a file never drops them.
// Record<Union, true> makes adding a member to the union without updating the
// schema a compile error.
const IMPORT_FORMATS: Record<ImportFormat, true> = {
  'hf-daily-papers': true,
  bibtex: true,
  ris: true,
  'csl-json': true,
  'arxiv-atom': true,
  identifiers: true,
}
const PAPER_TYPES: Record<PaperType, true> = {
  'article-journal': true,
  'paper-conference': true,
  chapter: true,
  book: true,
  thesis: true,
  report: true,
  preprint: true,
  webpage: true,
  other: true,
}
const LINK_KINDS: Record<PaperLinkKind, true> = {
  code: true,
  project: true,
  pdf: true,
  other: true,
}
const STATUSES: Record<ReadingStatus, true> = { unread: true, reading: true, read: true }

function enumOf<T extends string>(members: Record<T, true>) {
  return z.enum(Object.keys(members) as [T, ...T[]])
}

const paperSchema = z.looseObject({
  id: z.string().min(1),
  title: z.string(),
  abstract: z.string(),
  authors: z.array(z.string()),
  authorCount: z.number().int().min(0).optional(),
  organization: z.string().optional(),
  published: z.string().optional(),
  venue: z.string().optional(),
  doi: z.string().optional(),
  arxivId: z.string().optional(),
  type: enumOf(PAPER_TYPES).optional(),
  volume: z.string().optional(),
  issue: z.string().optional(),
  pages: z.string().optional(),
  publisher: z.string().optional(),
  citationKey: z.string().optional(),
  links: z.array(z.looseObject({ label: z.string(), url: z.string(), kind: enumOf(LINK_KINDS) })),
  upvotes: z.number(),
  tags: z.array(z.string()),
  status: enumOf(STATUSES),
  starred: z.boolean(),
  addedAt: z.string(),
  updatedAt: z.string(),
  trashedAt: z.string().optional(),
  source: z.looseObject({
    format: enumOf(IMPORT_FORMATS),
    fileName: z.string().optional(),
    importedAt: z.string(),
  }),
})

const noteSchema = z.looseObject({
  id: z.string().min(1),
  paperId: z.string().min(1).optional(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
})

const collectionSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  parentId: z.string().min(1).optional(),
  position: z.number(),
  paperIds: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  trashedAt: z.string().optional(),
})

const papersFileSchema = z.looseObject({ papers: z.array(paperSchema) })
const notesFileSchema = z.looseObject({ notes: z.array(noteSchema) })
const collectionsFileSchema = z.looseObject({ collections: z.array(collectionSchema) })
const libraryFileSchema = z.looseObject({
  schemaVersion: z.number().int().min(1),
  createdAt: z.string(),
  settings: z.record(z.string(), z.unknown()),
})

function parserFor<T>(schema: z.ZodType<T>): JsonDocumentParser<T> {
  return (value) => {
    const result = schema.safeParse(value)
    if (!result.success) {
      throw new Error(`unexpected content (${summarizeIssues(result.error.issues)})`)
    }
    return result.data
  }
}

export const parsePapersFile: JsonDocumentParser<PapersFile> = parserFor(papersFileSchema)
export const parseNotesFile: JsonDocumentParser<NotesFile> = parserFor(notesFileSchema)
export const parseCollectionsFile: JsonDocumentParser<CollectionsFile> =
  parserFor(collectionsFileSchema)

/**
 * Reads library.json, refusing a layout newer than this build before looking at
 * anything else: a newer Offprint may store data we would drop on the next save.
 */
export function libraryFileParser(path: string): JsonDocumentParser<LibraryFile> {
  const parseShape = parserFor(libraryFileSchema)
  return (value) => {
    if (typeof value === 'object' && value !== null && 'schemaVersion' in value) {
      const version = value.schemaVersion
      if (typeof version === 'number' && version > SCHEMA_VERSION) {
        throw new LibraryVersionError(path, version, SCHEMA_VERSION)
      }
    }
    // Versions older than SCHEMA_VERSION would be migrated here; 1 is the first.
    return parseShape(value)
  }
}

/**
 * Opens (creating if needed) the library folder `dir` and loads its files.
 * Throws LibraryVersionError, leaving every file untouched, when library.json is
 * from a newer Offprint; throws StorageError when the folder cannot be used.
 */
export async function openLibraryFiles(dir: string, now: () => Date): Promise<LibraryFiles> {
  const folder = resolve(dir)
  try {
    await mkdir(folder, { recursive: true })
  } catch (error) {
    throw new StorageError(`Could not create the library folder ${folder}: ${messageOf(error)}`, {
      cause: error,
    })
  }
  const problems: StoreProblem[] = []

  const libraryPath = join(folder, LIBRARY_FILE)
  const library = new Low<LibraryFile>(
    new DurableJsonFile(libraryPath, libraryFileParser(libraryPath)),
    {
      schemaVersion: SCHEMA_VERSION,
      createdAt: now().toISOString(),
      settings: {},
    },
  )
  // First, and alone: a LibraryVersionError must escape before any file is moved or written.
  const libraryFound = await readOrMoveAside(library, libraryPath, now, problems)
  if (!libraryFound) await library.write()

  const papersPath = join(folder, PAPERS_FILE)
  const papers = new Low<PapersFile>(new DurableJsonFile(papersPath, parsePapersFile), {
    papers: [],
  })
  await readOrMoveAside(papers, papersPath, now, problems)

  const notesPath = join(folder, NOTES_FILE)
  const notes = new Low<NotesFile>(new DurableJsonFile(notesPath, parseNotesFile), { notes: [] })
  await readOrMoveAside(notes, notesPath, now, problems)

  const collectionsPath = join(folder, COLLECTIONS_FILE)
  const collections = new Low<CollectionsFile>(
    new DurableJsonFile(collectionsPath, parseCollectionsFile),
    { collections: [] },
  )
  await readOrMoveAside(collections, collectionsPath, now, problems)

  return { dir: folder, library, papers, notes, collections, problems }
}

/**
 * Loads `low` from disk. Returns false when the file does not exist, or when it
 * was unreadable and has been moved aside (then `low` keeps its empty default).
 */
async function readOrMoveAside<T>(
  low: Low<T>,
  path: string,
  now: () => Date,
  problems: StoreProblem[],
): Promise<boolean> {
  let data: T | null
  try {
    data = await low.adapter.read()
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error
    const movedTo = await moveAside(path, now())
    problems.push({ file: path, movedTo, reason: error.reason })
    return false
  }
  if (data === null) return false
  low.data = data
  return true
}

/**
 * Renames an unreadable file to `<name>.unreadable-<UTC time>`, never replacing
 * an earlier one. If the rename fails we cannot continue: starting empty would
 * overwrite the file on the next save.
 */
export async function moveAside(path: string, at: Date): Promise<string> {
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')
  const base = `${path}.unreadable-${stamp}`
  for (let attempt = 1; ; attempt++) {
    const target = attempt === 1 ? base : `${base}-${attempt}`
    if (await exists(target)) continue
    try {
      await rename(path, target)
      return target
    } catch (error) {
      throw new StorageError(
        `${path} could not be read and could not be moved aside: ${messageOf(error)}`,
        { cause: error },
      )
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}
