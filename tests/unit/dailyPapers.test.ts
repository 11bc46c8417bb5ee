// "Get Daily Papers…" and `daily`: a day, a week or a month of Hugging Face's
// Daily Papers, fetched from the origin the settings or OFFPRINT_HF_API name,
// here a stub server on 127.0.0.1 serving real recorded /api/daily_papers
// answers (2026-05-08: 3 papers, 2026-06-12: 30, 2026-07-31: 5). No test
// touches the network.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../../src/main/core/library'
import type { LookupOptions } from '../../src/main/core/lookup/identifierLookup'
import { daysOf } from '../../src/main/core/online/dailyPapers'
import { callApi } from '../../src/main/core/kernel/dispatch'
import { makeDir, removeDir } from './libraryFixture'
import { startStubServer, type StubServer } from './lookupStubServer'

describe('the days of a period', () => {
  it('an ISO week runs Monday to Sunday, a month its whole length', () => {
    expect(daysOf({ kind: 'week', week: '2026-W06' }, '2026-12-31')).toEqual([
      '2026-02-02',
      '2026-02-03',
      '2026-02-04',
      '2026-02-05',
      '2026-02-06',
      '2026-02-07',
      '2026-02-08',
    ])
    expect(daysOf({ kind: 'week', week: '2026-W01' }, '2026-12-31')[0]).toBe('2025-12-29')
    expect(daysOf({ kind: 'month', month: '2024-02' }, '2026-12-31')).toHaveLength(29)
  })

  it('leaves out the days after today', () => {
    expect(daysOf({ kind: 'week', week: '2026-W06' }, '2026-02-04')).toEqual([
      '2026-02-02',
      '2026-02-03',
      '2026-02-04',
    ])
    expect(daysOf({ kind: 'day', date: '2026-02-05' }, '2026-02-04')).toEqual([])
  })
})

