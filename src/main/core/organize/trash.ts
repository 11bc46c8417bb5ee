// The Trash. Trashing marks records with `trashedAt` instead of moving them,
// so everything attached stays attached: a trashed paper keeps its note
// (trashed at the same instant), its places in collections and its manual
// links, all hidden while it is in the Trash. Restoring removes the mark from
// exactly the records trashed at that instant, which puts the library back
// byte for byte. Only deleting for good (or emptying the Trash) removes
// records, and with a paper it removes its notes, links and memberships.
import type {
  ChangeOutcome,
  Collection,
  Note,
  Paper,
  TrashContents,
  TrashItems,
} from '../../../shared/model'
import { collectionPath } from '../../../shared/model'
import { BadInputError, NotFoundError } from '../kernel/errors'
import type { LibraryRecords } from '../store/libraryStore'
import { ChangeBuilder } from './changeBuilder'
import { descendantsOf, requireCollection, siblingNamed, liveChildren } from './collections'
import { count } from '../../../shared/text/count'
import { outcomePlan, quoted, requirePapers, uniqueIds, without } from './plan'
import type { OrganizeContext, Plan } from './plan'

/** How long a trashed note's excerpt is in the Trash list. */
const EXCERPT_CHARS = 160

interface Named {
  papers: Paper[]
  notes: Note[]
  collections: Collection[]
}

function requireItems(records: LibraryRecords, items: TrashItems): Named {
  return {
    papers: requirePapers(records, items.paperIds ?? []),
    notes: uniqueIds(items.noteIds ?? []).map((id) => {
      const note = records.notes.get(id)
      if (note === undefined) throw new NotFoundError(`No note with id "${id}" in this library`)
      return note
    }),
    collections: uniqueIds(items.collectionIds ?? []).map((id) => requireCollection(records, id)),
  }
}

/** "2 papers", "“Tool learning”", "3 items": what a label says was acted on. */
function describe(named: Named): string {
  const kinds = [named.papers, named.notes, named.collections].filter((list) => list.length > 0)
  if (kinds.length !== 1) {
    return count(named.papers.length + named.notes.length + named.collections.length, 'item')
  }
  const [collection] = named.collections
  if (named.collections.length === 1 && collection !== undefined) return quoted(collection.name)
  const [note] = named.notes
  if (named.notes.length === 1 && note !== undefined) return `the note ${quoted(note.title)}`
  if (named.notes.length > 0) return count(named.notes.length, 'note')
  if (named.collections.length > 0) return count(named.collections.length, 'collection')
  return count(named.papers.length, 'paper')
}

/** Paper id → every note written for it, trashed or not. */
function notesOfPapers(records: LibraryRecords): Map<string, Note[]> {
  const byPaper = new Map<string, Note[]>()
  for (const note of records.notes.values()) {
    if (note.paperId === undefined) continue
    const notes = byPaper.get(note.paperId) ?? []
    notes.push(note)
    byPaper.set(note.paperId, notes)
  }
  return byPaper
}

export function planMoveToTrash(ctx: OrganizeContext, items: TrashItems): Plan<ChangeOutcome> {
  const { records, at } = ctx
  const named = requireItems(records, items)
  const change = new ChangeBuilder(records)
  const attached = notesOfPapers(records)
  let moved = 0
  for (const paper of named.papers) {
    if (paper.trashedAt !== undefined) continue
    change.put('papers', { ...paper, trashedAt: at })
    for (const note of attached.get(paper.id) ?? []) {
      if (note.trashedAt === undefined) change.put('notes', { ...note, trashedAt: at })
    }
    moved++
  }
  for (const note of named.notes) {
    if (change.get('notes', note.id)?.trashedAt !== undefined) continue
    change.put('notes', { ...note, trashedAt: at })
    moved++
  }
  for (const collection of named.collections) {
    if (change.get('collections', collection.id)?.trashedAt !== undefined) continue
    // Subcollections go with it; their papers stay in the library.
    for (const member of [collection, ...descendantsOf(records, collection.id)]) {
      const current = change.get('collections', member.id)
      if (current !== undefined && current.trashedAt === undefined) {
        change.put('collections', { ...current, trashedAt: at })
      }
    }
    moved++
  }
  return outcomePlan(change.changes(), `Move ${describe(named)} to the Trash`, moved)
}

