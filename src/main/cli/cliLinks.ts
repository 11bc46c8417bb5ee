// The CLI's linked-notes commands: `related ID` (the most similar papers) and
// `backlinks ID` (the notes linking to a paper or note, with their sentences).
import type { Backlink, RelatedPaper } from '../../shared/model'
import { callApi } from '../core/kernel/dispatch'
import { CommandError, UsageError, call, oneLine, withExistingLibrary } from './cliLibrary'
import type { CliIo, CommandLine } from './cliLibrary'

export async function relatedCommand(
  line: CommandLine,
  argv: string[],
  io: CliIo,
): Promise<number> {
  const id = singleId(line, 'related')
  return withExistingLibrary(argv, io, async (library) => {
    const args = line.limit === undefined ? { id } : { id, limit: line.limit }
    const related = await call(library, 'getRelatedPapers', args)
    if (line.json) io.out(JSON.stringify(related, null, 2))
    else for (const entry of related) io.out(formatRelatedLine(entry))
    return 0
  })
}

export async function backlinksCommand(
  line: CommandLine,
  argv: string[],
  io: CliIo,
): Promise<number> {
  const id = singleId(line, 'backlinks')
  return withExistingLibrary(argv, io, async (library) => {
    // The id names a paper or a note: ask for the paper first.
    const asPaper = await callApi(library.api, 'getBacklinks', { kind: 'paper', id })
    const response =
      !asPaper.ok && asPaper.error.code === 'not-found'
        ? await callApi(library.api, 'getBacklinks', { kind: 'note', id })
        : asPaper
    if (!response.ok) {
      throw new CommandError(
        response.error.code === 'not-found'
          ? `no paper or note with id "${id}" in this library`
          : response.error.message,
      )
    }
    if (line.json) io.out(JSON.stringify(response.value, null, 2))
    else
      for (const backlink of response.value)
        for (const text of formatBacklink(backlink)) io.out(text)
    return 0
  })
}

function singleId(line: CommandLine, command: string): string {
  const [id, ...extra] = line.operands
  if (id === undefined || extra.length > 0) {
    throw new UsageError(`${command} takes one id: offprint ${command} ID --library DIR`)
  }
  return id
}

/** "0.36  OXE-AugE: …  (id)": similarity, title, id. */
export function formatRelatedLine({ paper, score }: RelatedPaper): string {
  return `${score.toFixed(2)}  ${oneLine(paper.title)}  (${paper.id})`
}

/** The linking note's title and id, then each sentence with the link in brackets. */
export function formatBacklink(backlink: Backlink): string[] {
  const kind = backlink.paperId === undefined ? 'note' : 'paper note'
  return [
    `${oneLine(backlink.noteTitle)}  (${kind} ${backlink.noteId})`,
    ...backlink.contexts.map(
      (context) => `  ${oneLine(`${context.before}[${context.link}]${context.after}`)}`,
    ),
  ]
}
