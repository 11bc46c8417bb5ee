// The CLI's command line, read with parseArgs but accepting and refusing
// exactly what the hand-written parser before it did.
import { homedir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCommandLine } from '../../src/main/cli/commandLine'
import { runCli } from '../../src/main/cli/run'

function refusal(argv: string[]): string {
  try {
    parseCommandLine(argv)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error(`accepted: ${argv.join(' ')}`)
}

async function stderrOf(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<[number, string[]]> {
  const stderr: string[] = []
  const code = await runCli(argv, { out: () => {}, err: (s) => stderr.push(s), env })
  return [code, stderr]
}

describe('the CLI command line', () => {
  it('reads options written either way, the last one winning, repeatable tags adding up', () => {
    const line = parseCommandLine([
      'tag',
      'a',
      '--sort=title',
      '--sort',
      'added',
      '--add',
      'rl',
      '--add=agents',
      '--remove',
      '-x',
      'b',
      '--library',
      'one',
      '--library=two',
      '--json',
      '--no-subcollections',
      '--limit',
      '3',
    ])
    expect(line).toMatchObject({
      command: 'tag',
      operands: ['a', 'b'],
      sort: 'added',
      addTags: ['rl', 'agents'],
      removeTags: ['-x'],
      library: 'two',
      json: true,
      subcollections: false,
      limit: 3,
    })
  })

  it('accepts every option on every command, as before (a command uses what it needs)', () => {
    expect(parseCommandLine(['list', '--limit', '3', '--format', 'ris']).limit).toBe(3)
  })

  it('refuses unknown options with the argument as written', () => {
    for (const arg of ['--verbose', '--json=1', '--help=yes', '-hx', '-j', '--', '--Json']) {
      expect(refusal(['list', arg])).toBe(`unknown option ${arg} (see: offprint help)`)
    }
    // Before the command too, even when the command is search.
    expect(refusal(['-survey', 'search', 'x'])).toBe('unknown option -survey (see: offprint help)')
  })

  it('keeps every word of a search, exclusions and `--` included, and still reads options after `--`', () => {
    const line = parseCommandLine(['search', 'tool', '-survey', '--', '-hx', '--verbose', '--json'])
    expect(line.operands).toEqual(['tool', '-survey', '--', '-hx', '--verbose'])
    expect(line.json).toBe(true)
    expect(parseCommandLine(['search', 'x', '-h']).help).toBe(true)
  })

  it('says what a bad option value should have been', () => {
    expect(refusal(['list', '--sort'])).toBe(
      '--sort must be one of: published, added, title, upvotes',
    )
    expect(refusal(['tag', 'a', '--add', '--json'])).toBe('--add needs a tag')
    expect(refusal(['export', '--format='])).toBe('--format needs a value')
    expect(refusal(['export', '--format', 'pdf'])).toBe(
      '--format must be one of: bibtex, csl-json, ris, markdown',
    )
    expect(refusal(['export', '--out'])).toBe('--out needs a value')
    expect(refusal(['related', 'a', '--limit', '0'])).toBe(
      '--limit must be a whole number of at least 1',
    )
    // `--add=` is an (empty) tag: the API refuses it, not the parser.
    expect(parseCommandLine(['tag', 'a', '--add=']).addTags).toEqual([''])
  })

  it('reports a --library without a folder only to commands that open the library', async () => {
    expect(await stderrOf(['help', '--library'])).toEqual([0, []])
    expect(await stderrOf(['list', '--library', '--json'])).toEqual([
      2,
      ['offprint: --library needs a folder: --library DIR'],
    ])
    expect(await stderrOf(['list', '--library='])).toEqual([
      2,
      ['offprint: --library needs a folder: --library=DIR'],
    ])
  })

  it('takes the folder from --library before OFFPRINT_LIBRARY, with ~ as the home folder', async () => {
    const missing = join(homedir(), 'offprint-no-such-library')
    const env = { OFFPRINT_LIBRARY: '/nowhere/else' }
    expect(await stderrOf(['list', '--library=~/offprint-no-such-library'], env)).toEqual([
      1,
      [`offprint: no library folder at ${missing}`],
    ])
    expect(await stderrOf(['list'], { OFFPRINT_LIBRARY: ' ~/offprint-no-such-library ' })).toEqual([
      1,
      [`offprint: no library folder at ${missing}`],
    ])
    expect(await stderrOf(['list'], { OFFPRINT_LIBRARY: '  ' })).toEqual([
      2,
      ['offprint: no library folder: pass --library DIR or set OFFPRINT_LIBRARY'],
    ])
  })

  it('runs only the commands it knows, not what every object has', async () => {
    for (const name of ['constructor', 'toString', '__proto__']) {
      expect(await stderrOf([name])).toEqual([
        2,
        [`offprint: unknown command "${name}" (see: offprint help)`],
      ])
    }
  })
})
