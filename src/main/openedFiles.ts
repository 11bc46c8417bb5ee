// Files the operating system asks Offprint to open: a double-click on a .bib or
// .ris file (see the file associations in package.json's "build"), or a path on
// the command line. Pure, so the rules are tested without Electron.
import { extname, resolve } from 'node:path'
import { LIBRARY_OPTION } from './library/libraryLocation'

/** Extensions Offprint opens (imports) when handed a file. */
export const OPENABLE_EXTENSIONS = ['.bib', '.ris', '.txt'] as const

/** The files named on a command line, as absolute paths, in order, without repeats. */
export function filesToOpen(argv: readonly string[], cwd: string): string[] {
  const files: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === LIBRARY_OPTION) {
      i++ // its value is a folder, not a file to import
      continue
    }
    if (arg.startsWith('-') || !isOpenable(arg)) continue
    const path = resolve(cwd, arg)
    if (!files.includes(path)) files.push(path)
  }
  return files
}

export function isOpenable(path: string): boolean {
  return (OPENABLE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase())
}
