// A record the caller names by id, or the error that says it is not there.
import type { Note, Paper, PaperRelation } from '../../../shared/model'
import { BadInputError, NotFoundError } from '../kernel/errors'
import type { LibraryRecords } from './libraryStore'

export function requirePaper(records: LibraryRecords, id: string): Paper {
  const paper = records.papers.get(id)
  if (!paper) throw new NotFoundError(`No paper with id "${id}" in this library`)
  return paper
}

/** A paper outside the trash. */
export function requireLivePaper(records: LibraryRecords, id: string): Paper {
  const paper = requirePaper(records, id)
  if (paper.trashedAt !== undefined) {
    throw new BadInputError(`The paper "${paper.title}" is in the trash`)
  }
  return paper
}

export function requireNote(records: LibraryRecords, id: string): Note {
  const note = records.notes.get(id)
  if (!note) throw new NotFoundError(`No note with id "${id}" in this library`)
  return note
}

export function requireRelation(records: LibraryRecords, id: string): PaperRelation {
  const relation = records.relations.get(id)
  if (!relation) throw new NotFoundError(`No relation with id "${id}" in this library`)
  return relation
}
