// Conflict copies: what sync tools leave when two devices changed one file
// between syncs. Each keeps one side under the file's name and the other under
// a name of its own:
//   Syncthing  name.sync-conflict-20261206-153000-ABCDEF7.ext
//   Dropbox    name (Ada's conflicted copy 2026-12-06).ext
//   iCloud     name 2.ext
//   OneDrive   name-LAPTOP.ext
//   git        name.ext.orig (a merge's backup), or <<<<<<< markers in the file
// A copy found next to a library file is merged into the library, then moved
// to merged-conflicts/ (never deleted), so nothing is lost if a merge was wrong.
import { isLibraryFile } from './libraryFiles'

export const MERGED_CONFLICTS_FOLDER = 'merged-conflicts'

const PATTERNS: readonly { tool: string; pattern: RegExp }[] = [
  { tool: 'Syncthing', pattern: /^(.+)\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]+(\.[^.]+)?$/ },
  { tool: 'Dropbox', pattern: /^(.+) \([^()]*conflicted copy[^()]*\)(\.[^.]+)?$/ },
  { tool: 'iCloud', pattern: /^(.+) [2-9]\d*(\.[^.]+)?$/ },
  { tool: 'git', pattern: /^(.+?)(\.[^.]+)?\.orig$/ },
  { tool: 'OneDrive', pattern: /^(.+)-[A-Za-z0-9][A-Za-z0-9_-]*(\.[^.]+)?$/ },
]

export interface ConflictCopy {
  /** The copy, relative to the library folder ("papers/03.sync-conflict-….json"). */
  path: string
  /** The file it is a copy of ("papers/03.json", "journals/laptop.ndjson"). */
  original: string
  tool: string
}

/**
 * The conflict copy `relativePath` is, or undefined when it is none. Only
 * copies of library files (library.json, shards) and of device journals count.
 */
export function conflictCopyOf(relativePath: string): ConflictCopy | undefined {
  const slash = relativePath.lastIndexOf('/')
  const folder = slash === -1 ? '' : relativePath.slice(0, slash + 1)
  const name = relativePath.slice(slash + 1)
  for (const { tool, pattern } of PATTERNS) {
    const match = pattern.exec(name)
    if (match === null) continue
    const original = `${folder}${match[1] ?? ''}${match[2] ?? ''}`
    if (isLibraryFile(original)) return { path: relativePath, original, tool }
    // A journal's copy: the names of both tools that never clash with a device's name.
    if (
      folder === 'journals/' &&
      original.endsWith('.ndjson') &&
      tool !== 'OneDrive' &&
      tool !== 'iCloud'
    ) {
      return { path: relativePath, original, tool }
    }
  }
  return undefined
}

/** Splits a file git left with conflict markers into its two sides, or undefined. */
export function gitConflictSides(text: string): [string, string] | undefined {
  if (!/^<{7}( |$)/m.test(text)) return undefined
  const ours: string[] = []
  const theirs: string[] = []
  let state: 'both' | 'ours' | 'base' | 'theirs' = 'both'
  for (const line of text.split('\n')) {
    if (/^<{7}( |$)/.test(line)) state = 'ours'
    else if (/^\|{7}( |$)/.test(line) && state === 'ours') state = 'base'
    else if (/^={7}$/.test(line) && (state === 'ours' || state === 'base')) state = 'theirs'
    else if (/^>{7}( |$)/.test(line) && state === 'theirs') state = 'both'
    else if (state === 'both') {
      ours.push(line)
      theirs.push(line)
    } else if (state === 'ours') ours.push(line)
    else if (state === 'theirs') theirs.push(line)
  }
  return [ours.join('\n'), theirs.join('\n')]
}
