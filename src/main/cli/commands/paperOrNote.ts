// Commands whose ID names a paper or a note (backlinks, graph): the paper is
// asked for first, then the note; neither is one error that names the id.
import type { ApiResponse } from '../../../shared/api'
import { CommandError } from '../errors'

export async function forPaperOrNote<T>(
  id: string,
  ask: (kind: 'paper' | 'note') => Promise<ApiResponse<T>>,
): Promise<T> {
  const asPaper = await ask('paper')
  const response = !asPaper.ok && asPaper.error.code === 'not-found' ? await ask('note') : asPaper
  if (!response.ok) {
    throw new CommandError(
      response.error.code === 'not-found'
        ? `no paper or note with id "${id}" in this library`
        : response.error.message,
    )
  }
  return response.value
}
