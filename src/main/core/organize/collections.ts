// Collections: create, rename, nest and reorder, and filing papers in them.
// A collection is a named list of paper ids inside a tree; a paper can be in
// any number of them and leaving one never deletes the paper. Sibling names
// are unique (ignoring case), so a path like "Tool learning/Retrieval" names
// exactly one collection (the CLI relies on that).
import type { Collection, CollectionRef } from '../../../shared/model'
import { bySiblingOrder, collectionPath } from '../../../shared/model'
import { BadInputError, NotFoundError } from '../kernel/errors'
import type { LibraryRecords } from '../store/libraryStore'
import { count } from '../../../shared/text/count'
import { outcomePlan, quoted, requirePapers, uniqueIds, without } from './plan'
import type { OrganizeContext, Plan } from './plan'
import type { ChangeOutcome } from '../../../shared/model'

/** Whitespace tidied; an empty name is refused. */
export function cleanCollectionName(raw: string): string {
  const name = raw.replace(/\s+/g, ' ').trim()
  if (name === '') throw new BadInputError('A collection needs a name')
  return name
}

function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase()
}

export function requireCollection(records: LibraryRecords, id: string): Collection {
  const collection = records.collections.get(id)
  if (collection === undefined) {
    throw new NotFoundError(`No collection with id "${id}" in this library`)
  }
  return collection
}

/** A collection that is not in the Trash (only those can be changed or filed into). */
export function requireLiveCollection(records: LibraryRecords, id: string): Collection {
  const collection = requireCollection(records, id)
  if (collection.trashedAt !== undefined) {
    throw new BadInputError(
      `The collection ${quoted(collection.name)} is in the Trash; restore it first`,
    )
  }
  return collection
}

/** Collections outside the Trash. */
export function liveCollections(records: LibraryRecords): Collection[] {
  const live: Collection[] = []
  for (const collection of records.collections.values()) {
    if (collection.trashedAt === undefined) live.push(collection)
  }
  return live
}

/** The parent as the tree shows it: absent when it is missing or in the Trash. */
export function liveParentId(records: LibraryRecords, collection: Collection): string | undefined {
  if (collection.parentId === undefined) return undefined
  const parent = records.collections.get(collection.parentId)
  return parent !== undefined && parent.trashedAt === undefined ? parent.id : undefined
}

/** Parent id (undefined: the top level) → its live children, in their order. */
export function liveTree(records: LibraryRecords): Map<string | undefined, Collection[]> {
  const tree = new Map<string | undefined, Collection[]>()
  for (const collection of liveCollections(records)) {
    const parentId = liveParentId(records, collection)
    const siblings = tree.get(parentId) ?? []
    siblings.push(collection)
    tree.set(parentId, siblings)
  }
  for (const siblings of tree.values()) siblings.sort(bySiblingOrder)
  return tree
}

/** The live children of `parentId` (undefined: the top level), in their order. */
export function liveChildren(records: LibraryRecords, parentId: string | undefined): Collection[] {
  return liveTree(records).get(parentId) ?? []
}

/** Every collection below `id`, at any depth, trashed or not. */
export function descendantsOf(records: LibraryRecords, id: string): Collection[] {
  const children = new Map<string, Collection[]>()
  for (const collection of records.collections.values()) {
    if (collection.parentId === undefined) continue
    const siblings = children.get(collection.parentId) ?? []
    siblings.push(collection)
    children.set(collection.parentId, siblings)
  }
  const found: Collection[] = []
  const seen = new Set<string>([id])
  const queue = [id]
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      if (seen.has(child.id)) continue // a damaged file could hold a loop
      seen.add(child.id)
      found.push(child)
      queue.push(child.id)
    }
  }
  return found
}

export function collectionRef(records: LibraryRecords, collection: Collection): CollectionRef {
  const path = collectionPath(collection, (id) => records.collections.get(id))
  return { id: collection.id, name: collection.name, path }
}

/** The live collections holding `paperId`, ordered by path. */
export function collectionsOfPaper(records: LibraryRecords, paperId: string): CollectionRef[] {
  return liveCollections(records)
    .filter((collection) => collection.paperIds.includes(paperId))
    .map((collection) => collectionRef(records, collection))
    .sort((a, b) => a.path.join('\u0000').localeCompare(b.path.join('\u0000')))
}

/** A live sibling under `parentId` already called `name`, other than `exceptId`. */
export function siblingNamed(
  records: LibraryRecords,
  parentId: string | undefined,
  name: string,
  exceptId?: string,
): Collection | undefined {
  const folded = foldName(name)
  return liveChildren(records, parentId).find(
    (sibling) => sibling.id !== exceptId && foldName(sibling.name) === folded,
  )
}

function assertNameFree(
  records: LibraryRecords,
  parentId: string | undefined,
  name: string,
  exceptId?: string,
): void {
  if (siblingNamed(records, parentId, name, exceptId) === undefined) return
  const where =
    parentId === undefined
      ? 'at the top level'
      : `in ${quoted(requireCollection(records, parentId).name)}`
  throw new BadInputError(`There is already a collection named ${quoted(name)} ${where}`)
}

function nextPosition(records: LibraryRecords, parentId: string | undefined): number {
  const siblings = liveChildren(records, parentId)
  return siblings.length === 0 ? 0 : Math.max(...siblings.map((s) => s.position)) + 1
}

