// `offprint export-note NOTE_ID --out FILE [--render] [--style NAME]`: a note
// as a document. Without --render, FILE is markdown whose citations stay in
// pandoc syntax and references.bib beside it holds exactly the cited papers
// (`pandoc --citeproc FILE` formats them); with --render, the citations and
// the References are formatted in the style (FILE ending in .html: HTML).
import { dirname, join, resolve } from 'node:path'
import { messageOf } from '../../core/kernel/errors'
import { writeTextDurably } from '../../core/store/durableJsonFile'
import type { Command } from '../commandLine'
import { CommandError, UsageError } from '../errors'
import { withExistingLibrary } from '../session'
import { oneOperand } from './operands'

export const exportNoteCommand: Command = async (line, io) => {
  const noteId = oneOperand(line, 'export-note', 'id')
  const { out } = line
  if (out === undefined) throw new UsageError('export-note needs --out FILE')
  const rendering = !line.render ? 'pandoc' : /\.html?$/i.test(out) ? 'html' : 'markdown'
  return withExistingLibrary(line, io, async (session) => {
    const result = await session.call('exportNotes', {
      scope: { kind: 'note', noteId },
      rendering,
      ...(line.style === undefined ? {} : { style: line.style }),
    })
    const target = resolve(out)
    const [document, ...others] = result.files
    try {
      await writeTextDurably(target, document?.text ?? '')
      for (const file of others) await writeTextDurably(join(dirname(target), file.path), file.text)
    } catch (error) {
      throw new CommandError(`cannot write ${out}: ${messageOf(error)}`)
    }
    const papers = `${result.citedCount} cited ${result.citedCount === 1 ? 'paper' : 'papers'}`
    const bib = others.length > 0 ? ` and ${others.map((f) => f.path).join(', ')}` : ''
    io.out(`Exported the note to ${out}${bib} (${papers})`)
    for (const key of result.missing) io.err(`offprint: warning: no paper has the key "${key}"`)
    return 0
  })
}
