// `offprint export-note NOTE_ID --out FILE [--render] [--style NAME]`: a note
// as a document. Without --render, FILE is markdown whose citations stay in
// pandoc syntax and references.bib beside it holds exactly the cited papers
// (`pandoc --citeproc FILE` formats them); with --render, the citations and
// the References are formatted in the style (FILE ending in .html: HTML).
// `export-note --collection NAME --out DIR`: the notes of a collection's
// papers, one document each, in the folder DIR (with one references.bib).
import { mkdir } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { ApiArgs } from '../../../shared/api'
import { messageOf } from '../../core/kernel/errors'
import { writeTextDurably } from '../../core/store/durableJsonFile'
import type { Command, CommandLine } from '../commandLine'
import { CommandError, UsageError } from '../errors'
import type { Session } from '../session'
import { withExistingLibrary } from '../session'
import { oneOperand } from './operands'

type NoteScope = ApiArgs<'exportNotes'>['scope']

export const exportNoteCommand: Command = async (line, io) => {
  const { out, collection } = line
  const noteId = collection === undefined ? oneOperand(line, 'export-note', 'id') : undefined
  if (out === undefined)
    throw new UsageError('export-note needs --out FILE (a folder with --collection)')
  const html = collection === undefined && /\.html?$/i.test(out)
  const rendering = !line.render ? 'pandoc' : html ? 'html' : 'markdown'
  return withExistingLibrary(line, io, async (session) => {
    const scope: NoteScope =
      noteId === undefined ? await collectionScope(session, line) : { kind: 'note', noteId }
    const result = await session.call('exportNotes', {
      scope,
      rendering,
      ...(line.style === undefined ? {} : { style: line.style }),
    })
    const target = resolve(out)
    try {
      if (scope.kind === 'note') {
        const [document, ...others] = result.files
        await writeTextDurably(target, document?.text ?? '')
        for (const file of others)
          await writeTextDurably(join(dirname(target), file.path), file.text)
      } else {
        await mkdir(target, { recursive: true })
        for (const file of result.files) await writeTextDurably(join(target, file.path), file.text)
      }
    } catch (error) {
      throw new CommandError(`cannot write ${out}: ${messageOf(error)}`)
    }
    const papers = `${result.citedCount} cited ${result.citedCount === 1 ? 'paper' : 'papers'}`
    if (scope.kind === 'note') {
      const bib =
        result.files.length > 1
          ? ` and ${result.files
              .slice(1)
              .map((f) => f.path)
              .join(', ')}`
          : ''
      io.out(`Exported the note to ${out}${bib} (${papers})`)
    } else {
      io.out(`Exported ${result.files.length} files to ${out} (${papers})`)
    }
    for (const key of result.missing) io.err(`offprint: warning: no paper has the key "${key}"`)
    return 0
  })
}

async function collectionScope(session: Session, line: CommandLine): Promise<NoteScope> {
  const choices = await session.call('listExportCollections', {})
  const match = choices.filter((choice) => choice.name === line.collection)
  if (match.length !== 1) {
    throw new CommandError(
      match.length === 0
        ? `no collection named "${line.collection ?? ''}"`
        : `${match.length} collections are named "${line.collection ?? ''}"`,
    )
  }
  return { kind: 'collection', collectionId: match[0]?.id ?? '' }
}
