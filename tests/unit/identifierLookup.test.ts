// Identifier recognition, the lookup client against the stub server, and the
// offline queue through the library. No test touches the network.
import { readdir } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseArxivId, parseDoi, parseIdentifier } from '../../src/main/core/imports/identifiers'
import { IdentifierLookup } from '../../src/main/core/lookup/identifierLookup'
import { makeDir, openAt, removeDir } from './libraryFixture'
import { offlineOptions, startStubServer, type StubServer } from './lookupStubServer'

describe('identifier recognition', () => {
  it.each([
    ['2101.00001', '2101.00001'],
    ['2101.00001v3', '2101.00001'],
    ['1706.03762', '1706.03762'],
    ['0704.0001', '0704.0001'],
    ['arXiv:2101.00001v2', '2101.00001'],
    ['ARXIV: 1706.03762', '1706.03762'],
    ['hep-th/9711200', 'hep-th/9711200'],
    ['math.GT/0309136v1', 'math.GT/0309136'],
    ['https://arxiv.org/abs/1706.03762v7', '1706.03762'],
    ['http://arxiv.org/pdf/1706.03762v7.pdf', '1706.03762'],
    ['https://export.arxiv.org/abs/hep-th/9711200', 'hep-th/9711200'],
    ['(arXiv:2101.00001).', '2101.00001'],
    ['2101.0001x', undefined],
    ['21010.00001', undefined],
  ])('arXiv id in %s', (text, id) => {
    expect(parseArxivId(text)).toBe(id)
  })

  it.each([
    ['10.1145/3292500.3330701', '10.1145/3292500.3330701'],
    ['doi:10.1000/xyz123', '10.1000/xyz123'],
    ['https://doi.org/10.1007/978-3-030-58452-8_1', '10.1007/978-3-030-58452-8_1'],
    ['http://dx.doi.org/10.1000%2Fabc', '10.1000/abc'],
    ['10.48550/arXiv.1810.04805.', '10.48550/arXiv.1810.04805'],
    ['11.1000/xyz', undefined],
    ['10.1/x', undefined],
  ])('DOI in %s', (text, doi) => {
    expect(parseDoi(text)).toBe(doi)
  })

  it('prefers arXiv for an id that is one, DOI otherwise', () => {
    expect(parseIdentifier('arXiv:1706.03762')).toEqual({ kind: 'arxiv', id: '1706.03762' })
    expect(parseIdentifier('10.1000/xyz123')).toEqual({ kind: 'doi', id: '10.1000/xyz123' })
    expect(parseIdentifier('hello')).toBeUndefined()
  })
})

