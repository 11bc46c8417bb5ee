// `offprint note ID [--set TEXT | --append TEXT]`: prints the note of paper ID
// (or the standalone note ID); --set replaces its text, --append adds TEXT on
// a line of its own. A write is acknowledged (durable) before the command exits.
import type { Note } from '../../../shared/model'
import type { Command } from '../commandLine'
import { CommandError, UsageError } from '../errors'
import type { Session } from '../session'
import { withExistingLibrary } from '../session'
import { oneOperand } from './operands'

/** The note's text with `more` on a line of its own after it. */
export function appendedText(body: string, more: string): string {
  if (body === '') return more
  return body.endsWith('\n') ? `${body}${more}` : `${body}\n${more}`
}

export const noteCommand: Command = async (line, io) => {
  const id = oneOperand(line, 'note', 'id')
  if (line.noteSet !== undefined && line.noteAppend !== undefined) {
    throw new UsageError('note takes --set or --append, not both')
  }
  return withExistingLibrary(line, io, async (session) => {
    const target = await noteTarget(session, id)
    const current = target.note?.body ?? ''
    const next =
      line.noteSet ??
      (line.noteAppend === undefined ? undefined : appendedText(current, line.noteAppend))
    if (next === undefined) {
      if (current !== '') io.out(current.endsWith('\n') ? current.slice(0, -1) : current)
      return 0
    }
    if (target.paperId !== undefined)
      await session.call('saveNote', { paperId: target.paperId, body: next })
    else await session.call('updateNote', { id, body: next })
    return 0
  })
}

/** A paper's note (absent until written) or a standalone note, by id. */
async function noteTarget(
  session: Session,
  id: string,
): Promise<{ paperId?: string; note: Note | null }> {
  const asPaper = await session.request('getNote', { paperId: id })
  if (asPaper.ok) return { paperId: id, note: asPaper.value }
  if (asPaper.error.code !== 'not-found') throw new CommandError(asPaper.error.message)
  const asNote = await session.request('getNoteById', { id })
  if (asNote.ok) return { note: asNote.value }
  throw new CommandError(
    asNote.error.code === 'not-found'
      ? `no paper or note with id "${id}" in this library`
      : asNote.error.message,
  )
}
