import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Paper } from '../../src/shared/model'
import { folderSnapshot } from './support/libraryFolder'
import { FIXTURE } from './support/organizeFixture'
import { runCliOn } from './support/cliRun'
import type { CliRun } from './support/cliRun'

let dir: string
let library: string
let ids: string[]

const cli = (...args: string[]): Promise<CliRun> => runCliOn(library, ...args)

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-cli-organize-'))
  library = join(dir, 'library')
  await cli('import', FIXTURE)
  const listed = await cli('list', '--json', '--sort', 'title')
  ids = (JSON.parse(listed.stdout.join('\n')) as Paper[]).map((paper) => paper.id)
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('CLI: collections and tags', () => {
  it('files papers in a collection (creating it and its parent), then shows the tree', async () => {
    const [a, b, c] = ids as [string, string, string]
    const added = await cli('add-to-collection', 'Tool learning/Retrieval', a, b, c)
    expect(added.code).toBe(0)
    expect(added.stdout).toEqual([
      'Created collection "Tool learning"',
      'Created collection "Tool learning/Retrieval"',
      'Added 3 papers to "Tool learning/Retrieval"',
    ])
    // By its name alone once it exists; papers already there are said so.
    expect((await cli('add-to-collection', 'retrieval', a, ids[3] ?? '')).stdout).toEqual([
      'Added 1 paper to "Tool learning/Retrieval" (1 paper already there)',
    ])
    expect((await cli('collections')).stdout).toEqual(['Tool learning (0)', '  Retrieval (4)'])

    const json = await cli('collections', '--json')
    const tree = JSON.parse(json.stdout.join('\n')) as Array<{
      name: string
      path: string[]
      paperCount: number
      paperIds: string[]
    }>
    expect(tree.map(({ name, path, paperCount }) => ({ name, path, paperCount }))).toEqual([
      { name: 'Tool learning', path: ['Tool learning'], paperCount: 0 },
      { name: 'Retrieval', path: ['Tool learning', 'Retrieval'], paperCount: 4 },
    ])
    expect(new Set(tree[1]?.paperIds)).toEqual(new Set([a, b, c, ids[3]]))
  })

  it('tags papers, and the tags show in list --json', async () => {
    const [a, b] = ids as [string, string]
    const tagged = await cli('tag', a, b, '--add', 'rl', '--add=agents')
    expect(tagged.stdout).toEqual(['Tag 2 papers “rl”, “agents”: 2 papers changed'])
    expect((await cli('tag', b, '--remove', 'RL')).stdout).toEqual([
      'Remove “rl” from 1 paper: 1 paper changed',
    ])
    const papers = JSON.parse(
      (await cli('list', '--json', '--sort', 'title')).stdout.join('\n'),
    ) as Paper[]
    expect(papers.find((p) => p.id === a)?.tags).toEqual(['rl', 'agents'])
    expect(papers.find((p) => p.id === b)?.tags).toEqual(['agents'])
  })

  it('refuses bad input with a one-line error and changes nothing', async () => {
    const before = await folderSnapshot(library)
    const cases: [string[], number, RegExp][] = [
      [['add-to-collection', 'X'], 2, /usage: offprint add-to-collection NAME ID/],
      [['add-to-collection', 'X', 'no-such-id'], 1, /No paper with id "no-such-id"/],
      [['tag', ids[0] ?? ''], 2, /usage: offprint tag ID\.\.\. --add TAG/],
      [['tag', ids[0] ?? '', '--add'], 2, /--add needs a tag/],
      [['tag', 'no-such-id', '--add', 'x'], 1, /No paper with id "no-such-id"/],
      [['tag', ids[0] ?? '', '--add', '  '], 1, /A tag cannot be empty/],
      [['collections', 'extra'], 2, /collections takes no operand/],
    ]
    for (const [args, code, message] of cases) {
      const run = await cli(...args)
      expect(run.code, args.join(' ')).toBe(code)
      expect(run.stdout).toEqual([])
      expect(run.stderr).toHaveLength(1)
      expect(run.stderr[0]).toMatch(message)
    }
    expect(await folderSnapshot(library)).toEqual(before)
  })
})
