// PDFs that come from outside a paper pane: dropped on the window (matched to
// a paper by the DOI, arXiv id or title in their text and metadata, else a new
// paper from that metadata) and fetched by Get PDF for a paper with an arXiv id.
import { BadInputError } from '../kernel/errors'
import type { LibraryKernel } from '../kernel/kernel'
import type { Service } from '../kernel/service'
import type { AttachmentsService } from './attachmentsService'

type IntakeMethod = 'dropPdf' | 'getPdf'

export class PdfIntakeService implements Service<IntakeMethod> {
  constructor(
    private readonly kernel: LibraryKernel,
    private readonly attachments: AttachmentsService,
  ) {}

  readonly handlers: Service<IntakeMethod>['handlers'] = {
    dropPdf: async () => {
      void this.attachments
      throw new BadInputError('Dropping a PDF on the window is not built yet')
    },
    getPdf: async () => {
      void this.kernel
      throw new BadInputError('Get PDF is not built yet')
    },
  }
}
