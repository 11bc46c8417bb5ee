// `offprint backlinks ID [--json]`: the notes linking to a paper or a note,
// each with the sentences that hold the link.
import type { Backlink } from '../../../shared/model'
import type { Command } from '../commandLine'
import { oneLine, printJsonOrLines } from '../io'
import { withExistingLibrary } from '../session'
import { oneOperand } from './operands'
import { forPaperOrNote } from './paperOrNote'

export const backlinksCommand: Command = async (line, io) => {
  const id = oneOperand(line, 'backlinks', 'id')
  return withExistingLibrary(line, io, async (session) => {
    const backlinks = await forPaperOrNote(id, (kind) =>
      session.request('getBacklinks', { kind, id }),
    )
    printJsonOrLines(io, line.json, backlinks, formatBacklink)
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
