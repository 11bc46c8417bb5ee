// Where the library folder is: `--library DIR` (or `--library=DIR`) on the
// command line, else the OFFPRINT_LIBRARY environment variable, else the app's
// default. Tests use the first two; the app passes its user-data folder. The
// CLI reads its own command line; both make paths absolute in core/store/libraryPath.ts.
import { absoluteLibraryDir, libraryDirFromEnv } from '../core/store/libraryPath'

export const LIBRARY_OPTION = '--library'

/** `--library` was given without a folder. */
export class LibraryLocationError extends Error {
  override readonly name: string = 'LibraryLocationError'
}

export interface LibraryLocationSources {
  argv: readonly string[]
  env: NodeJS.ProcessEnv
  /** Base for relative paths; defaults to the process's working folder. */
  cwd?: string
}

/** The folder named by argv or env as an absolute path, or undefined when neither names one. */
export function findLibraryDir({ argv, env, cwd }: LibraryLocationSources): string | undefined {
  const fromArgv = libraryOption(argv)
  return fromArgv === undefined ? libraryDirFromEnv(env, cwd) : absoluteLibraryDir(fromArgv, cwd)
}

export function resolveLibraryDir(
  sources: LibraryLocationSources & { defaultDir: string },
): string {
  return findLibraryDir(sources) ?? absoluteLibraryDir(sources.defaultDir, sources.cwd)
}

/** The value of the last --library option (the last one wins, as usual on command lines). */
function libraryOption(argv: readonly string[]): string | undefined {
  let value: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === LIBRARY_OPTION) {
      const next = argv[i + 1]
      if (next === undefined || next === '' || next.startsWith('--')) {
        throw new LibraryLocationError(`${LIBRARY_OPTION} needs a folder: ${LIBRARY_OPTION} DIR`)
      }
      value = next
      i++
    } else if (arg.startsWith(`${LIBRARY_OPTION}=`)) {
      value = arg.slice(LIBRARY_OPTION.length + 1)
      if (value === '') {
        throw new LibraryLocationError(`${LIBRARY_OPTION} needs a folder: ${LIBRARY_OPTION}=DIR`)
      }
    }
  }
  return value
}