describe('Get Daily Papers against the stub server', () => {
  let stub: StubServer
  let dir: string
  let library: Library | undefined
  /** The stub's pace (no pauses) without its origins: those come from the environment or the settings. */
  let pace: LookupOptions

  async function open(environment: Record<string, string> = {}): Promise<Library> {
    library = await Library.open(dir, {
      now: () => new Date('2026-08-15T12:00:00Z'),
      lookup: pace,
      environment,
    })
    return library
  }

  beforeEach(async () => {
    stub = await startStubServer()
    const { origins, ...rest } = stub.options
    expect(origins).toBeDefined()
    pace = rest
    dir = await makeDir()
  })
  afterEach(async () => {
    await library?.close()
    library = undefined
    await stub.close()
    await removeDir(dir)
  })

  it('imports the 30 papers of one day from $OFFPRINT_HF_API/api/daily_papers?date=…', async () => {
    const lib = await open({ OFFPRINT_HF_API: stub.origin })
    const report = await lib.api.importDailyPapers({ period: { kind: 'day', date: '2026-06-12' } })
    expect(report).toMatchObject({
      format: 'hf-api-json',
      fileName: 'Daily Papers 2026-06-12',
      added: 30,
      alreadyPresent: 0,
      skipped: [],
      suggestedCollection: 'Daily Papers 2026-06-12',
    })
    expect(stub.requests.map((r) => [r.path, r.accept])).toEqual([
      ['/api/daily_papers?date=2026-06-12&limit=100', 'application/json'],
    ])
    const first = await lib.api.getPaper({ id: report.addedIds[0] ?? '' })
    expect(first).toMatchObject({
      title:
        'On the Limits of LLM Adaptability: Impact of Model-Internalized Priors on Annotation Task Performance',
      authors: ['Etienne Casanova', 'Rafal Kocielnik', 'R. Michael Alvarez'],
      arxivId: '2606.00467',
      organization: 'California institute of technology',
      published: '2026-05-30',
      source: { format: 'hf-api-json', fileName: 'Daily Papers 2026-06-12' },
    })
  })

  it('fetches a week day by day and imports what was listed on any of them', async () => {
    const lib = await open({ OFFPRINT_HF_API: stub.origin })
    const report = await lib.api.importDailyPapers({ period: { kind: 'week', week: '2026-W31' } })
    expect(report).toMatchObject({ added: 5, fileName: 'Daily Papers 2026-W31' })
    expect(stub.requests.map((r) => r.path)).toEqual(
      ['27', '28', '29', '30', '31']
        .map((d) => `/api/daily_papers?date=2026-07-${d}&limit=100`)
        .concat(['01', '02'].map((d) => `/api/daily_papers?date=2026-08-${d}&limit=100`)),
    )
  })

  it('asks again with If-None-Match, and a second fetch of the same day adds nothing', async () => {
    const lib = await open({ OFFPRINT_HF_API: stub.origin })
    const period = { kind: 'day', date: '2026-07-31' } as const
    expect(await lib.api.importDailyPapers({ period })).toMatchObject({ added: 5 })
    expect(await lib.api.importDailyPapers({ period })).toMatchObject({
      added: 0,
      alreadyPresent: 5,
    })
    expect(stub.requests[0]?.ifNoneMatch).toBeUndefined()
    expect(stub.requests[1]?.ifNoneMatch).toMatch(/^"[0-9a-f]{16}"$/)
  })

  it('previews the fetch for the window; confirming writes it', async () => {
    const lib = await open({ OFFPRINT_HF_API: stub.origin })
    const preview = await lib.api.previewDailyPapers({
      previewId: 'daily-1',
      period: { kind: 'month', month: '2026-05' },
    })
    expect(preview).toMatchObject({
      format: 'hf-api-json',
      entries: 3,
      fileName: 'Daily Papers 2026-05',
    })
    expect(stub.requests).toHaveLength(31)
    expect((await lib.api.getLibraryInfo({})).paperCount).toBe(0)
    expect(await lib.api.confirmImport({ previewId: 'daily-1' })).toMatchObject({ added: 3 })
    expect((await lib.api.getLibraryInfo({})).paperCount).toBe(3)
  })

  it('waits out a short Retry-After and asks once more', async () => {
    const lib = await open({ OFFPRINT_HF_API: stub.origin })
    stub.mode = 'too-many'
    stub.retryAfter = '0'
    const report = await lib.api.importDailyPapers({ period: { kind: 'day', date: '2026-07-31' } })
    expect(report.added).toBe(5)
    expect(stub.requests).toHaveLength(2)
  })

  it('says how long a busy service asks to wait, rather than waiting minutes', async () => {
    const lib = await open({ OFFPRINT_HF_API: stub.origin })
    stub.mode = 'too-many'
    stub.retryAfter = '120'
    const answer = await callApi(lib.api, 'importDailyPapers', {
      period: { kind: 'day', date: '2026-07-31' },
    })
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'bad-input',
        message: `Could not get the Daily Papers of 2026-07-31: ${stub.host} is busy or down (HTTP 429, asks to wait 2 minutes); it will be retried`,
      },
    })
    expect(stub.requests).toHaveLength(1)
  })

  it('says it is offline when the service cannot be reached', async () => {
    const port = stub.host
    await stub.close()
    const lib = await open({ OFFPRINT_HF_API: `http://${port}` })
    const answer = await callApi(lib.api, 'importDailyPapers', {
      period: { kind: 'day', date: '2026-07-31' },
    })
    expect(answer).toMatchObject({
      ok: false,
      error: {
        message: `Could not get the Daily Papers of 2026-07-31: offline: could not reach ${port}; it will be retried when you are online`,
      },
    })
  })

  it('goes where the settings say, and the environment overrides the settings', async () => {
    const lib = await open()
    await lib.api.updateSettings({
      patch: {
        serviceOrigins: {
          huggingFace: stub.origin,
          arxivApi: 'https://export.arxiv.org',
          arxivRss: 'https://rss.arxiv.org',
        },
      },
    })
    expect(
      await lib.api.importDailyPapers({ period: { kind: 'day', date: '2026-05-08' } }),
    ).toMatchObject({ added: 3 })
    expect(stub.requests).toHaveLength(1)
    await lib.close()

    // Settings name a closed port; OFFPRINT_HF_API names the stub: the stub is asked.
    const overridden = await open({ OFFPRINT_HF_API: `${stub.origin}/` })
    await overridden.api.updateSettings({
      patch: {
        serviceOrigins: {
          huggingFace: 'http://127.0.0.1:9',
          arxivApi: 'https://export.arxiv.org',
          arxivRss: 'https://rss.arxiv.org',
        },
      },
    })
    expect(
      await overridden.api.importDailyPapers({ period: { kind: 'day', date: '2026-06-12' } }),
    ).toMatchObject({ added: 30 })
    expect(stub.requests).toHaveLength(2)
  })

  it('refuses a day still to come without asking anyone', async () => {
    const lib = await open({ OFFPRINT_HF_API: stub.origin })
    const answer = await callApi(lib.api, 'importDailyPapers', {
      period: { kind: 'day', date: '2026-08-16' },
    })
    expect(answer).toMatchObject({
      ok: false,
      error: {
        message:
          'Nothing to fetch: the Daily Papers of 2026-08-16 are still to come (today is 2026-08-15)',
      },
    })
    expect(stub.requests).toEqual([])
  })
})
