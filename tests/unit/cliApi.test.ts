// The CLI reads the library only through the API and its validating
// dispatcher: what list and search print is what listPaperIds and getPaper say.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { callApi } from '../../src/main/core/kernel/dispatch'
import { Library } from '../../src/main/core/library'
import type { ApiArgs } from '../../src/shared/api'
import type { Paper, PaperSort } from '../../src/shared/model'
import { runCliOn } from './support/cliRun'
import type { CliRun } from './support/cliRun'

const FIXTURE = resolve(__dirname, '../fixtures/hf-daily-papers.txt')

let dir: string
let library: string

const cli = (...args: string[]): Promise<CliRun> => runCliOn(library, ...args)

/** The papers the dispatcher lists for `args`, in its order. */
async function listed(args: ApiArgs<'listPaperIds'>): Promise<Paper[]> {
  const core = await Library.open(library)
  try {
    const ids = await callApi(core.api, 'listPaperIds', args)
    if (!ids.ok) throw new Error(ids.error.message)
    const papers: Paper[] = []
    for (const id of ids.value) {
      const paper = await callApi(core.api, 'getPaper', { id })
      if (!paper.ok) throw new Error(paper.error.message)
      papers.push(paper.value)
    }
    return papers
  } finally {
    await core.close()
  }
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-cli-api-'))
  library = join(dir, 'library')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('the CLI through the API', () => {
  it('lists an empty library as [] (and as no lines)', async () => {
    await mkdir(library)
    expect(await cli('list', '--json')).toEqual({ code: 0, stdout: ['[]'], stderr: [] })
    expect(await cli('list')).toEqual({ code: 0, stdout: [], stderr: [] })
    expect(await cli('search', 'tool', '--json')).toEqual({ code: 0, stdout: ['[]'], stderr: [] })
  })

  it('lists the papers listPaperIds gives, in its order, for every sort', async () => {
    expect((await cli('import', FIXTURE)).code).toBe(0)
    for (const sort of ['published', 'added', 'title', 'upvotes'] satisfies PaperSort[]) {
      const printed = JSON.parse((await cli('list', '--json', '--sort', sort)).stdout.join('\n'))
      expect(printed).toEqual(await listed({ sort }))
    }
    const lines = (await cli('list')).stdout
    expect(lines.map((line) => line.slice(19))).toEqual(
      (await listed({ sort: 'published' })).map((paper) => paper.title),
    )
  })

  it('searches in the dispatcher’s ranking, best match first', async () => {
    expect((await cli('import', FIXTURE)).code).toBe(0)
    const ranked = await listed({ sort: 'published', query: 'tool retrieval' })
    expect(ranked.length).toBeGreaterThan(3)
    const printed = (await cli('search', 'tool', 'retrieval', '--json')).stdout.join('\n')
    expect(JSON.parse(printed)).toEqual(ranked)
    // Only qualifiers: no ranking, so --sort orders them.
    const qualified = await listed({ sort: 'title', query: 'year:2025' })
    expect(qualified.length).toBeGreaterThan(1)
    const byTitle = (await cli('search', 'year:2025', '--sort', 'title', '--json')).stdout
    expect(JSON.parse(byTitle.join('\n'))).toEqual(qualified)
  })

  it('warns about a file it had to move aside, and carries on', async () => {
    expect((await cli('import', FIXTURE)).code).toBe(0)
    const shards = (await readdir(join(library, 'papers'))).filter((name) => name.endsWith('.json'))
    const victim = join(library, 'papers', shards[0] ?? '')
    await writeFile(victim, `${await readFile(victim, 'utf8')}}}garbage`)
    const run = await cli('list')
    expect(run.code).toBe(0)
    expect(run.stdout.length).toBeGreaterThan(0)
    expect(run.stderr).toHaveLength(1)
    expect(run.stderr[0]).toMatch(
      new RegExp(
        `^offprint: warning: ${victim} could not be read \\(.+\\); it was moved to ${victim}\\.unreadable-`,
      ),
    )
  })
})
