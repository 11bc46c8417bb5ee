// `offprint tag ID... --add T --remove T`: adds and removes tags on papers.
import { count } from '../../../shared/text/count'
import type { Command } from '../commandLine'
import { UsageError } from '../errors'
import { withExistingLibrary } from '../session'

export const tagCommand: Command = async (line, io) => {
  const ids = line.operands
  if (ids.length === 0 || line.addTags.length + line.removeTags.length === 0) {
    throw new UsageError('usage: offprint tag ID... --add TAG [--remove TAG] --library DIR')
  }
  return withExistingLibrary(line, io, async (session) => {
    const outcome = await session.call('tagPapers', {
      paperIds: ids,
      add: line.addTags,
      remove: line.removeTags,
    })
    io.out(`${outcome.label}: ${count(outcome.changed, 'paper')} changed`)
    return 0
  })
}
