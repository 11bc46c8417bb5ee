// PDFs attached to papers: attach (the file stored once by content hash, then
// the record committed as one undo step), replace (highlights re-anchored by
// their quoted text), detach, list. The file is on disk for good before the
// record that names it is written; detaching removes the record only, so an
// undo, a backup or another paper with the same file still finds it.
import type { Attachment, AttachmentRole, AttachmentView, Highlight } from '../../../shared/model'
import { attachmentUrl } from '../../../shared/model'
import { BadInputError } from '../kernel/errors'
import type { LibraryKernel } from '../kernel/kernel'
import type { Service } from '../kernel/service'
import { count } from '../../../shared/text/count'
import { outcomePlan } from '../organize/plan'
import type { PlanRunner } from '../organize/planRunner'
import { requireLivePaper } from '../store/requireRecord'
import { storeAttachmentFile } from './attachmentFiles'
import { attachmentsOf, requireAttachment } from './attachmentRecords'
import { reanchorHighlights } from './reanchor'
import type { PdfTextService } from './pdfText/pdfTextService'

type AttachmentMethod = 'listAttachments' | 'attachPdf' | 'replacePdf' | 'detachPdf'

/** Decodes an API argument's base64; the schema checked the alphabet. */
export function bytesOf(data: string): Buffer {
  const bytes = Buffer.from(data, 'base64')
  if (bytes.byteLength === 0) throw new BadInputError('The file is empty')
  return bytes
}

export class AttachmentsService implements Service<AttachmentMethod> {
  constructor(
    private readonly kernel: LibraryKernel,
    private readonly plans: PlanRunner,
    private readonly text: PdfTextService,
  ) {}

  readonly handlers: Service<AttachmentMethod>['handlers'] = {
    listAttachments: async ({ paperId }) =>
      attachmentsOf(this.kernel.store, paperId).map((attachment) => this.view(attachment)),

    attachPdf: async ({ paperId, fileName, data, role }) =>
      this.attach(paperId, fileName, bytesOf(data), role ?? 'paper', 'file'),

    replacePdf: async ({ id, fileName, data }) => this.replace(id, fileName, bytesOf(data)),

    detachPdf: async ({ id }) =>
      this.plans.run((ctx) => {
        const attachment = requireAttachment(ctx.records, id)
        const highlights = [...ctx.records.highlights.values()]
          .filter((highlight) => highlight.attachmentId === id)
          .map((highlight) => highlight.id)
        return outcomePlan(
          { attachments: { remove: [id] }, highlights: { remove: highlights } },
          `Remove “${attachment.fileName}”${highlights.length > 0 ? ` and ${count(highlights.length, 'highlight')}` : ''}`,
          1 + highlights.length,
        )
      }),
  }

  /** What the window shows of an attachment: its URL on the app's origin and where its text stands. */
  view(attachment: Attachment): AttachmentView {
    return {
      ...attachment,
      url: attachmentUrl(attachment.sha256),
      text: this.text.stateOf(attachment.sha256),
    }
  }

  /**
   * Attaches `bytes` to the paper (one undo step), unless the paper already
   * has this very file: then that attachment is returned with `added` false.
   */
  async attach(
    paperId: string,
    fileName: string,
    bytes: Uint8Array,
    role: AttachmentRole,
    origin: Attachment['origin'],
  ): Promise<{ attachment: AttachmentView; added: boolean }> {
    requireLivePaper(this.kernel.store, paperId)
    const { sha256 } = await storeAttachmentFile(this.kernel.store.dir, bytes)
    const result = await this.plans.run((ctx) => {
      requireLivePaper(ctx.records, paperId)
      const same = attachmentsOf(ctx.records, paperId).find((a) => a.sha256 === sha256)
      if (same !== undefined)
        return { changes: {}, label: '', result: { attachment: same, added: false } }
      const attachment: Attachment = {
        id: ctx.newId(),
        paperId,
        sha256,
        role,
        fileName: baseName(fileName),
        size: bytes.byteLength,
        addedAt: ctx.at,
        ...(origin === undefined ? {} : { origin }),
      }
      return {
        changes: { attachments: { put: [attachment] } },
        label: `Attach “${attachment.fileName}”`,
        result: { attachment, added: true },
      }
    })
    this.text.enqueue(sha256)
    return { attachment: this.view(result.attachment), added: result.added }
  }

  /** A new file for attachment `id`: its highlights are found again by their quoted text. */
  async replace(
    id: string,
    fileName: string,
    bytes: Uint8Array,
  ): Promise<{ attachment: AttachmentView; reanchored: number; lost: number }> {
    requireAttachment(this.kernel.store, id)
    const { sha256 } = await storeAttachmentFile(this.kernel.store.dir, bytes)
    const pages = await this.text.pagesOf(sha256)
    const result = await this.plans.run((ctx) => {
      const old = requireAttachment(ctx.records, id)
      const attachment: Attachment = {
        ...old,
        sha256,
        fileName: baseName(fileName),
        size: bytes.byteLength,
      }
      const highlights = [...ctx.records.highlights.values()].filter(
        (highlight) => highlight.attachmentId === id,
      )
      const moved: Highlight[] =
        old.sha256 === sha256 ? [] : reanchorHighlights(highlights, pages, sha256, ctx.at)
      const lost = moved.filter((highlight) => highlight.anchor === 'lost').length
      return {
        changes: { attachments: { put: [attachment] }, highlights: { put: moved } },
        label: `Replace “${old.fileName}”`,
        result: { attachment, reanchored: moved.length - lost, lost },
      }
    })
    this.text.enqueue(sha256)
    return { ...result, attachment: this.view(result.attachment) }
  }
}

/** The last part of a name that may carry a path (a file name is shown, never a path). */
function baseName(name: string): string {
  const base = name.split(/[\\/]/).at(-1)?.trim() ?? ''
  return base === '' ? 'paper.pdf' : base
}
