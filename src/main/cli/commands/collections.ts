// `offprint collections [--json]`: the collections as a tree with their paper
// counts; as JSON each also with its path and its papers' ids.
import type { Command } from '../commandLine'
import { printJson } from '../io'
import { withExistingLibrary } from '../session'
import { collectionEntries } from './collectionPaths'
import { noOperands } from './operands'

export const collectionsCommand: Command = async (line, io) => {
  noOperands(line, 'collections', 'operand')
  return withExistingLibrary(line, io, async (session) => {
    const entries = await collectionEntries(session)
    if (line.json) {
      const withPapers = []
      for (const entry of entries) {
        const paperIds = await session.call('listPaperIds', {
          filter: { scope: { kind: 'collection', id: entry.id } },
        })
        withPapers.push({ ...entry, paperIds })
      }
      printJson(io, withPapers)
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