export function planRestore(ctx: OrganizeContext, items: TrashItems): Plan<ChangeOutcome> {
  const { records, at } = ctx
  const named = requireItems(records, items)
  const change = new ChangeBuilder(records)
  const attached = notesOfPapers(records)
  let restored = 0

  const restorePaper = (paper: Paper): void => {
    const trashedAt = paper.trashedAt
    if (trashedAt === undefined) return
    change.put('papers', without(paper, 'trashedAt'))
    for (const note of attached.get(paper.id) ?? []) {
      if (note.trashedAt === trashedAt) change.put('notes', without(note, 'trashedAt'))
    }
  }

  for (const paper of named.papers) {
    if (paper.trashedAt === undefined) continue
    restorePaper(paper)
    restored++
  }

  for (const given of named.notes) {
    const note = change.get('notes', given.id)
    if (note === undefined || note.trashedAt === undefined) continue
    restored++
    // A note comes back with its paper, as in Zotero.
    const paper = note.paperId === undefined ? undefined : change.get('papers', note.paperId)
    if (paper !== undefined && paper.trashedAt !== undefined) restorePaper(paper)
    const again = change.get('notes', note.id)
    if (again === undefined || again.trashedAt === undefined) continue
    // The paper got a new note meanwhile: keep one note, with both texts.
    const live =
      note.paperId === undefined
        ? undefined
        : (attached.get(note.paperId) ?? [])
            .map((other) => change.get('notes', other.id))
            .find((other) => other !== undefined && other.id !== note.id && !other.trashedAt)
    if (live === undefined) {
      change.put('notes', without(note, 'trashedAt'))
    } else {
      const body = [live.body.trimEnd(), note.body.trim()]
        .filter((text) => text !== '')
        .join('\n\n')
      change.put('notes', { ...live, body, updatedAt: at })
      change.remove('notes', note.id)
    }
  }

  for (const collection of named.collections) {
    const current = change.get('collections', collection.id)
    if (current === undefined || current.trashedAt === undefined) continue
    const trashedAt = current.trashedAt
    for (const member of descendantsOf(records, current.id)) {
      if (member.trashedAt === trashedAt) change.put('collections', without(member, 'trashedAt'))
    }
    let back: Collection = without(current, 'trashedAt')
    const parent =
      back.parentId === undefined ? undefined : change.get('collections', back.parentId)
    if (back.parentId !== undefined && (parent === undefined || parent.trashedAt !== undefined)) {
      // Its parent is gone or still in the Trash: it comes back at the top level.
      const top = liveChildren(records, undefined)
      back = without(back, 'parentId')
      back.position = top.length === 0 ? 0 : Math.max(...top.map((c) => c.position)) + 1
    }
    if (siblingNamed(records, back.parentId, back.name, back.id) !== undefined) {
      back = { ...back, name: `${back.name} (restored)`, updatedAt: at }
    }
    change.put('collections', back)
    restored++
  }
  return outcomePlan(change.changes(), `Restore ${describe(named)}`, restored)
}

/**
 * Deletes trashed things for good: a paper with its notes, manual links and
 * memberships; a collection with its subcollections (their papers stay).
 */
export function planDeleteForever(ctx: OrganizeContext, items: TrashItems): Plan<ChangeOutcome> {
  const { records, at } = ctx
  const named = requireItems(records, items)
  const live = [...named.papers, ...named.notes, ...named.collections].find(
    (item) => item.trashedAt === undefined,
  )
  if (live !== undefined) {
    const name = 'name' in live ? live.name : live.title
    throw new BadInputError(`${quoted(name)} is not in the Trash; move it there first`)
  }
  const change = new ChangeBuilder(records)
  const attached = notesOfPapers(records)
  const deletedPapers = new Set(named.papers.map((paper) => paper.id))
  for (const paper of named.papers) {
    change.remove('papers', paper.id)
    for (const note of attached.get(paper.id) ?? []) change.remove('notes', note.id)
  }
  for (const note of named.notes) change.remove('notes', note.id)
  for (const collection of named.collections) {
    change.remove('collections', collection.id)
    for (const member of descendantsOf(records, collection.id)) {
      change.remove('collections', member.id)
    }
  }
  if (deletedPapers.size > 0) {
    for (const relation of records.relations.values()) {
      if (deletedPapers.has(relation.fromId) || deletedPapers.has(relation.toId)) {
        change.remove('relations', relation.id)
      }
    }
    for (const collection of records.collections.values()) {
      if (!collection.paperIds.some((id) => deletedPapers.has(id))) continue
      const current = change.get('collections', collection.id)
      if (current === undefined) continue // deleted above
      const paperIds = current.paperIds.filter((id) => !deletedPapers.has(id))
      change.put('collections', { ...current, paperIds, updatedAt: at })
    }
  }
  const total = named.papers.length + named.notes.length + named.collections.length
  return outcomePlan(change.changes(), `Delete ${describe(named)} for good`, total)
}

