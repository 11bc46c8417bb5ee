// PDFs that come from outside a paper pane: dropped on the window (matched to
// a paper by the DOI, arXiv id or title in their metadata and first pages,
// else a new paper made from those) and fetched by Get PDF for a paper with
// an arXiv id, through the lookup's polite client (arXiv's pace, one request
// every 3 s, shared with the identifier lookups). Offline, or with arXiv busy,
// the request waits in the lookup queue as `pdf:arXiv:<id>` (shown in its
// banner) until Get PDF is asked again.
import type { DropPdfOutcome, GetPdfOutcome } from '../../../shared/model'
import { BadInputError } from '../kernel/errors'
import type { LibraryKernel } from '../kernel/kernel'
import type { Service } from '../kernel/service'
import type { LookupService } from '../lookup/lookupService'
import { FinalFetchError, RetryableFetchError } from '../online/politeFetch'
import type { ServiceOrigins } from '../../../shared/model'
import { serviceUrl } from '../online/serviceOrigins'
import type { PlanRunner } from '../organize/planRunner'
import { requireLivePaper } from '../store/requireRecord'
import { storeAttachmentFile } from './attachmentFiles'
import type { AttachmentsService } from './attachmentsService'
import { bytesOf } from './attachmentsService'
import { cluesOf, matchPaper, paperFromClues } from './pdfMatch'
import type { PdfClues } from './pdfMatch'
import type { PdfTextService } from './pdfText/pdfTextService'

type IntakeMethod = 'dropPdf' | 'getPdf'

/** How Get PDF's waiting requests are named in the lookup queue. */
export function pdfQueueEntry(arxivId: string): string {
  return `pdf:arXiv:${arxivId}`
}

export class PdfIntakeService implements Service<IntakeMethod> {
  constructor(
    private readonly kernel: LibraryKernel,
    private readonly plans: PlanRunner,
    private readonly attachments: AttachmentsService,
    private readonly text: PdfTextService,
    private readonly lookups: LookupService,
    private readonly origins: () => ServiceOrigins,
  ) {}

  readonly handlers: Service<IntakeMethod>['handlers'] = {
    dropPdf: async ({ fileName, data }) => this.drop(fileName, bytesOf(data)),
    getPdf: async ({ paperId }) => this.fetchFromArxiv(paperId),
  }

  private async drop(fileName: string, bytes: Uint8Array): Promise<DropPdfOutcome> {
    const { sha256 } = await storeAttachmentFile(this.kernel.store.dir, bytes)
    const text = await this.text.textOf(sha256)
    const clues: PdfClues = text === undefined ? { authors: [] } : cluesOf(text)
    const match = matchPaper(this.kernel.store, clues)
    let paperId = match?.paper.id
    if (paperId === undefined) {
      const paper = await this.plans.run((ctx) => {
        const made = paperFromClues(clues, fileName, ctx.newId(), ctx.at)
        return {
          changes: { papers: { put: [made] } },
          label: `Add “${made.title}” from a PDF`,
          result: made,
        }
      })
      paperId = paper.id
    }
    const { attachment, added } = await this.attachments.attach(
      paperId,
      fileName,
      bytes,
      'paper',
      'drop',
    )
    return { paperId, matchedBy: match?.by ?? 'new-paper', attachment, added }
  }

  private async fetchFromArxiv(paperId: string): Promise<GetPdfOutcome> {
    const paper = requireLivePaper(this.kernel.store, paperId)
    const arxivId = paper.arxivId
    if (arxivId === undefined) {
      throw new BadInputError(`“${paper.title}” has no arXiv id: attach its PDF from a file`)
    }
    const entry = pdfQueueEntry(arxivId)
    let bytes: Uint8Array
    try {
      const url = serviceUrl(this.origins().arxivApi, `/pdf/${arxivId}`)
      bytes = await this.lookups.lookup.fetcher.getBytes(url, 'application/pdf')
    } catch (error) {
      if (error instanceof RetryableFetchError) {
        const at = this.kernel.now().toISOString()
        await this.kernel.mutate(() =>
          this.lookups.queue.add([{ identifier: entry, queuedAt: at, reason: error.message }]),
        )
        this.kernel.notify({ topics: ['lookup-queue'] })
        return { state: 'queued', reason: error.message }
      }
      if (error instanceof FinalFetchError) {
        throw new BadInputError(`Could not get the PDF of arXiv:${arxivId}: ${error.message}`)
      }
      throw error
    }
    const result = await this.attachments.attach(
      paperId,
      `${arxivId.replace('/', '_')}.pdf`,
      bytes,
      'paper',
      'arxiv',
    )
    if (this.lookups.queue.list().some((item) => item.identifier === entry)) {
      await this.kernel.mutate(() => this.lookups.queue.remove([entry]))
      this.kernel.notify({ topics: ['lookup-queue'] })
    }
    return { state: 'attached', ...result }
  }
}
