// Where the library folder is: `--library DIR` beats OFFPRINT_LIBRARY, which
// beats the app's default (its user-data folder).
import { homedir } from 'node:os'
import { describe, expect, it } from 'vitest'
import {
  findLibraryDir,
  LibraryLocationError,
  resolveLibraryDir,
} from '../../src/main/core/store/libraryLocation'

const DEFAULT = '/home/ada/.config/Offprint/library'
const where = (argv: string[], env: NodeJS.ProcessEnv = {}): string =>
  resolveLibraryDir({ argv, env, cwd: '/work', defaultDir: DEFAULT })

describe('the library folder', () => {
  it('is the app’s default when neither the command line nor the environment names one', () => {
    expect(where(['/opt/Offprint/offprint'])).toBe(DEFAULT)
    expect(where([], { OFFPRINT_LIBRARY: '   ' })).toBe(DEFAULT)
    expect(findLibraryDir({ argv: [], env: {} })).toBeUndefined()
  })

  it('is OFFPRINT_LIBRARY over the default, and --library over both', () => {
    expect(where([], { OFFPRINT_LIBRARY: '/data/papers' })).toBe('/data/papers')
    expect(where(['--library', '/mnt/lib'], { OFFPRINT_LIBRARY: '/data/papers' })).toBe('/mnt/lib')
    expect(where(['--library=/mnt/lib'], { OFFPRINT_LIBRARY: '/data/papers' })).toBe('/mnt/lib')
    // The last --library wins, as usual on command lines.
    expect(where(['--library', '/a', 'import', 'x.txt', '--library=/b'])).toBe('/b')
  })

  it('resolves relative folders against the working folder, and ~ against the home folder', () => {
    expect(where(['--library', 'lib'])).toBe('/work/lib')
    expect(where([], { OFFPRINT_LIBRARY: '../shared/lib' })).toBe('/shared/lib')
    // A shell leaves `--library=~/x` and variables set by a launcher unexpanded.
    expect(where(['--library=~/papers'])).toBe(`${homedir()}/papers`)
    expect(where([], { OFFPRINT_LIBRARY: '~' })).toBe(homedir())
  })

  it('refuses --library without a folder rather than guessing', () => {
    for (const argv of [
      ['--library'],
      ['--library', '--json'],
      ['--library='],
      ['--library', ''],
    ]) {
      expect(() => where(argv), argv.join(' ')).toThrow(LibraryLocationError)
    }
    expect(() => where(['--library'])).toThrow('--library needs a folder: --library DIR')
  })
})
