// Where the library folder is: `--library DIR` (or `--library=DIR`) on the
// command line, else the OFFPRINT_LIBRARY environment variable, else the app's
// default. Tests and the CLI use the first two; the app passes its user-data folder.
import { homedir } from 'node:os'
import { resolve } from 'node:path'

export const LIBRARY_OPTION = '--library'
export const LIBRARY_ENV = 'OFFPRINT_LIBRARY'

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
  const fromEnv = env[LIBRARY_ENV]?.trim()
  const dir = fromArgv ?? (fromEnv ? fromEnv : undefined)
  return dir === undefined ? undefined : absolute(dir, cwd)
}

export function resolveLibraryDir(
  sources: LibraryLocationSources & { defaultDir: string },
): string {
  return findLibraryDir(sources) ?? absolute(sources.defaultDir, sources.cwd)
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

function absolute(dir: string, cwd: string | undefined): string {
  // A shell expands ~ in `--library ~/x` but not in `--library=~/x` or in a
  // variable set by a launcher, so expand it here too.
  const expanded = dir === '~' || dir.startsWith('~/') ? homedir() + dir.slice(1) : dir
  return resolve(cwd ?? process.cwd(), expanded)
}
