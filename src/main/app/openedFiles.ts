// Files the operating system asks Offprint to open: a double-click on a .bib or
// .ris file (see the file associations in package.json's "build"), or a path on
// the command line, or a second launch, or the files picked in File > Import…'s
// Open dialog. The rules are pure, tested without Electron.
import { readFile, stat } from 'node:fs/promises'
import { extname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { OpenDialogOptions } from 'electron'
import { MAX_IMPORT_CHARS } from '../../shared/api/limits'
import { IMPORT_FILE_EXTENSIONS } from '../../shared/model'
import type { OpenedFileContent } from '../../shared/model'
import { messageOf } from '../core/kernel/errors'
import { LIBRARY_OPTION } from './libraryLocation'

/** Extensions Offprint opens (imports) when handed a file. */
export const OPENABLE_EXTENSIONS = ['.bib', '.ris', '.txt'] as const

/**
 * The files named on a command line, as absolute paths, in order, without
 * repeats. Linux file managers launch the desktop entry's `%U` with `file://`
 * URIs (percent-encoded), which are decoded; other URIs are not files.
 */
export function filesToOpen(argv: readonly string[], cwd: string): string[] {
  const files: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === LIBRARY_OPTION) {
      i++ // its value is a folder, not a file to import
      continue
    }
    if (arg.startsWith('-')) continue
    const path = pathOfArgument(arg, cwd)
    if (path === undefined || !isOpenable(path)) continue
    if (!files.includes(path)) files.push(path)
  }
  return files
}

/** A command-line argument as an absolute path: a plain path, or a local `file:` URI. */
export function pathOfArgument(arg: string, cwd: string): string | undefined {
  if (/^file:/i.test(arg)) {
    try {
      return fileURLToPath(arg)
    } catch {
      return undefined // another host's file, or a malformed URI
    }
  }
  // Any other scheme (https:, x-scheme-handler launches) is not a file.
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) return undefined
  return resolve(cwd, arg)
}

/**
 * File > Import…'s system Open dialog: several files at once, the formats
 * Offprint reads first, any file on request (the format is read from the content).
 */
export const IMPORT_DIALOG_OPTIONS: OpenDialogOptions = {
  title: 'Import',
  buttonLabel: 'Import',
  properties: ['openFile', 'multiSelections'],
  filters: [
    {
      name: 'BibTeX, RIS, CSL-JSON, arXiv feeds, Daily Papers pages, id lists',
      extensions: [...IMPORT_FILE_EXTENSIONS],
    },
    { name: 'All files', extensions: ['*'] },
  ],
}

export function isOpenable(path: string): boolean {
  return (OPENABLE_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase())
}

export interface SecondLaunchDecision {
  /** Always: the user launched Offprint, so the window they have comes forward. */
  focusWindow: true
  filesToImport: string[]
}

/**
 * What the running Offprint does when it is launched again (the single-instance
 * lock turns the second launch into this call): `argv` is the second process's
 * command line, executable first, `cwd` its working folder.
 */
export function decideSecondLaunch(argv: readonly string[], cwd: string): SecondLaunchDecision {
  return { focusWindow: true, filesToImport: filesToOpen(argv.slice(1), cwd) }
}

// fatal: a binary file must be refused, not turned into replacement characters.
const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Reads a file the user asked Offprint to open into what the window imports
 * it from. Failures become a message the window shows, never an exception.
 */
export async function readOpenedFile(path: string): Promise<OpenedFileContent> {
  try {
    const info = await stat(path)
    if (!info.isFile()) return { ok: false, message: 'it is not a file' }
    // Every UTF-8 character is at least one byte: a larger file is surely too long.
    if (info.size > MAX_IMPORT_CHARS * 4) {
      return { ok: false, message: 'the file is too large to import' }
    }
    const text = utf8.decode(await readFile(path))
    if (text.length > MAX_IMPORT_CHARS) {
      return { ok: false, message: 'the file is too large to import' }
    }
    return { ok: true, text }
  } catch (error) {
    return {
      ok: false,
      message: error instanceof TypeError ? 'it is not UTF-8 text' : messageOf(error),
    }
  }
}
