// What a committed change set touched, as the window hears of it: topics and,
// when there are few, the ids of the papers and notes (see LibraryChange).
import type { ChangeTopic, LibraryChange } from '../../../shared/model'
import type { ChangeSet } from '../store/recordKinds'
import type { ReadonlyRecords } from '../store/libraryStore'

/** Past this many ids an event says "any may have changed" instead of listing them. */
export const MAX_CHANGED_IDS = 1000

/**
 * The change a commit makes, for listeners. `notes` are the records as they
 * were before the commit (a removed note's paper is found there).
 */
export function changeOf(
  changes: ChangeSet,
  before: { notes: ReadonlyRecords<'notes'> },
  extra: readonly ChangeTopic[] = [],
): LibraryChange {
  const topics = new Set<ChangeTopic>(extra)
  const paperIds = new Set<string>()
  const noteIds = new Set<string>()
  if (changes.papers !== undefined) {
    topics.add('papers')
    for (const paper of changes.papers.put ?? []) paperIds.add(paper.id)
    for (const id of changes.papers.remove ?? []) paperIds.add(id)
  }
  if (changes.notes !== undefined) {
    topics.add('notes')
    for (const note of changes.notes.put ?? []) {
      noteIds.add(note.id)
      if (note.paperId !== undefined) paperIds.add(note.paperId)
    }
    for (const id of changes.notes.remove ?? []) {
      noteIds.add(id)
      const paperId = before.notes.get(id)?.paperId
      if (paperId !== undefined) paperIds.add(paperId)
    }
  }
  if (changes.collections !== undefined) topics.add('collections')
  if (changes.relations !== undefined) topics.add('relations')
  for (const kind of ['attachments', 'highlights'] as const) {
    const change = changes[kind]
    if (change === undefined) continue
    topics.add(kind)
    for (const record of change.put ?? []) paperIds.add(record.paperId)
  }
  const change: LibraryChange = { topics: [...topics] }
  if (paperIds.size <= MAX_CHANGED_IDS) change.paperIds = [...paperIds]
  if (noteIds.size <= MAX_CHANGED_IDS) change.noteIds = [...noteIds]
  return change
}
