// A fresh, empty library folder for each test of a file, opened on a stepping
// clock, and the listings the library tests import into it.
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { Library } from '../../../src/main/core/library'
import type { LibraryOptions } from '../../../src/main/core/library'
import { steppingClock } from './steppingClock'

const FIXTURE = resolve(__dirname, '../../fixtures/hf-daily-papers.txt')
const SAMPLE = resolve(__dirname, '../../../resources/sample-daily-papers.txt')

/** The Daily Papers fixture page, as the user would paste or drop it: 53 papers. */
export const DAILY_PAPERS = readFileSync(FIXTURE, 'utf8')

// Two short entries in the listing's shape, for tests that need a second import.
export const SMALL_LISTING = [
  'Daily Papers',
  '',
  'Zeta: A Paper About Things',
  '',
  'This abstract explains the things we did. It is long enough to read as an abstract.',
  '',
  '  • 3 authors',
  '·',
  'Jan 5, 2026 7',
  '',
  'alpha paper, second',
  '',
  'Another abstract that ends with a period.',
  '',
  '  • 1 authors',
  '·',
  'Jan 6, 2026',
  '',
].join('\n')

export interface LibraryFolder {
  /** The running test's library folder (empty when the test starts). */
  readonly dir: string
  /** Opens the folder with the bundled sample, on a fresh clock of the file's unless told. */
  openLibrary(options?: LibraryOptions): Promise<Library>
}

/**
 * Gives each test of the file its own temporary folder (named `prefix`…),
 * removed after it. `clock` makes the clock each opening gets unless told.
 */
export function libraryFolderPerTest(
  prefix = 'offprint-library-',
  clock: () => () => Date = () => steppingClock(),
): LibraryFolder {
  let current: string | undefined
  beforeEach(async () => {
    current = await mkdtemp(join(tmpdir(), prefix))
  })
  afterEach(async () => {
    if (current !== undefined) await rm(current, { recursive: true, force: true })
    current = undefined
  })
  const folder: LibraryFolder = {
    get dir(): string {
      if (current === undefined) throw new Error('no library folder outside a test')
      return current
    },
    openLibrary: (options = {}) =>
      Library.open(folder.dir, { samplePath: SAMPLE, now: options.now ?? clock(), ...options }),
  }
  return folder
}
