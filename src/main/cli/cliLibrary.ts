// What every CLI command shares: its parsed command line, the two kinds of
// failure (and their exit codes), finding and opening the library, and
// calling the API through the same validating dispatcher as the app.
import { stat } from 'node:fs/promises'
import type { ApiArgs, ApiMethod, ApiResults } from '../../shared/api'
import type { ExportFormat, PaperSort } from '../../shared/model'
import { callApi } from '../core/kernel/dispatch'
import { Library } from '../core/library'
import { LIBRARY_ENV, findLibraryDir } from '../core/store/libraryLocation'

export interface CliIo {
  /** Writes one line (or a block of lines) to standard output; the newline is added. */
  out(s: string): void
  /** Writes one line to standard error; the newline is added. */
  err(s: string): void
  env: NodeJS.ProcessEnv
}

/** The command line is wrong: exit code 2, as is customary. */
export class UsageError extends Error {}

/** The command failed on its input or the library: exit code 1. */
export class CommandError extends Error {}

export interface CommandLine {
  command?: string
  operands: string[]
  json: boolean
  sort: PaperSort
  help: boolean
  /** tag: --add T (repeatable) */
  addTags: string[]
  /** tag: --remove T (repeatable) */
  removeTags: string[]
  /** export: --format F */
  format?: ExportFormat
  /** export: --collection NAME */
  collection?: string
  /** export: false with --no-subcollections */
  subcollections: boolean
  /** export: --out PATH */
  out?: string
  /** related: --limit N */
  limit?: number
}

export function libraryDirOf(argv: string[], io: CliIo): string {
  const dir = findLibraryDir({ argv, env: io.env })
  if (dir === undefined) {
    throw new UsageError(`no library folder: pass --library DIR or set ${LIBRARY_ENV}`)
  }
  return dir
}

/** Opens the library, warning about any file that had to be moved aside. */
export async function withLibrary(
  dir: string,
  io: CliIo,
  run: (library: Library) => Promise<number>,
): Promise<number> {
  const library = await Library.open(dir)
  try {
    for (const problem of (await library.getLibraryInfo()).problems) {
      io.err(
        `offprint: warning: ${problem.file} could not be read (${oneLine(problem.reason)}); ` +
          `it was moved to ${problem.movedTo}`,
      )
    }
    return await run(library)
  } finally {
    await library.close()
  }
}

/** Like withLibrary, but never creates a library by accident (a typo in DIR). */
export async function withExistingLibrary(
  argv: string[],
  io: CliIo,
  run: (library: Library) => Promise<number>,
): Promise<number> {
  const dir = libraryDirOf(argv, io)
  if (!(await isFolder(dir))) throw new CommandError(`no library folder at ${dir}`)
  return withLibrary(dir, io, run)
}

/** Calls an API method through the dispatcher; its error becomes the command's error. */
export async function call<M extends ApiMethod>(
  library: Library,
  method: M,
  args: ApiArgs<M>,
): Promise<ApiResults[M]> {
  const response = await callApi(library, method, args)
  if (!response.ok) throw new CommandError(response.error.message)
  return response.value
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ')
}
