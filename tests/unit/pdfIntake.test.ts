// PDFs from outside a paper pane: dropped on the window (matched to a paper by
// DOI, arXiv id or title, else a new paper from the PDF's metadata), and Get
// PDF for a paper with an arXiv id (from a stub arXiv on 127.0.0.1; offline,
// the request waits in the lookup queue).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../../src/main/core/library'
import type { LookupOptions } from '../../src/main/core/lookup/identifierLookup'
import { listenOnLoopback, loopbackLookup, type LoopbackServer } from '../support/loopbackServer'
import { makePdf } from '../support/pdfFixtures'
import { offlineOptions } from './lookupStubServer'

let dir: string
let library: Library

const LISTING = [
  '@article{known,',
  '  title = {Attention Is All You Need},',
  '  author = {Vaswani, Ashish and Shazeer, Noam},',
  '  year = {2017},',
  '  eprint = {1706.03762},',
  '  archivePrefix = {arXiv},',
  '}',
  '@article{withdoi,',
  '  title = {Deep Residual Learning for Image Recognition},',
  '  author = {He, Kaiming},',
  '  year = {2016},',
  '  doi = {10.1109/CVPR.2016.90},',
  '}',
].join('\n')

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64')
}

async function open(lookup?: LookupOptions): Promise<void> {
  library = await Library.open(dir, lookup === undefined ? {} : { lookup })
  await library.api.importText({ text: LISTING, fileName: 'refs.bib' })
}

async function paperTitled(title: string): Promise<string> {
  const ids = await library.api.listPaperIds({ sort: 'title' })
  for (const id of ids) if ((await library.api.getPaper({ id })).title === title) return id
  throw new Error(`no paper “${title}”`)
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-intake-'))
})

afterEach(async () => {
  await library.close()
  await rm(dir, { recursive: true, force: true })
})

describe('dropping a PDF on the window', () => {
  it('finds its paper by the DOI printed on its first page', async () => {
    await open()
    const pdf = await makePdf({
      pages: [
        ['Some other heading', 'doi: 10.1109/CVPR.2016.90', 'We present a residual framework.'],
      ],
    })
    const outcome = await library.api.dropPdf({ fileName: 'he16.pdf', data: base64(pdf) })
    expect(outcome.matchedBy).toBe('doi')
    expect(outcome.paperId).toBe(await paperTitled('Deep Residual Learning for Image Recognition'))
    expect(outcome.added).toBe(true)
  })

  it('finds its paper by arXiv’s stamp in the margin', async () => {
    await open()
    const pdf = await makePdf({
      pages: [['arXiv:1706.03762v7 [cs.CL] 2 Aug 2023', 'Provided proper attribution is provided']],
    })
    const outcome = await library.api.dropPdf({ fileName: '1706.03762v7.pdf', data: base64(pdf) })
    expect([outcome.matchedBy, outcome.paperId]).toEqual([
      'arxiv',
      await paperTitled('Attention Is All You Need'),
    ])
  })

  it('finds its paper by the title in its metadata', async () => {
    await open()
    const pdf = await makePdf({ pages: [['Page one']], title: 'Attention is all you need!' })
    const outcome = await library.api.dropPdf({ fileName: 'x.pdf', data: base64(pdf) })
    expect(outcome.matchedBy).toBe('title')
  })

  it('makes a new paper from its metadata when it names none of the library’s', async () => {
    await open()
    const pdf = await makePdf({
      pages: [['A Brand New Study of Things', 'arXiv:2401.00001v1 [cs.LG] 1 Jan 2024']],
      title: 'A Brand New Study of Things',
      author: 'Ada Lovelace; Charles Babbage',
    })
    const outcome = await library.api.dropPdf({ fileName: 'new.pdf', data: base64(pdf) })
    expect(outcome.matchedBy).toBe('new-paper')
    const paper = await library.api.getPaper({ id: outcome.paperId })
    expect([paper.title, paper.authors, paper.arxivId, paper.source.format]).toEqual([
      'A Brand New Study of Things',
      ['Ada Lovelace', 'Charles Babbage'],
      '2401.00001',
      'pdf',
    ])
    const [attachment] = await library.api.listAttachments({ paperId: outcome.paperId })
    expect(attachment?.fileName).toBe('new.pdf')
  })
})

describe('Get PDF', () => {
  let server: LoopbackServer | undefined
  let served: string[]

  async function startArxiv(pdf: Uint8Array): Promise<LookupOptions> {
    served = []
    server = await listenOnLoopback((request, response) => {
      served.push(request.url ?? '')
      if (request.url === '/pdf/1706.03762') {
        response.writeHead(200, { 'Content-Type': 'application/pdf' }).end(Buffer.from(pdf))
      } else {
        response.writeHead(404).end()
      }
    })
    return loopbackLookup(server.origin)
  }

  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it('fetches the PDF of a paper with an arXiv id from arXiv and attaches it', async () => {
    const pdf = await makePdf({ pages: [['Attention Is All You Need']] })
    await open(await startArxiv(pdf))
    const paperId = await paperTitled('Attention Is All You Need')
    const outcome = await library.api.getPdf({ paperId })
    expect(served).toEqual(['/pdf/1706.03762'])
    expect(outcome.state).toBe('attached')
    const [attachment] = await library.api.listAttachments({ paperId })
    expect([attachment?.fileName, attachment?.origin, attachment?.size]).toEqual([
      '1706.03762.pdf',
      'arxiv',
      pdf.byteLength,
    ])
  })

  it('offline, waits in the lookup queue and says why', async () => {
    await open(await offlineOptions())
    const paperId = await paperTitled('Attention Is All You Need')
    const outcome = await library.api.getPdf({ paperId })
    expect(outcome.state).toBe('queued')
    const queue = await library.api.getLookupQueue({})
    expect(queue.items.map((item) => item.identifier)).toEqual(['pdf:arXiv:1706.03762'])
    expect(queue.items[0]?.reason).toMatch(/^offline: could not reach 127\.0\.0\.1:\d+/)
    expect(await library.api.listAttachments({ paperId })).toEqual([])
  })

  it('is fetched by Retry now once arXiv answers again, and leaves the queue', async () => {
    const pdf = await makePdf({ pages: [['Attention Is All You Need']] })
    const online = await startArxiv(pdf)
    const offline = await offlineOptions()
    let reachable = false
    await open({
      ...online,
      origins: () =>
        ((reachable ? online : offline).origins as NonNullable<LookupOptions['origins']>)(),
    })
    const paperId = await paperTitled('Attention Is All You Need')
    expect((await library.api.getPdf({ paperId })).state).toBe('queued')
    reachable = true
    await library.api.retryLookups({ previewId: 'retry-1' })
    expect(served).toEqual(['/pdf/1706.03762'])
    expect((await library.api.listAttachments({ paperId })).map((a) => a.fileName)).toEqual([
      '1706.03762.pdf',
    ])
    expect((await library.api.getLookupQueue({})).items).toEqual([])
  })

  it('refuses a paper without an arXiv id', async () => {
    await open()
    const paperId = await paperTitled('Deep Residual Learning for Image Recognition')
    await expect(library.api.getPdf({ paperId })).rejects.toThrow(
      '“Deep Residual Learning for Image Recognition” has no arXiv id: attach its PDF from a file',
    )
  })
})
