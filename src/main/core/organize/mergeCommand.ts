// Merging duplicate papers, planned like every organizing action (see
// organize/plan.ts): one change set, computed from the records as they are,
// with the label its undo step carries. The library commits it as one undo
// step, so Edit > Undo (or the Duplicates dialog's Undo) brings every merged
// paper, note and collection back exactly as it was.
import type { Collection, MergeOutcome, Note } from '../../../shared/model'
import { BadInputError } from '../kernel/errors'
import { requirePapers } from './plan'
import type { OrganizeContext, Plan } from './plan'
import { mergePapers } from './paperMerge'

/**
 * Plans merging `mergeIds` into `keepId`: the kept paper gets the richest value
 * of each field and the union of links, tags, stars and status; notes of the
 * merged papers move to it (two notes on one paper are joined, the merged text
 * under a rule); collections holding a merged paper hold the kept one instead.
 */
export function planMerge(
  { records, at }: OrganizeContext,
  keepId: string,
  mergeIds: readonly string[],
): Plan<MergeOutcome> {
  const [keep] = requirePapers(records, [keepId])
  const others = requirePapers(records, mergeIds).filter((paper) => paper.id !== keepId)
  if (keep === undefined || others.length === 0) {
    throw new BadInputError('Choose at least one other paper to merge')
  }
  for (const paper of [keep, ...others]) {
    if (paper.trashedAt !== undefined) {
      throw new BadInputError(`“${paper.title}” is in the trash; restore it before merging`)
    }
  }

  let merged = keep
  const changed = new Set<string>()
  for (const other of others) {
    const result = mergePapers(merged, other)
    merged = result.merged
    for (const field of result.changed) changed.add(field)
  }
  const papers = { put: [{ ...merged, updatedAt: at }], remove: others.map((paper) => paper.id) }

  // Notes: the kept paper's note (the latest, if there are two) absorbs the
  // others'; when it has none, the first other note moves to it (same id).
  const notePut: Note[] = []
  const noteRemove: string[] = []
  const liveNotes = [...records.notes.values()].filter((note) => note.trashedAt === undefined)
  const original = latest(liveNotes.filter((note) => note.paperId === keepId))
  let target = original
  for (const other of others) {
    for (const note of liveNotes.filter((candidate) => candidate.paperId === other.id)) {
      if (target === undefined) {
        target = { ...note, paperId: keepId, title: merged.title, updatedAt: at }
        continue
      }
      const body =
        note.body.trim() === ''
          ? target.body
          : `${target.body.trimEnd()}\n\n---\n\n*Merged from the note on “${other.title}”:*\n\n${note.body}`
      target = { ...target, body, updatedAt: at }
      noteRemove.push(note.id)
    }
  }
  if (target !== undefined && target !== original) notePut.push(target)

  const gone = new Set(others.map((paper) => paper.id))
  const collections: Collection[] = []
  for (const collection of records.collections.values()) {
    if (!collection.paperIds.some((id) => gone.has(id))) continue
    const paperIds: string[] = []
    for (const id of collection.paperIds) {
      const mapped = gone.has(id) ? keepId : id
      if (!paperIds.includes(mapped)) paperIds.push(mapped)
    }
    collections.push({ ...collection, paperIds, updatedAt: at })
  }

  const label = `Merge ${others.length + 1} copies of “${keep.title}”`
  return {
    changes: {
      papers,
      ...(notePut.length + noteRemove.length > 0
        ? { notes: { put: notePut, remove: noteRemove } }
        : {}),
      ...(collections.length > 0 ? { collections: { put: collections } } : {}),
    },
    label,
    result: {
      keptId: keepId,
      mergedIds: others.map((paper) => paper.id),
      changedFields: [...changed],
    },
  }
}

function latest(notes: Note[]): Note | undefined {
  return notes.reduce<Note | undefined>(
    (best, note) => (best === undefined || note.updatedAt > best.updatedAt ? note : best),
    undefined,
  )
}
