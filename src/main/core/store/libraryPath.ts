// The library folder as a user writes it (on a command line, in the
// OFFPRINT_LIBRARY environment variable) made into an absolute path. Shared by
// the app (app/libraryLocation.ts) and the CLI, which each read their own
// command line.
import { homedir } from 'node:os'
import { resolve } from 'node:path'

export const LIBRARY_ENV = 'OFFPRINT_LIBRARY'

/** The folder `dir` as an absolute path; `~` is the home folder, relative is to `cwd`. */
export function absoluteLibraryDir(dir: string, cwd: string = process.cwd()): string {
  // A shell expands ~ in `--library ~/x` but not in `--library=~/x` or in a
  // variable set by a launcher, so expand it here too.
  const expanded = dir === '~' || dir.startsWith('~/') ? homedir() + dir.slice(1) : dir
  return resolve(cwd, expanded)
}

/** The folder OFFPRINT_LIBRARY names, as an absolute path; undefined when unset or blank. */
export function libraryDirFromEnv(env: NodeJS.ProcessEnv, cwd?: string): string | undefined {
  const dir = env[LIBRARY_ENV]?.trim()
  return dir ? absoluteLibraryDir(dir, cwd) : undefined
}
