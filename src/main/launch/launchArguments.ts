// What a command line asks Offprint to open. Used for the app's own launch and
// for a second launch, which the single-instance lock turns into a message to
// the first: focus its window and import the files named.
import { extname, isAbsolute, resolve } from 'node:path'
import { LIBRARY_OPTION } from '../library/libraryLocation'

/** Files Offprint imports when it is asked to open them. */
export const IMPORTABLE_EXTENSIONS: readonly string[] = ['.txt']

export interface LaunchArguments {
  /** argv as Electron gives it: the executable first, then (unpackaged) the app's folder. */
  argv: readonly string[]
  /** The launching process's working folder, for relative paths. */
  cwd: string
  /** A packaged app has no app-folder argument after the executable. */
  isPackaged: boolean
}

/**
 * Absolute paths of the files to import, in command-line order, without
 * repeats. Options (Chromium adds its own) and the value of --library are
 * not files; neither is anything without an importable extension.
 */
export function filesToOpen({ argv, cwd, isPackaged }: LaunchArguments): string[] {
  const operands = argv.slice(isPackaged ? 1 : 2)
  const files: string[] = []
  for (let i = 0; i < operands.length; i++) {
    const arg = operands[i] ?? ''
    if (arg === LIBRARY_OPTION) {
      i++ // its value is a folder
      continue
    }
    if (arg.startsWith('-') || arg === '') continue
    if (!IMPORTABLE_EXTENSIONS.includes(extname(arg).toLowerCase())) continue
    const path = isAbsolute(arg) ? arg : resolve(cwd, arg)
    if (!files.includes(path)) files.push(path)
  }
  return files
}

export interface SecondLaunchDecision {
  /** Always: the user launched Offprint, so the window they have comes forward. */
  focusWindow: true
  filesToImport: string[]
}

/** What the running Offprint does when it is launched again. */
export function decideSecondLaunch(launch: LaunchArguments): SecondLaunchDecision {
  return { focusWindow: true, filesToImport: filesToOpen(launch) }
}
