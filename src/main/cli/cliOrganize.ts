// The organizing commands of the CLI: `collections`, `add-to-collection` and
// `tag`, each one API call (or a few) through the validating dispatcher.
import type { CollectionNode } from '../../shared/model'
import { CommandError, UsageError, call, withExistingLibrary } from './cliLibrary'
import type { CliIo, CommandLine } from './cliLibrary'
import type { Library } from '../core/library'
import { count } from '../core/organize/plan'

/** A collection with the names of its ancestors, as the CLI prints and resolves it. */
interface CollectionEntry extends CollectionNode {
  path: string[]
}

async function collectionEntries(library: Library): Promise<CollectionEntry[]> {
  const nodes = (await call(library, 'getSidebar', {})).collections
  const byId = new Map(nodes.map((node) => [node.id, node]))
  return nodes.map((node) => {
    const path = [node.name]
    for (let parent = node.parentId; parent !== undefined; parent = byId.get(parent)?.parentId) {
      path.unshift(byId.get(parent)?.name ?? '')
    }
    return { ...node, path }
  })
}

const fold = (name: string): string => name.normalize('NFC').toLowerCase().trim()

function shownPath(path: readonly string[]): string {
  return path.join('/')
}

export async function collectionsCommand(
  line: CommandLine,
  argv: string[],
  io: CliIo,
): Promise<number> {
  if (line.operands.length > 0) {
    throw new UsageError(`collections takes no operand (got "${line.operands[0]}")`)
  }
  return withExistingLibrary(argv, io, async (library) => {
    const entries = await collectionEntries(library)
    if (line.json) {
      const withPapers = []
      for (const entry of entries) {
        const paperIds = await call(library, 'listPaperIds', {
          filter: { scope: { kind: 'collection', id: entry.id } },
        })
        withPapers.push({ ...entry, paperIds })
      }
      io.out(JSON.stringify(withPapers, null, 2))
    } else if (entries.length === 0) {
      io.out('No collections')
    } else {
      for (const entry of entries) {
        io.out(`${'  '.repeat(entry.path.length - 1)}${entry.name} (${entry.paperCount})`)
      }
    }
    return 0
  })
}

/**
 * The collection NAME means: one literally named so, else the path "A/B"
 * from the top level, else the only collection of that name anywhere. What
 * does not exist yet is created, like `mkdir -p`.
 */
async function resolveOrCreate(
  library: Library,
  name: string,
  io: CliIo,
): Promise<CollectionEntry> {
  const entries = await collectionEntries(library)
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
    const created = await call(library, 'createCollection', {
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

export async function addToCollectionCommand(
  line: CommandLine,
  argv: string[],
  io: CliIo,
): Promise<number> {
  const [name, ...ids] = line.operands
  if (name === undefined || ids.length === 0) {
    throw new UsageError('usage: offprint add-to-collection NAME ID... --library DIR')
  }
  return withExistingLibrary(argv, io, async (library) => {
    // Unknown ids fail here, before any collection is created.
    await call(library, 'summarizeSelection', { paperIds: ids })
    const collection = await resolveOrCreate(library, name, io)
    const outcome = await call(library, 'addToCollection', {
      collectionId: collection.id,
      paperIds: ids,
    })
    const present = new Set(ids).size - outcome.changed
    io.out(
      `Added ${papers(outcome.changed)} to "${shownPath(collection.path)}"` +
        (present > 0 ? ` (${papers(present)} already there)` : ''),
    )
    return 0
  })
}

export async function tagCommand(line: CommandLine, argv: string[], io: CliIo): Promise<number> {
  const ids = line.operands
  if (ids.length === 0 || line.addTags.length + line.removeTags.length === 0) {
    throw new UsageError('usage: offprint tag ID... --add TAG [--remove TAG] --library DIR')
  }
  return withExistingLibrary(argv, io, async (library) => {
    const outcome = await call(library, 'tagPapers', {
      paperIds: ids,
      add: line.addTags,
      remove: line.removeTags,
    })
    io.out(`${outcome.label}: ${papers(outcome.changed)} changed`)
    return 0
  })
}

function papers(n: number): string {
  return count(n, 'paper')
}
