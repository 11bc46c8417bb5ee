// `offprint backlinks ID [--json]`: the notes linking to a paper or a note,
// each with the sentences that hold the link.
import type { Backlink } from '../../../shared/model'
import type { Command } from '../commandLine'
import { CommandError } from '../errors'
import { oneLine, printJsonOrLines } from '../io'
import { withExistingLibrary } from '../session'
import { oneOperand } from './operands'

export const backlinksCommand: Command = async (line, io) => {
  const id = oneOperand(line, 'backlinks', 'id')
  return withExistingLibrary(line, io, async (session) => {
    // The id names a paper or a note: ask for the paper first.
    const asPaper = await session.request('getBacklinks', { kind: 'paper', id })
    const response =
      !asPaper.ok && asPaper.error.code === 'not-found'
        ? await session.request('getBacklinks', { kind: 'note', id })
        : asPaper
    if (!response.ok) {
      throw new CommandError(
        response.error.code === 'not-found'
          ? `no paper or note with id "${id}" in this library`
          : response.error.message,
      )
    }
    printJsonOrLines(io, line.json, response.value, formatBacklink)
    return 0
  })
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
