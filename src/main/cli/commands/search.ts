// `offprint search QUERY [--json]`: the papers matching QUERY in the app's
// query language, in the order the API ranks them (best match first).
import { MAX_QUERY_CHARS } from '../../../shared/api/limits'
import type { Command } from '../commandLine'
import { UsageError } from '../errors'
import { withExistingLibrary } from '../session'
import { printPapers } from './paperLines'

export const searchCommand: Command = async (line, io) => {
  // Several operands are one query: `offprint search tool retrieval` needs no quotes.
  const query = line.operands.join(' ')
  if (query.trim() === '') {
    throw new UsageError('search takes a query: offprint search QUERY --library DIR')
  }
  if (query.length > MAX_QUERY_CHARS) {
    throw new UsageError(`the query is too long (over ${MAX_QUERY_CHARS} characters)`)
  }
  return withExistingLibrary(line, io, async (session) => {
    // The PDFs' text is read in the background on opening: search covers it once read.
    await session.pdfTextReady()
    const ids = await session.call('listPaperIds', { sort: line.sort, query })
    await printPapers(session, ids, line, io)
    return 0
  })
}
