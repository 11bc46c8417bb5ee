// Reading a library folder in the 0.1 layout (schema version 1) so it can be
// migrated: library.json + papers.json { papers } + notes.json { notes }.
// The records are checked in full here; migration happens once per library.
import { access, mkdir, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { Note, Paper, PaperLinkKind, ReadingStatus, StoreProblem } from '../../../shared/model'
import { DurableJsonFile, UnreadableFileError } from './durableJsonFile'
import type { JsonDocumentParser } from './durableJsonFile'
import { StorageError, messageOf } from '../kernel/errors'
import { summarizeIssues } from '../kernel/issueSummary'
import { moveAside } from './moveAside'

export const V1_PAPERS_FILE = 'papers.json'
export const V1_NOTES_FILE = 'notes.json'
/** Where the 0.1 files are kept after a migration: moved, never deleted. */
export const V1_ARCHIVE_FOLDER = 'migrated-from-v1'

export interface PapersFile {
  papers: Paper[]
}

export interface NotesFile {
  notes: Note[]
}

// Records keep fields this build does not know (looseObject) so that reading and
// re-saving a file never drops them.
// Record<Union, true> makes adding a member to the union without updating the
// schema a compile error.
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
  links: z.array(z.looseObject({ label: z.string(), url: z.string(), kind: enumOf(LINK_KINDS) })),
  upvotes: z.number(),
  tags: z.array(z.string()),
  status: enumOf(STATUSES),
  starred: z.boolean(),
  addedAt: z.string(),
  updatedAt: z.string(),
  trashedAt: z.string().optional(),
  source: z.looseObject({
    // 0.1 imported Daily Papers listings only.
    format: z.literal('hf-daily-papers'),
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

const papersFileSchema = z.looseObject({ papers: z.array(paperSchema) })
const notesFileSchema = z.looseObject({ notes: z.array(noteSchema) })

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

/**
 * The papers and notes of a 0.1 folder. An unreadable file is moved aside and
 * reported, and that part starts empty, exactly as the 0.1 store did.
 */
export async function readV1Records(
  dir: string,
  now: () => Date,
  problems: StoreProblem[],
): Promise<{ papers: Paper[]; notes: Note[] }> {
  const papers = await readOrMoveAside(join(dir, V1_PAPERS_FILE), parsePapersFile, now, problems)
  const notes = await readOrMoveAside(join(dir, V1_NOTES_FILE), parseNotesFile, now, problems)
  return { papers: papers?.papers ?? [], notes: notes?.notes ?? [] }
}

/** True when the folder holds 0.1 data files (even if its library.json was lost). */
export async function hasV1Files(dir: string): Promise<boolean> {
  for (const name of [V1_PAPERS_FILE, V1_NOTES_FILE]) {
    try {
      await access(join(dir, name))
      return true
    } catch {
      // not there
    }
  }
  return false
}

/** After the new layout is committed, the 0.1 files move into an archive folder. */
export async function archiveV1Files(dir: string): Promise<void> {
  const archive = join(dir, V1_ARCHIVE_FOLDER)
  for (const name of [V1_PAPERS_FILE, V1_NOTES_FILE]) {
    try {
      await mkdir(archive, { recursive: true })
      await rename(join(dir, name), join(archive, name))
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') continue
      throw new StorageError(`Could not archive ${name} after migrating: ${messageOf(error)}`, {
        cause: error,
      })
    }
  }
}

async function readOrMoveAside<T>(
  path: string,
  parse: JsonDocumentParser<T>,
  now: () => Date,
  problems: StoreProblem[],
): Promise<T | null> {
  try {
    return await new DurableJsonFile(path, parse).read()
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error
    const movedTo = await moveAside(path, now())
    problems.push({ kind: 'unreadable-file', file: path, movedTo, reason: error.reason })
    return null
  }
}
