// Merging duplicate papers as an undoable command: `plan` computes the change
// set for doing it and the one for undoing it, from the records as they are.
// The command holds everything needed to restore (the merged-away papers, the
// notes and collections as they were), so a general undo stack can adopt it
// as is: it is data plus two change sets, and knows nothing of storage.
import type { Collection, MergeOutcome, Note, Paper } from '../../shared/model'
import { mergePapers } from './paperMerge'
import type { ChangeSet } from './store/recordKinds'

/** A ChangeSet being built: every kind present, arrays growable. */
interface MergeChanges extends ChangeSet {
  papers: { put: Paper[]; remove: string[] }
  notes: { put: Note[]; remove: string[] }
  collections: { put: Collection[]; remove: string[] }
}

function emptyChanges(): MergeChanges {
  return {
    papers: { put: [], remove: [] },
    notes: { put: [], remove: [] },
    collections: { put: [], remove: [] },
  }
}

export interface MergeRecords {
  papers: { get(id: string): Paper | undefined }
  /** Every note, paper notes and standalone ones. */
  notes: readonly Note[]
  collections: readonly Collection[]
}

export interface MergeCommand {
  readonly label: string
  readonly outcome: MergeOutcome
  /** Committing it merges (one atomic change set). */
  readonly redo: ChangeSet
  /** Committing it after `redo` restores every record exactly as it was. */
  readonly undo: ChangeSet
}

/**
 * Plans merging `mergeIds` into `keepId`: the kept paper gets the richest value
 * of each field and the union of links, tags, stars and status; notes of the
 * merged papers move to it (two notes on one paper are joined, the merged text
 * under a rule); collections holding a merged paper hold the kept one instead.
 */
export function planMerge(
  records: MergeRecords,
  keepId: string,
  mergeIds: readonly string[],
  at: string,
): MergeCommand {
  const keep = records.papers.get(keepId)
  if (keep === undefined) throw new Error(`no paper ${keepId}`)
  const others = mergeIds.map((id) => {
    const paper = records.papers.get(id)
    if (paper === undefined) throw new Error(`no paper ${id}`)
    return paper
  })
  const redo = emptyChanges()
  const undo = emptyChanges()

  let merged = keep
  const changed = new Set<string>()
  for (const other of others) {
    const result = mergePapers(merged, other)
    merged = result.merged
    for (const field of result.changed) changed.add(field)
  }
  merged = { ...merged, updatedAt: at }
  redo.papers.put.push(merged)
  redo.papers.remove.push(...others.map((paper) => paper.id))
  undo.papers.put.push(keep, ...others)

  // Notes: the kept paper's note (the latest, if a file holds two) absorbs the
  // others'; when it has none, the first other note moves to it (same id).
  const gone = new Set(mergeIds)
  const paperNotes = records.notes.filter((note) => note.trashedAt === undefined)
  const original = latest(paperNotes.filter((note) => note.paperId === keepId))
  let target = original
  for (const other of others) {
    for (const note of paperNotes.filter((candidate) => candidate.paperId === other.id)) {
      undo.notes.put.push(note)
      if (target === undefined) {
        target = { ...note, paperId: keepId, title: merged.title, updatedAt: at }
        continue
      }
      const body =
        note.body.trim() === ''
          ? target.body
          : `${target.body.trimEnd()}\n\n---\n\n*Merged from the note on “${other.title}”:*\n\n${note.body}`
      target = { ...target, body, updatedAt: at }
      redo.notes.remove.push(note.id)
    }
  }
  if (target !== undefined && target !== original) {
    redo.notes.put.push(target)
    if (original !== undefined) undo.notes.put.push(original)
  }

  for (const collection of records.collections) {
    if (!collection.paperIds.some((id) => gone.has(id))) continue
    const paperIds: string[] = []
    for (const id of collection.paperIds) {
      const mapped = gone.has(id) ? keepId : id
      if (!paperIds.includes(mapped)) paperIds.push(mapped)
    }
    redo.collections.put.push({ ...collection, paperIds, updatedAt: at })
    undo.collections.put.push(collection)
  }

  const outcome: MergeOutcome = {
    keptId: keepId,
    mergedIds: [...mergeIds],
    changedFields: [...changed],
  }
  const label = `Merge ${others.length + 1} copies of “${keep.title}”`
  return { label, outcome, redo, undo }
}

function latest(notes: Note[]): Note | undefined {
  return notes.reduce<Note | undefined>(
    (best, note) => (best === undefined || note.updatedAt > best.updatedAt ? note : best),
    undefined,
  )
}