/** Everything in the Trash, deleted for good. */
export function planEmptyTrash(ctx: OrganizeContext): Plan<ChangeOutcome> {
  const items: Required<TrashItems> = { paperIds: [], noteIds: [], collectionIds: [] }
  for (const paper of ctx.records.papers.values()) {
    if (paper.trashedAt !== undefined) items.paperIds.push(paper.id)
  }
  // What travels with a trashed paper or collection is deleted with it.
  for (const note of ctx.records.notes.values()) {
    if (isLooseTrashedNote(ctx.records, note)) items.noteIds.push(note.id)
  }
  for (const collection of ctx.records.collections.values()) {
    if (isTrashTop(ctx.records, collection)) items.collectionIds.push(collection.id)
  }
  const plan = planDeleteForever(ctx, items)
  return outcomePlan(plan.changes, 'Empty the Trash', plan.result.changed)
}

/** A trashed collection whose parent was not trashed with it: the top of what was trashed. */
function isTrashTop(records: LibraryRecords, collection: Collection): boolean {
  if (collection.trashedAt === undefined) return false
  const parent =
    collection.parentId === undefined ? undefined : records.collections.get(collection.parentId)
  return parent === undefined || parent.trashedAt !== collection.trashedAt
}

/** A trashed note that is in the Trash on its own, not with its trashed paper. */
function isLooseTrashedNote(records: LibraryRecords, note: Note): boolean {
  if (note.trashedAt === undefined) return false
  const paper = note.paperId === undefined ? undefined : records.papers.get(note.paperId)
  return paper === undefined || paper.trashedAt !== note.trashedAt
}

/** Collections and notes in the Trash on their own, most recently trashed first. */
export function trashContents(records: LibraryRecords): TrashContents {
  const collections = [...records.collections.values()]
    .filter((collection) => isTrashTop(records, collection))
    .map((collection) => ({
      id: collection.id,
      name: collection.name,
      path: collectionPath(collection, (id) => records.collections.get(id)),
      trashedAt: collection.trashedAt ?? '',
      paperCount: collection.paperIds.length,
      subcollectionCount: descendantsOf(records, collection.id).length,
    }))
  const notes = [...records.notes.values()]
    .filter((note) => isLooseTrashedNote(records, note))
    .map((note) => ({
      id: note.id,
      title: note.title,
      ...(note.paperId === undefined ? {} : { paperId: note.paperId }),
      trashedAt: note.trashedAt ?? '',
      excerpt: note.body.replace(/\s+/g, ' ').trim().slice(0, EXCERPT_CHARS),
    }))
  const newestFirst = (a: { trashedAt: string }, b: { trashedAt: string }): number =>
    a.trashedAt < b.trashedAt ? 1 : a.trashedAt > b.trashedAt ? -1 : 0
  return { collections: collections.sort(newestFirst), notes: notes.sort(newestFirst) }
}

/**
 * What the sidebar counts in the Trash: the trashed papers (counted by the
 * caller, which passes over the papers anyway), and collections and notes
 * trashed on their own.
 */
export function trashCount(records: LibraryRecords, trashedPapers: number): number {
  let total = trashedPapers
  for (const collection of records.collections.values()) {
    if (isTrashTop(records, collection)) total++
  }
  for (const note of records.notes.values()) if (isLooseTrashedNote(records, note)) total++
  return total
}