export function planCreateCollection(
  ctx: OrganizeContext,
  args: { name: string; parentId?: string | undefined; paperIds?: readonly string[] | undefined },
): Plan<Collection> {
  const { records, at } = ctx
  const name = cleanCollectionName(args.name)
  const parent =
    args.parentId === undefined ? undefined : requireLiveCollection(records, args.parentId)
  assertNameFree(records, parent?.id, name)
  const paperIds = requirePapers(records, args.paperIds ?? []).map((paper) => paper.id)
  const collection: Collection = {
    id: ctx.newId(),
    name,
    ...(parent === undefined ? {} : { parentId: parent.id }),
    position: nextPosition(records, parent?.id),
    paperIds,
    createdAt: at,
    updatedAt: at,
  }
  const label =
    paperIds.length === 0
      ? `New collection ${quoted(name)}`
      : `New collection ${quoted(name)} with ${count(paperIds.length, 'paper')}`
  return { changes: { collections: { put: [collection] } }, label, result: collection }
}

export function planRenameCollection(
  ctx: OrganizeContext,
  id: string,
  rawName: string,
): Plan<ChangeOutcome> {
  const collection = requireLiveCollection(ctx.records, id)
  const name = cleanCollectionName(rawName)
  const label = `Rename ${quoted(collection.name)} to ${quoted(name)}`
  if (name === collection.name) return outcomePlan({}, label, 0)
  assertNameFree(ctx.records, liveParentId(ctx.records, collection), name, id)
  const renamed: Collection = { ...collection, name, updatedAt: ctx.at }
  return outcomePlan({ collections: { put: [renamed] } }, label, 1)
}

/**
 * Puts collection `id` under `parentId` (null: the top level) at `index` among
 * its new siblings (default: last). Nesting a collection inside itself or one
 * of its own subcollections is refused.
 */
export function planMoveCollection(
  ctx: OrganizeContext,
  id: string,
  parentId: string | null,
  index: number | undefined,
): Plan<ChangeOutcome> {
  const { records, at } = ctx
  const collection = requireLiveCollection(records, id)
  const parent = parentId === null ? undefined : requireLiveCollection(records, parentId)
  if (parent !== undefined) {
    if (parent.id === id) {
      throw new BadInputError(`Cannot move ${quoted(collection.name)} into itself`)
    }
    if (descendantsOf(records, id).some((descendant) => descendant.id === parent.id)) {
      throw new BadInputError(
        `Cannot move ${quoted(collection.name)} into its own subcollection ${quoted(parent.name)}`,
      )
    }
  }
  const oldParentId = liveParentId(records, collection)
  const reparented = oldParentId !== parent?.id
  if (reparented) assertNameFree(records, parent?.id, collection.name, id)

  const siblings = liveChildren(records, parent?.id).filter((sibling) => sibling.id !== id)
  const insertAt = Math.min(index ?? siblings.length, siblings.length)
  const moved: Collection = without(collection, 'parentId')
  if (parent !== undefined) moved.parentId = parent.id
  siblings.splice(insertAt, 0, moved)

  const put: Collection[] = []
  siblings.forEach((sibling, position) => {
    const original = records.collections.get(sibling.id)
    const changed =
      sibling === moved
        ? reparented || collection.position !== position || collection.parentId !== moved.parentId
        : sibling.position !== position
    if (changed && original !== undefined) {
      put.push({ ...(sibling === moved ? moved : original), position, updatedAt: at })
    }
  })
  const label = !reparented
    ? `Reorder ${quoted(collection.name)}`
    : parent === undefined
      ? `Move ${quoted(collection.name)} to the top level`
      : `Move ${quoted(collection.name)} into ${quoted(parent.name)}`
  return outcomePlan(
    put.length === 0 ? {} : { collections: { put } },
    label,
    put.length === 0 ? 0 : 1,
  )
}

export function planAddToCollection(
  ctx: OrganizeContext,
  collectionId: string,
  paperIds: readonly string[],
): Plan<ChangeOutcome> {
  const collection = requireLiveCollection(ctx.records, collectionId)
  const papers = requirePapers(ctx.records, paperIds)
  const present = new Set(collection.paperIds)
  const added = papers.map((paper) => paper.id).filter((paperId) => !present.has(paperId))
  const label = `Add ${count(papers.length, 'paper')} to ${quoted(collection.name)}`
  if (added.length === 0) return outcomePlan({}, label, 0)
  const updated: Collection = {
    ...collection,
    paperIds: [...collection.paperIds, ...added],
    updatedAt: ctx.at,
  }
  return outcomePlan({ collections: { put: [updated] } }, label, added.length)
}

export function planRemoveFromCollection(
  ctx: OrganizeContext,
  collectionId: string,
  paperIds: readonly string[],
): Plan<ChangeOutcome> {
  const collection = requireLiveCollection(ctx.records, collectionId)
  const removing = new Set(requirePapers(ctx.records, uniqueIds(paperIds)).map((p) => p.id))
  const kept = collection.paperIds.filter((paperId) => !removing.has(paperId))
  const removed = collection.paperIds.length - kept.length
  const label = `Remove ${count(removing.size, 'paper')} from ${quoted(collection.name)}`
  if (removed === 0) return outcomePlan({}, label, 0)
  const updated: Collection = { ...collection, paperIds: kept, updatedAt: ctx.at }
  return outcomePlan({ collections: { put: [updated] } }, label, removed)
}
