// `offprint add-to-collection NAME ID...`: files papers in a collection,
// creating it (and its parents) when it does not exist.
import { count } from '../../../shared/text/count'
import type { Command } from '../commandLine'
import { CommandError, UsageError } from '../errors'
import type { CliIo } from '../io'
import { withExistingLibrary } from '../session'
import type { Session } from '../session'
import { collectionEntries, shownPath } from './collectionPaths'
import type { CollectionEntry } from './collectionPaths'

export const addToCollectionCommand: Command = async (line, io) => {
  const [name, ...ids] = line.operands
  if (name === undefined || ids.length === 0) {
    throw new UsageError('usage: offprint add-to-collection NAME ID... --library DIR')
  }
  return withExistingLibrary(line, io, async (session) => {
    // Unknown ids fail here, before any collection is created.
    await session.call('summarizeSelection', { paperIds: ids })
    const collection = await resolveOrCreate(session, name, io)
    const outcome = await session.call('addToCollection', {
      collectionId: collection.id,
      paperIds: ids,
    })
    const present = new Set(ids).size - outcome.changed
    io.out(
      `Added ${count(outcome.changed, 'paper')} to "${shownPath(collection.path)}"` +
        (present > 0 ? ` (${count(present, 'paper')} already there)` : ''),
    )
    return 0
  })
}

/** The id of the collection `--collection NAME` names (created when missing), if given. */
export async function collectionOption(
  session: Session,
  name: string | undefined,
  io: CliIo,
): Promise<{ collectionId: string } | Record<string, never>> {
  return name === undefined ? {} : { collectionId: (await resolveOrCreate(session, name, io)).id }
}

const fold = (name: string): string => name.normalize('NFC').toLowerCase().trim()

/**
 * The collection NAME means: one literally named so, else the path "A/B"
 * from the top level, else the only collection of that name anywhere. What
 * does not exist yet is created, like `mkdir -p`.
 */
async function resolveOrCreate(
  session: Session,
  name: string,
  io: CliIo,
): Promise<CollectionEntry> {
  const entries = await collectionEntries(session)
  const named = entries.filter((entry) => fold(entry.name) === fold(name))
  const [only] = named
  if (named.length === 1 && only !== undefined) return only
  const parts = name
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part !== '')
  if (parts.length === 0) throw new UsageError('the collection name is empty')
  if (parts.length === 1 && named.length > 1) {
    const paths = named.map((entry) => `"${shownPath(entry.path)}"`).join(', ')
    throw new CommandError(`several collections are named "${name}" (${paths}): give its path`)
  }
  let parent: CollectionEntry | undefined
  for (const [depth, part] of parts.entries()) {
    const existing = entries.find(
      (entry) => entry.parentId === parent?.id && fold(entry.name) === fold(part),
    )
    if (existing !== undefined) {
      parent = existing
      continue
    }
    const created = await session.call('createCollection', {
      name: part,
      ...(parent === undefined ? {} : { parentId: parent.id }),
    })
    const path = [...parts.slice(0, depth), created.name]
    io.out(`Created collection "${shownPath(path)}"`)
    parent = { ...created, path, paperCount: 0 }
  }
  if (parent === undefined) throw new UsageError('the collection name is empty')
  return parent
}
