// The page loads PDFs from its own origin, /attachments/<sha256>.pdf, as the
// app serves them from app://offprint (harness: https://offprint.invalid):
// an attachment of the open library is fetched under the strict CSP
// (connect-src 'self'). (What is refused: tests/unit/attachmentProtocol.test.ts;
// a 404 here would be a console error, which the session counts as a failure.)
import { describe, expect, it } from 'vitest'
import type { ApiResponse } from '../../src/shared/api'
import type { AttachmentView } from '../../src/shared/model'
import { makePdf } from '../support/pdfFixtures'
import { appSession } from './harness/appSession'

const session = appSession()

describe('attachments on the page’s origin', () => {
  it('fetches an attachment of the open library, byte for byte, with no CSP violation', async () => {
    const app = await session.launch()
    await app.dispatch('importSample', {})
    const listed = (await app.dispatch('listPaperIds', { sort: 'title' })) as ApiResponse<string[]>
    const paperId = listed.ok ? (listed.value[0] ?? '') : ''
    const pdf = await makePdf({ pages: [['Served to the page']] })
    const attached = (await app.dispatch('attachPdf', {
      paperId,
      fileName: 'served.pdf',
      data: Buffer.from(pdf).toString('base64'),
    })) as ApiResponse<{ attachment: AttachmentView }>
    const url = attached.ok ? attached.value.attachment.url : ''
    const fetched = await app.page.evaluate(async (path) => {
      const response = await fetch(path)
      const bytes = new Uint8Array(await response.arrayBuffer())
      return [
        response.status,
        response.headers.get('content-type'),
        bytes.byteLength,
        bytes[0],
        bytes[1],
      ]
    }, url)
    // %P: a PDF's first bytes.
    expect(fetched).toEqual([200, 'application/pdf', pdf.byteLength, 0x25, 0x50])
    expect(app.foreignRequests).toEqual([])
    expect(app.securityEvents).toEqual([])
  })
})
