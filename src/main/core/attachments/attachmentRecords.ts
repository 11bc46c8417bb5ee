// The attachment records of a library: one by id, or a paper's in order.
import type { Attachment } from '../../../shared/model'
import { NotFoundError } from '../kernel/errors'
import type { LibraryRecords } from '../store/libraryStore'

export function requireAttachment(records: LibraryRecords, id: string): Attachment {
  const attachment = records.attachments.get(id)
  if (attachment === undefined) throw new NotFoundError(`No attachment with id "${id}"`)
  return attachment
}

/** The paper's attachments in the order they were added. */
export function attachmentsOf(records: LibraryRecords, paperId: string): Attachment[] {
  return [...records.attachments.values()]
    .filter((attachment) => attachment.paperId === paperId)
    .sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id))
}
