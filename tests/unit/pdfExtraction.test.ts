// Reading PDFs' text in the background: hostile PDFs (JavaScript, javascript:
// and file: links, launch actions, a malformed object) are read as text and
// nothing else; a file that is no readable PDF is marked failed with pdf.js's
// reason and the others go on; the work is a long task that can be cancelled
// and picks up where it stopped when the library is opened again.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TaskProgress } from '../../src/shared/model'
import { Library } from '../../src/main/core/library'
import { HOSTILE_KINDS, HOSTILE_TEXT, hostilePdf, numberedPdf } from '../support/pdfFixtures'
import { syntheticListing } from '../support/syntheticListing'

let dir: string
let library: Library
let paperId: string

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64')
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-extraction-'))
  library = await Library.open(dir)
  await library.api.importText({ text: syntheticListing(1) })
  paperId = (await library.api.listPaperIds({ sort: 'title' }))[0] ?? ''
})

afterEach(async () => {
  await library.close()
  await rm(dir, { recursive: true, force: true })
})

describe('hostile PDFs', () => {
  it.each(HOSTILE_KINDS)('%s: its text is read, and nothing runs', async (kind) => {
    const pdf = await hostilePdf(kind)
    await library.api.attachPdf({ paperId, fileName: `${kind}.pdf`, data: base64(pdf) })
    await library.pdfTextIdle()
    const [view] = await library.api.listAttachments({ paperId })
    expect(view?.text).toEqual({ state: 'indexed', pageCount: 1 })
    const [match] = await library.api.getPdfMatches({ paperId, query: 'hostile payload' })
    expect(match?.snippet).toBe(`${HOSTILE_TEXT} payload: ${kind}`)
    expect((globalThis as Record<string, unknown>)['__xss']).toBeUndefined()
  })
})

describe('a PDF that cannot be read', () => {
  it('is marked failed with the reason, and the next PDF is read all the same', async () => {
    const good = await numberedPdf(2)
    const broken = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(good).subarray(0, 200)])
    await library.api.attachPdf({ paperId, fileName: 'broken.pdf', data: base64(broken) })
    await library.api.attachPdf({ paperId, fileName: 'good.pdf', data: base64(good) })
    await library.pdfTextIdle()
    const views = await library.api.listAttachments({ paperId })
    expect(views.map((v) => [v.fileName, v.text.state])).toEqual([
      ['broken.pdf', 'failed'],
      ['good.pdf', 'indexed'],
    ])
    expect(views[0]?.text.reason).toMatch(/\w/)
    expect(await library.api.getPdfTextStatus({})).toEqual({
      attachments: 2,
      indexed: 1,
      waiting: 0,
      failed: 1,
    })
  })
})

describe('the extraction task', () => {
  it('reports progress as "Reading PDFs", can be cancelled (PDFs attached later wait too), and resumes when the library opens again', async () => {
    const reports: TaskProgress[] = []
    library.onProgress((progress) => reports.push(progress))
    // Cancel at the first report, before the first file is read.
    let cancelled = false
    library.onProgress((progress) => {
      if (!cancelled && progress.kind === 'pdf-text' && progress.state === 'running') {
        cancelled = true
        void library.api.cancelTask({ taskId: progress.taskId })
      }
    })
    for (let i = 1; i <= 3; i++) {
      await library.api.attachPdf({
        paperId,
        fileName: `${i}.pdf`,
        data: base64(await numberedPdf(i)),
      })
    }
    await library.pdfTextIdle()
    const last = reports.filter((r) => r.kind === 'pdf-text').at(-1)
    expect([last?.label, last?.state]).toEqual(['Reading PDFs', 'cancelled'])
    expect(await library.api.getPdfTextStatus({})).toEqual({
      attachments: 3,
      indexed: 0,
      waiting: 3,
      failed: 0,
    })
    await library.close()
    library = await Library.open(dir)
    await library.pdfTextIdle()
    expect(await library.api.getPdfTextStatus({})).toEqual({
      attachments: 3,
      indexed: 3,
      waiting: 0,
      failed: 0,
    })
    const matches = await library.api.getPdfMatches({ paperId, query: 'alpha3' })
    expect(matches.map((m) => m.pageIndex)).toEqual([2])
  })
})
