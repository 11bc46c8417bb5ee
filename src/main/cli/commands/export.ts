// `offprint export --format F --out PATH [--collection NAME]`: the same export
// as File > Export…, written straight to a file (or, for a Markdown vault, a
// folder of files), each durably.
import { mkdir } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { ApiArgs, ApiResults } from '../../../shared/api'
import { messageOf } from '../../core/kernel/errors'
import { writeTextDurably } from '../../core/store/durableJsonFile'
import type { Command, CommandLine } from '../commandLine'
import { CommandError, UsageError } from '../errors'
import { withExistingLibrary } from '../session'
import type { Session } from '../session'
import { noOperands } from './operands'

type ExportScope = ApiArgs<'exportPapers'>['scope']

export const exportCommand: Command = async (line, io) => {
  noOperands(line, 'export', 'file')
  const { format, out } = line
  if (format === undefined || out === undefined) {
    throw new UsageError('export needs --format bibtex|csl-json|ris|markdown and --out PATH')
  }
  return withExistingLibrary(line, io, async (session) => {
    const scope = await scopeOf(session, line)
    const result = await session.call('exportPapers', { format, scope })
    await writeExport(result, format === 'markdown', out)
    const what = format === 'markdown' ? `${result.files.length} files in ${out}` : out
    io.out(
      `Exported ${result.paperCount} ${result.paperCount === 1 ? 'paper' : 'papers'} to ${what}`,
    )
    return 0
  })
}

/** The whole library, or the one collection --collection names. */
async function scopeOf(session: Session, line: CommandLine): Promise<ExportScope> {
  const { collection } = line
  if (collection === undefined) return { kind: 'library' }
  const choices = await session.call('listExportCollections', {})
  const match = choices.filter((choice) => choice.name === collection)
  if (match.length === 0) {
    const names = [...new Set(choices.map((choice) => choice.name))].join(', ') || 'none'
    throw new CommandError(`no collection named "${collection}" (collections: ${names})`)
  }
  if (match.length > 1) {
    throw new CommandError(`${match.length} collections are named "${collection}"`)
  }
  return {
    kind: 'collection',
    collectionId: match[0]?.id ?? '',
    includeSubcollections: line.subcollections,
  }
}

/** One file at `out`, or (a vault) each file under the folder `out`. */
async function writeExport(
  result: ApiResults['exportPapers'],
  vault: boolean,
  out: string,
): Promise<void> {
  const target = resolve(out)
  try {
    if (vault) {
      for (const file of result.files) {
        const path = join(target, ...file.path.split('/'))
        await mkdir(dirname(path), { recursive: true })
        await writeTextDurably(path, file.text)
      }
    } else {
      await writeTextDurably(target, result.files[0]?.text ?? '')
    }
  } catch (error) {
    throw new CommandError(`cannot write ${out}: ${messageOf(error)}`)
  }
}
