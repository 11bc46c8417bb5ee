// The window loads PDFs from <app origin>/attachments/<sha256>.pdf. Only the
// attachments of the open library are served: every other way a request could
// name a file (dot segments plain or encoded, encoded slashes, backslashes,
// absolute paths, a hash no record names, a query, another origin) is a 404.
import { createHash } from 'node:crypto'
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveAttachmentRequest } from '../../src/main/app/window/attachmentFiles'
import { Library } from '../../src/main/core/library'
import { numberedPdf } from '../support/pdfFixtures'
import { syntheticListing } from '../support/syntheticListing'

const ORIGIN = 'app://offprint'
let dir: string
let library: Library
let pdf: Uint8Array
let sha: string
/** A PDF put in the attachments folder by hand: no record names it. */
let strayHash: string

function get(path: string, method = 'GET') {
  return serveAttachmentRequest((hash) => library.attachmentFile(hash), {
    url: path.includes('://') ? path : `${ORIGIN}${path}`,
    method,
  })
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-protocol-'))
  library = await Library.open(dir)
  await library.api.importText({ text: syntheticListing(1) })
  const [paperId = ''] = await library.api.listPaperIds({ sort: 'title' })
  pdf = await numberedPdf(2)
  const { attachment } = await library.api.attachPdf({
    paperId,
    fileName: 'p.pdf',
    data: Buffer.from(pdf).toString('base64'),
  })
  sha = attachment.sha256
  const stray = await numberedPdf(1, 'Stray')
  strayHash = createHash('sha256').update(stray).digest('hex')
  await writeFile(join(dir, 'attachments', `${strayHash}.pdf`), stray)
  await copyFile(join(dir, 'library.json'), join(dir, 'attachments', 'library.json'))
})

afterAll(async () => {
  await library.close()
  await rm(dir, { recursive: true, force: true })
})

describe('the attachment protocol', () => {
  it('serves an attachment of the open library, byte for byte, as application/pdf', async () => {
    const response = await get(`/attachments/${sha}.pdf`)
    expect(response?.status).toBe(200)
    expect(response?.headers['Content-Type']).toBe('application/pdf')
    expect(response?.headers['X-Content-Type-Options']).toBe('nosniff')
    expect(Buffer.compare(response?.body ?? Buffer.alloc(0), Buffer.from(pdf))).toBe(0)
    const head = await get(`/attachments/${sha}.pdf`, 'HEAD')
    expect([head?.status, head?.body]).toEqual([200, undefined])
  })

  it('leaves every other path to the renderer’s files (which refuse what they do not ship)', async () => {
    expect(await get('/index.html')).toBeUndefined()
    expect(await get('/assets/attachments.js')).toBeUndefined()
  })

  it.each([
    [
      'a hash no attachment record names, though its file is there',
      () => `/attachments/${strayHash}.pdf`,
    ],
    ['a hash of nothing', () => `/attachments/${'0'.repeat(64)}.pdf`],
    ['upper-case hex', () => `/attachments/${sha.toUpperCase()}.pdf`],
    ['another extension', () => `/attachments/${sha}.json`],
    ['a library file beside them', () => '/attachments/library.json'],
    ['a shard of the attachment records', () => '/attachments/00.json'],
    ['a dot-dot segment', () => `/attachments/../attachments/${sha}.pdf`],
    ['an encoded dot-dot', () => `/attachments/%2e%2e/library.json`],
    ['an encoded dot-dot upper case', () => `/attachments/%2E%2E/journal.ndjson`],
    ['an encoded slash', () => `/attachments/..%2flibrary.json`],
    ['an encoded hash', () => `/attachments/%${sha.slice(0, 2)}${sha.slice(2)}.pdf`],
    ['a backslash', () => `/attachments/..\\library.json`],
    ['an absolute path', () => `/attachments//etc/passwd`],
    [
      'an absolute path to the file',
      () => `/attachments/${join(dir, 'attachments', `${sha}.pdf`)}`,
    ],
    ['a query', () => `/attachments/${sha}.pdf?download=1`],
    ['a sub-folder', () => `/attachments/x/${sha}.pdf`],
    ['another origin', () => `https://evil.example/attachments/${sha}.pdf`],
  ])('refuses %s with a 404', async (_, path) => {
    const response = await get(path())
    expect(response?.status).toBe(404)
    expect(response?.body).toBeUndefined()
  })

  it('refuses to write (405)', async () => {
    expect((await get(`/attachments/${sha}.pdf`, 'POST'))?.status).toBe(405)
  })

  it('serves nothing when no library is open', async () => {
    const response = await serveAttachmentRequest(undefined, {
      url: `${ORIGIN}/attachments/${sha}.pdf`,
      method: 'GET',
    })
    expect(response?.status).toBe(404)
  })
})
