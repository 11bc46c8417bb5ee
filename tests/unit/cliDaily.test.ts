// `npm run cli -- daily [DATE|--week W|--month M]`: the Daily Papers fetched
// from $OFFPRINT_HF_API (here the stub server on 127.0.0.1 serving recorded
// answers) and imported, with the same report as `import`.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dailyPeriodOf } from '../../src/main/cli/commands/daily'
import { parseCommandLine } from '../../src/main/cli/commandLine'
import { runCli } from '../../src/main/cli/run'
import type { CliIo } from '../../src/main/cli/run'
import { startStubServer, type StubServer } from './lookupStubServer'

interface Captured extends CliIo {
  stdout: string[]
  stderr: string[]
}

function io(env: NodeJS.ProcessEnv): Captured {
  const stdout: string[] = []
  const stderr: string[] = []
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s), env }
}

// Every test gets the stub server (arXiv, Hugging Face) and a fresh folder.
let stub: StubServer
let dir: string
beforeEach(async () => {
  stub = await startStubServer()
  dir = await mkdtemp(join(tmpdir(), 'offprint-online-cli-'))
})
afterEach(async () => {
  await stub.close()
  await rm(dir, { recursive: true, force: true })
})

describe('the period daily is asked for', () => {
  const today = '2026-08-15'
  const period = (argv: string[]) => dailyPeriodOf(parseCommandLine(['daily', ...argv]), today)

  it('is today without a date, else the date, the --week or the --month given', () => {
    expect(period([])).toEqual({ kind: 'day', date: '2026-08-15' })
    expect(period(['2026-06-12'])).toEqual({ kind: 'day', date: '2026-06-12' })
    expect(period(['--week', '2026-W31'])).toEqual({ kind: 'week', week: '2026-W31' })
    expect(period(['--month=2026-05'])).toEqual({ kind: 'month', month: '2026-05' })
  })

  it('refuses two periods at once and periods written otherwise', () => {
    expect(() => period(['2026-06-12', '--week', '2026-W31'])).toThrow(
      'daily takes one date, one --week or one --month',
    )
    expect(() => period(['--week', '31'])).toThrow(
      'daily: a week is written YYYY-Www (e.g. 2026-W06)',
    )
    expect(() => period(['12/06/2026'])).toThrow('daily: a day is written YYYY-MM-DD')
  })
})

describe('offprint daily', () => {
  it('imports a day from OFFPRINT_HF_API and says what it read', async () => {
    const run = io({ OFFPRINT_HF_API: stub.origin })
    expect(await runCli(['daily', '2026-06-12', '--library', join(dir, 'lib')], run)).toBe(0)
    expect(run.stdout).toEqual([
      'Imported Daily Papers 2026-06-12: 30 added, 0 already present, 0 skipped',
      '  read as Hugging Face API JSON',
    ])
    expect(stub.requests.map((r) => r.path)).toEqual([
      '/api/daily_papers?date=2026-06-12&limit=100',
    ])
  })

  it('fails with exit 1 and the reason when the service is out of reach', async () => {
    const host = stub.host
    await stub.close()
    const run = io({ OFFPRINT_HF_API: `http://${host}` })
    expect(await runCli(['daily', '2026-06-12', '--library', join(dir, 'lib')], run)).toBe(1)
    expect(run.stderr).toEqual([
      `offprint: Could not get the Daily Papers of 2026-06-12: offline: could not reach ${host}; it will be retried when you are online`,
    ])
  })
})

describe('offprint feed', () => {
  it('imports the RSS feed of the categories from OFFPRINT_ARXIV_RSS', async () => {
    const run = io({ OFFPRINT_ARXIV_RSS: stub.origin })
    expect(await runCli(['feed', 'cs.AI+cs.LG+math', '--library', join(dir, 'lib')], run)).toBe(0)
    expect(run.stdout).toEqual([
      'Imported arXiv cs.AI+cs.LG+math: 1504 added, 0 already present, 0 skipped',
      '  read as arXiv RSS or Atom announcement feed',
    ])
    expect(stub.requests.map((r) => [r.path, r.accept])).toEqual([
      ['/rss/cs.AI+cs.LG+math', 'application/rss+xml'],
    ])
  })

  it('reads the Atom feed with --atom, and says where a cut-off feed broke', async () => {
    const run = io({ OFFPRINT_ARXIV_RSS: stub.origin })
    expect(await runCli(['feed', 'cs.AI', '--atom', '--library', join(dir, 'lib')], run)).toBe(0)
    expect(run.stdout).toEqual([
      'Imported arXiv cs.AI: 86 added, 0 already present, 1 skipped',
      '  line 1229: the feed is cut off in the middle of this entry; the entries before it were read',
      '  read as arXiv RSS or Atom announcement feed',
    ])
    expect(stub.requests.map((r) => r.path)).toEqual(['/atom/cs.AI'])
  })

  it("fails with arXiv's own words for an archive it does not know", async () => {
    const run = io({ OFFPRINT_ARXIV_RSS: stub.origin })
    expect(await runCli(['feed', 'astroph', '--library', join(dir, 'lib')], run)).toBe(1)
    expect(run.stderr[0]).toMatch(
      /^offprint: No papers found in arXiv astroph: arXiv answered with an error: Bad archive 'astroph'\./,
    )
  })
})