describe('IdentifierLookup against the stub server', () => {
  let stub: StubServer
  beforeEach(async () => {
    stub = await startStubServer()
  })
  afterEach(async () => {
    await stub.close()
  })

  it('batches arXiv ids into one API request and asks doi.org for CSL-JSON', async () => {
    const lookup = new IdentifierLookup(stub.options)
    const progress: number[] = []
    const result = await lookup.lookUp(
      [
        { kind: 'arxiv', id: '1706.03762' },
        { kind: 'arxiv', id: 'hep-th/9711200' },
        { kind: 'doi', id: '10.1145/3292500.3330701' },
      ],
      { onProgress: (done) => progress.push(done) },
    )
    expect(result.failures).toEqual([])
    expect(result.records.map((r) => [r.title, r.arxivId, r.doi])).toEqual([
      ['Attention Is All You Need', '1706.03762', undefined],
      [
        'The Large N Limit of Superconformal Field Theories and Supergravity',
        'hep-th/9711200',
        '10.1023/A:1026654312961',
      ],
      [
        'Optuna: A Next-generation Hyperparameter Optimization Framework',
        undefined,
        '10.1145/3292500.3330701',
      ],
    ])
    expect(result.records[2]).toMatchObject({
      authors: [
        'Takuya Akiba',
        'Shotaro Sano',
        'Toshihiko Yanase',
        'Takeru Ohta',
        'Masanori Koyama',
      ],
      published: '2019-07-25',
      pages: '2623–2631',
      publisher: 'ACM',
    })
    expect(stub.requests.map((r) => [r.path, r.accept])).toEqual([
      ['/api/query?id_list=1706.03762%2Chep-th%2F9711200&max_results=2', 'application/atom+xml'],
      ['/doi/10.1145/3292500.3330701', 'application/vnd.citationstyles.csl+json'],
    ])
    expect(stub.requests[0]?.userAgent).toMatch(/^Offprint\//)
    expect(progress).toEqual([2, 3])
  })

  it('reports unknown ids as not found, not worth retrying', async () => {
    const lookup = new IdentifierLookup(stub.options)
    const result = await lookup.lookUp([
      { kind: 'arxiv', id: '2101.99999' },
      { kind: 'doi', id: '10.9999/missing' },
    ])
    expect(result.records).toEqual([])
    expect(result.failures).toEqual([
      { identifier: 'arXiv:2101.99999', reason: 'arXiv has no paper with this id', retry: false },
      {
        identifier: 'doi:10.9999/missing',
        reason: expect.stringMatching(/HTTP 404/),
        retry: false,
      },
    ])
  })

  it('marks a busy server as worth retrying and stops asking it', async () => {
    stub.mode = 'busy'
    const lookup = new IdentifierLookup(stub.options)
    const result = await lookup.lookUp([
      { kind: 'doi', id: '10.1000/a1' },
      { kind: 'doi', id: '10.1000/a2' },
    ])
    expect(result.failures.map((f) => [f.identifier, f.retry])).toEqual([
      ['doi:10.1000/a1', true],
      ['doi:10.1000/a2', true],
    ])
    expect(result.failures[0]?.reason).toMatch(/busy or down \(HTTP 503\)/)
    expect(stub.requests).toHaveLength(1)
  })

  it('is cancelled by its signal while waiting for an answer', async () => {
    stub.mode = 'hang'
    const lookup = new IdentifierLookup(stub.options)
    const controller = new AbortController()
    const run = lookup.lookUp([{ kind: 'arxiv', id: '1706.03762' }], { signal: controller.signal })
    await expect.poll(() => stub.requests.length).toBe(1)
    controller.abort()
    await expect(run).rejects.toThrow('The import was cancelled')
  })

  it('waits out the rate limit between requests to one service, in order', async () => {
    const lookup = new IdentifierLookup({ ...stub.options, doiIntervalMs: 30 })
    await lookup.lookUp([
      { kind: 'doi', id: '10.1000/one' },
      { kind: 'doi', id: '10.1000/two' },
    ])
    expect(stub.requests.map((r) => r.path)).toEqual(['/doi/10.1000/one', '/doi/10.1000/two'])
  })
})

describe('pasted identifiers through the library, online and offline', () => {
  let dir: string
  beforeEach(async () => {
    dir = await makeDir()
  })
  afterEach(async () => {
    await removeDir(dir)
  })

  it('looks ids up, previews them, imports them', async () => {
    const stub = await startStubServer()
    const library = await openAt(dir, stub.options)
    const preview = await library.api.previewImport({
      previewId: 'ids',
      text: 'https://arxiv.org/abs/1706.03762v7\ndoi:10.1145/3292500.3330701\n2101.99999\n',
    })
    expect(preview).toMatchObject({ format: 'identifiers', entries: 2, queued: [] })
    expect(preview.newTitles).toEqual([
      'Attention Is All You Need',
      'Optuna: A Next-generation Hyperparameter Optimization Framework',
    ])
    expect(preview.skipped).toEqual([
      { line: 3, reason: 'arXiv:2101.99999: arXiv has no paper with this id' },
    ])
    expect(await library.api.confirmImport({ previewId: 'ids' })).toMatchObject({
      added: 2,
      queued: 0,
    })
    await library.close()
    await stub.close()
  })

  it('offline: the ids wait in a persistent queue with the reason, and a retry imports them', async () => {
    const library = await openAt(dir, await offlineOptions())
    const preview = await library.api.previewImport({
      previewId: 'off',
      text: '1706.03762 10.1145/3292500.3330701',
    })
    expect(preview.queued).toEqual(['arXiv:1706.03762', 'doi:10.1145/3292500.3330701'])
    expect(preview.lookupProblem).toMatch(
      /^offline: could not reach 127\.0\.0\.1:\d+; it will be retried when you are online$/,
    )
    expect(await library.api.confirmImport({ previewId: 'off' })).toMatchObject({
      added: 0,
      queued: 2,
    })
    await library.close()
    expect(await readdir(dir)).toContain('lookup-queue.json')

    // Back online (a new session): the queue is still there, and retrying empties it.
    const stub = await startStubServer()
    const online = await openAt(dir, stub.options)
    expect(
      (await online.api.getLookupQueue({})).items.map((i) => [i.identifier, i.reason]),
    ).toEqual([
      ['arXiv:1706.03762', expect.stringMatching(/^offline/)],
      ['doi:10.1145/3292500.3330701', expect.stringMatching(/^offline/)],
    ])
    const retry = await online.api.retryLookups({ previewId: 'retry' })
    expect(retry.newTitles).toHaveLength(2)
    expect(await online.api.confirmImport({ previewId: 'retry' })).toMatchObject({ added: 2 })
    expect((await online.api.getLookupQueue({})).items).toEqual([])
    await expect(online.api.retryLookups({ previewId: 'again' })).rejects.toThrow(
      'No identifiers are waiting to be looked up',
    )
    await online.close()
    await stub.close()
  })

  it('dropQueuedLookups removes ids the user gives up on', async () => {
    const library = await openAt(dir, await offlineOptions())
    await library.api.previewImport({ previewId: 'q', text: '1706.03762 2101.00001' })
    await library.api.confirmImport({ previewId: 'q' })
    expect(
      await library.api.dropQueuedLookups({ identifiers: ['arXiv:1706.03762'] }),
    ).toMatchObject({
      items: [{ identifier: 'arXiv:2101.00001' }],
    })
    await library.close()
  })
})
