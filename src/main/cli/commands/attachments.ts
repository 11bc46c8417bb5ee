// `offprint attach ID FILE.pdf`, `offprint attachments ID [--json]` and
// `offprint highlights ID [--json]`: a paper's PDFs and the highlights on them.
import { readFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import type { AttachmentView, Highlight } from '../../../shared/model'
import type { Command } from '../commandLine'
import { messageOf } from '../../core/kernel/errors'
import { CommandError, UsageError } from '../errors'
import { oneLine, printJsonOrLines } from '../io'
import { withExistingLibrary } from '../session'
import { oneOperand } from './operands'

export const attachCommand: Command = async (line, io) => {
  const [paperId, file, ...extra] = line.operands
  if (paperId === undefined || file === undefined || extra.length > 0) {
    throw new UsageError(
      'attach takes a paper id and a PDF: offprint attach ID FILE.pdf --library DIR',
    )
  }
  let bytes: Buffer
  try {
    bytes = await readFile(resolve(file))
  } catch (error) {
    throw new CommandError(`cannot read ${file}: ${messageOf(error)}`)
  }
  return withExistingLibrary(line, io, async (session) => {
    const { attachment, added } = await session.call('attachPdf', {
      paperId,
      fileName: basename(file),
      data: bytes.toString('base64'),
    })
    io.out(
      added
        ? `attached ${attachment.fileName} (${attachment.size} bytes, sha256 ${attachment.sha256})`
        : `already attached: ${attachment.fileName} (sha256 ${attachment.sha256})`,
    )
    return 0
  })
}

export const attachmentsCommand: Command = async (line, io) => {
  const paperId = oneOperand(line, 'attachments', 'id')
  return withExistingLibrary(line, io, async (session) => {
    await session.call('getPaper', { id: paperId })
    await session.pdfTextReady() // each PDF's pages, once its text has been read
    const attachments = await session.call('listAttachments', { paperId })
    printJsonOrLines(io, line.json, attachments, formatAttachment)
    return 0
  })
}

export const highlightsCommand: Command = async (line, io) => {
  const paperId = oneOperand(line, 'highlights', 'id')
  return withExistingLibrary(line, io, async (session) => {
    await session.call('getPaper', { id: paperId })
    const highlights = await session.call('listHighlights', { paperId })
    printJsonOrLines(io, line.json, highlights, formatHighlight)
    return 0
  })
}

/** "paper.pdf  (paper, 12 pages)  sha256 …" */
function formatAttachment(attachment: AttachmentView): string {
  const text =
    attachment.text.state === 'indexed'
      ? `${attachment.text.pageCount ?? 0} pages`
      : attachment.text.state === 'failed'
        ? `text unreadable: ${oneLine(attachment.text.reason ?? '')}`
        : 'text not read yet'
  return `${oneLine(attachment.fileName)}  (${attachment.role}, ${text})  sha256 ${attachment.sha256}  id ${attachment.id}`
}

/** "p. 3  yellow  “quoted text”  — comment" */
function formatHighlight(highlight: Highlight): string[] {
  const page = `p. ${highlight.pageLabel ?? String(highlight.position.pageIndex + 1)}`
  const lines = [`${page}  ${highlight.color}  “${oneLine(highlight.text)}”  id ${highlight.id}`]
  if (highlight.comment !== '') lines.push(`  — ${oneLine(highlight.comment)}`)
  return lines
}
