// `offprint related ID [--limit N] [--json]`: the papers most similar to a paper.
import type { RelatedPaper } from '../../../shared/model'
import type { Command } from '../commandLine'
import { oneLine, printJsonOrLines } from '../io'
import { withExistingLibrary } from '../session'
import { oneOperand } from './operands'

export const relatedCommand: Command = async (line, io) => {
  const id = oneOperand(line, 'related', 'id')
  return withExistingLibrary(line, io, async (session) => {
    const args = line.limit === undefined ? { id } : { id, limit: line.limit }
    const related = await session.call('getRelatedPapers', args)
    printJsonOrLines(io, line.json, related, formatRelatedLine)
    return 0
  })
}

/** "0.36  OXE-AugE: …  (id)": similarity, title, id. */
export function formatRelatedLine({ paper, score }: RelatedPaper): string {
  return `${score.toFixed(2)}  ${oneLine(paper.title)}  (${paper.id})`
}
