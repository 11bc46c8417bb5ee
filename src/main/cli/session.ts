// A command's time with the library: finding its folder, opening it (with a
// warning for each file that had to be moved aside), and calling the API
// through the same validating dispatcher as the window. The one place the
// CLI touches the Library object itself.
import { stat } from 'node:fs/promises'
import type { ApiArgs, ApiMethod, ApiResponse, ApiResults } from '../../shared/api'
import { callApi } from '../core/kernel/dispatch'
import { Library } from '../core/library'
import { LIBRARY_ENV, absoluteLibraryDir, libraryDirFromEnv } from '../core/store/libraryPath'
import type { CommandLine } from './commandLine'
import { CommandError, UsageError } from './errors'
import type { CliIo } from './io'
import { oneLine } from './io'

/** The library API as a command calls it. */
export class Session {
  constructor(private readonly library: Library) {}

  /** The dispatcher's envelope, for a command that handles an error itself. */
  request<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResponse<ApiResults[M]>> {
    return callApi(this.library.api, method, args)
  }

  /** Resolves once the attached PDFs' text is extracted and searchable (search waits for it). */
  pdfTextReady(): Promise<void> {
    return this.library.pdfTextIdle()
  }

  /** The method's result; its error becomes the command's error (exit code 1). */
  async call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResults[M]> {
    const response = await this.request(method, args)
    if (!response.ok) throw new CommandError(response.error.message)
    return response.value
  }
}

/** --library DIR, else OFFPRINT_LIBRARY, as an absolute path. */
export function libraryDirOf(line: CommandLine, io: CliIo): string {
  if (line.libraryProblem !== undefined) throw new UsageError(line.libraryProblem)
  const dir =
    line.library === undefined ? libraryDirFromEnv(io.env) : absoluteLibraryDir(line.library)
  if (dir === undefined) {
    throw new UsageError(`no library folder: pass --library DIR or set ${LIBRARY_ENV}`)
  }
  return dir
}

/** Opens (or creates) the library in `dir` for `run`, and closes it after. */
export async function withLibrary(
  dir: string,
  io: CliIo,
  run: (session: Session) => Promise<number>,
): Promise<number> {
  // The environment may point the online services elsewhere (OFFPRINT_HF_API…).
  const library = await Library.open(dir, { environment: io.env })
  try {
    const session = new Session(library)
    for (const problem of (await session.call('getLibraryInfo', {})).problems) {
      io.err(
        `offprint: warning: ${problem.file} could not be read (${oneLine(problem.reason)}); ` +
          `it was moved to ${problem.movedTo}`,
      )
    }
    return await run(session)
  } finally {
    await library.close()
  }
}

/** Like withLibrary, but never creates a library by accident (a typo in DIR). */
export async function withExistingLibrary(
  line: CommandLine,
  io: CliIo,
  run: (session: Session) => Promise<number>,
): Promise<number> {
  const dir = libraryDirOf(line, io)
  if (!(await isFolder(dir))) throw new CommandError(`no library folder at ${dir}`)
  return withLibrary(dir, io, run)
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}
