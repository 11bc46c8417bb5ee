// The Today inbox from the command line: `feed add|list|refresh|remove` and
// `inbox [keep|skip ID...]`, against the stub server of recorded answers,
// reached through the same OFFPRINT_* variables as `daily` and `feed CATS`.
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/run'
import type { CliIo } from '../../src/main/cli/run'
import { startFeedStub, type FeedStub } from './feedStubServer'
import { makeDir, removeDir } from './libraryFixture'

interface Captured extends CliIo {
  stdout: string[]
  stderr: string[]
}

let stub: FeedStub
let dir: string
let library: string

function io(): Captured {
  const stdout: string[] = []
  const stderr: string[] = []
  return {
    stdout,
    stderr,
    out: (s) => stdout.push(s),
    err: (s) => stderr.push(s),
    env: {
      OFFPRINT_HF_API: stub.origin,
      OFFPRINT_ARXIV_API: stub.origin,
      OFFPRINT_ARXIV_RSS: stub.origin,
    },
  }
}

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const run = io()
  const code = await runCli([...argv, '--library', library], run)
  return { code, out: run.stdout, err: run.stderr }
}

beforeEach(async () => {
  stub = await startFeedStub()
  dir = await makeDir()
  library = join(dir, 'lib')
})
afterEach(async () => {
  await stub.close()
  await removeDir(dir)
})

describe('offprint feed and inbox', () => {
  it('follows the three kinds of feed, refreshes them and lists the ranked inbox as JSON', async () => {
    for (const spec of ['hf-daily', 'arxiv:cs.AI+cs.LG+math', 'arxiv-query:au:"A. Del Maestro"']) {
      const added = await cli('feed', 'add', spec)
      expect(added.code).toBe(0)
      expect(added.out[0]).toMatch(/^Following .+ \(.+\), checked every 6 h: [0-9a-f-]{36}$/)
    }
    // --force: the CLI runs on today's real clock, which may be a weekend.
    const refresh = await cli('feed', 'refresh', '--force')
    expect(refresh.out).toEqual([
      'HF Daily Papers: 0 new, 0 seen before',
      'arXiv cs.AI+cs.LG+math: 935 new, 0 seen before',
      'arXiv: au:"A. Del Maestro": 10 new, 0 seen before',
    ])
    expect(stub.requests.filter((r) => r.startsWith('/api/query'))).toEqual([
      '/api/query?search_query=au%3A%22A.+Del+Maestro%22&sortBy=submittedDate&sortOrder=descending&max_results=100',
    ])

    const listed = await cli('feed', 'list', '--json')
    const feeds = JSON.parse(listed.out.join('\n')) as { name: string; newItems: number }[]
    expect(feeds.map((f) => [f.name, f.newItems])).toEqual([
      ['HF Daily Papers', 0],
      ['arXiv cs.AI+cs.LG+math', 935],
      ['arXiv: au:"A. Del Maestro"', 10],
    ])

    const inbox = await cli('inbox', '--json', '--limit', '2', '--by', 'date')
    const items = JSON.parse(inbox.out.join('\n')) as Record<string, unknown>[]
    expect(items).toHaveLength(2)
    expect(Object.keys(items[0] ?? {})).toEqual([
      'id',
      'title',
      'arxivId',
      'sources',
      'score',
      'reason',
      'upvotes',
      'state',
    ])
    expect(items[0]?.['sources']).toEqual(['arXiv cs.AI+cs.LG+math'])

    const [first, second] = items
    expect((await cli('inbox', 'keep', String(first?.['id']))).out).toEqual([
      `Keep “${String(first?.['title'])}”`,
    ])
    expect((await cli('inbox', 'skip', String(second?.['id']))).out).toEqual([
      `Skip “${String(second?.['title'])}”`,
    ])
    const after = await cli('inbox', '--limit', '1')
    expect(after.out[0]).toBe('943 new, 1 kept, 1 skipped')
    const list = await cli('list', '--json')
    expect((JSON.parse(list.out.join('\n')) as { title: string }[]).map((p) => p.title)).toEqual([
      first?.['title'],
    ])
  })

  it('still imports today’s announcements with feed CATEGORIES', async () => {
    const run = await cli('feed', 'cs.AI+cs.LG+math')
    expect(run.code).toBe(0)
    expect(run.out[0]).toMatch(/^Imported arXiv cs\.AI\+cs\.LG\+math: 1504 added/)
  })

  it('says which feed failed and why, with exit code 1', async () => {
    await cli('feed', 'add', 'arxiv:astroph')
    const run = await cli('feed', 'refresh', '--force')
    expect(run.code).toBe(1)
    expect(run.out[0]).toMatch(/^arXiv astroph: failed: arXiv answered with an error: /)
  })

  it('refuses a feed it does not know, saying what it takes', async () => {
    const run = await cli('feed', 'add', 'rss:example.org')
    expect(run.code).toBe(1)
    expect(run.err[0]).toContain('is not a feed Offprint knows: write hf-daily')
  })
})
