// `offprint list [--sort ORDER] [--json]`: every paper in the library.
import type { Command } from '../commandLine'
import { withExistingLibrary } from '../session'
import { noOperands } from './operands'
import { printPapers } from './paperLines'

export const listCommand: Command = async (line, io) => {
  noOperands(line, 'list', 'file')
  return withExistingLibrary(line, io, async (session) => {
    const ids = await session.call('listPaperIds', { sort: line.sort })
    await printPapers(session, ids, line, io)
    return 0
  })
}
