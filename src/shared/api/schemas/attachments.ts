// Arguments of PDFs: attaching (the file's bytes, base64-encoded: the window
// and the CLI send the file itself, never a path for the core to read),
// replacing, detaching, Get PDF, text search, and highlights.
import { z } from 'zod'
import { ATTACHMENT_ROLES, HIGHLIGHT_COLORS } from '../../model'
import type { AttachmentRole, HighlightColor } from '../../model'
import {
  MAX_HIGHLIGHT_CHARS,
  MAX_HIGHLIGHT_RECTS,
  MAX_PDF_BYTES,
  MAX_QUERY_CHARS,
  MAX_TITLE_CHARS,
} from '../limits'
import type { ArgSchemas } from './common'
import { idSchema as id } from './common'

const role = z.enum(ATTACHMENT_ROLES as [AttachmentRole, ...AttachmentRole[]])
const color = z.enum(Object.keys(HIGHLIGHT_COLORS) as [HighlightColor, ...HighlightColor[]])
/** The file's bytes as standard base64 (4 characters per 3 bytes). */
const pdfData = z
  .string()
  .min(1)
  .max(Math.ceil(MAX_PDF_BYTES / 3) * 4, 'a PDF of at most 256 MB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64')
const fileName = z.string().min(1).max(MAX_TITLE_CHARS)
const coordinate = z.number().finite()
const rect = z.tuple([coordinate, coordinate, coordinate, coordinate])
const position = z
  .object({
    pageIndex: z.number().int().min(0).max(100_000),
    rects: z.array(rect).min(1).max(MAX_HIGHLIGHT_RECTS),
    nextPageRects: z.array(rect).min(1).max(MAX_HIGHLIGHT_RECTS).optional(),
  })
  .strict()
const quotedText = z.string().max(MAX_HIGHLIGHT_CHARS)
const pageLabel = z.string().max(100)

export const attachmentArgs = {
  listAttachments: z.object({ paperId: id }).strict(),
  attachPdf: z.object({ paperId: id, fileName, data: pdfData, role: role.optional() }).strict(),
  replacePdf: z.object({ id, fileName, data: pdfData }).strict(),
  detachPdf: z.object({ id }).strict(),
  dropPdf: z.object({ fileName, data: pdfData }).strict(),
  getPdf: z.object({ paperId: id }).strict(),
  getPdfTextStatus: z.object({}).strict(),
  getPdfMatches: z.object({ paperId: id, query: z.string().max(MAX_QUERY_CHARS) }).strict(),
  listHighlights: z.object({ paperId: id }).strict(),
  getHighlight: z.object({ id }).strict(),
  createHighlight: z
    .object({
      paperId: id,
      attachmentId: id,
      position,
      pageLabel: pageLabel.optional(),
      text: quotedText,
      color,
      comment: quotedText.optional(),
    })
    .strict(),
  updateHighlight: z
    .object({ id, color: color.optional(), comment: quotedText.optional() })
    .strict(),
  deleteHighlight: z.object({ id }).strict(),
} satisfies ArgSchemas
