// `offprint export --format F --out PATH [--collection NAME]`: the same export
// as File > Export…, written straight to a file (or, for a Markdown vault, a
// folder of files), each durably.
import { mkdir } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { CommandError, UsageError, call, withExistingLibrary } from './cliLibrary'
import type { CliIo, CommandLine } from './cliLibrary'
import { writeTextDurably } from '../core/store/durableJsonFile'
import { messageOf } from '../core/kernel/errors'
import type { Library } from '../core/library'

export async function exportCommand(line: CommandLine, argv: string[], io: CliIo): Promise<number> {
  if (line.operands.length > 0)
    throw new UsageError(`export takes no file (got "${line.operands[0]}")`)
  if (line.format === undefined || line.out === undefined) {
    throw new UsageError('export needs --format bibtex|csl-json|ris|markdown and --out PATH')
  }
  const { format, out, collection } = line
  return withExistingLibrary(argv, io, async (library) => {
    let scope: Parameters<Library['api']['exportPapers']>[0]['scope'] = { kind: 'library' }
    if (collection !== undefined) {
      const choices = await library.api.listExportCollections({})
      const match = choices.filter((choice) => choice.name === collection)
      if (match.length === 0) {
        const names = [...new Set(choices.map((choice) => choice.name))].join(', ') || 'none'
        throw new CommandError(`no collection named "${collection}" (collections: ${names})`)
      }
      if (match.length > 1)
        throw new CommandError(`${match.length} collections are named "${collection}"`)
      scope = {
        kind: 'collection',
        collectionId: match[0]?.id ?? '',
        includeSubcollections: line.subcollections,
      }
    }
    const result = await call(library, 'exportPapers', { format, scope })
    const target = resolve(out)
    try {
      if (format === 'markdown') {
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
    const what = format === 'markdown' ? `${result.files.length} files in ${out}` : out
    io.out(
      `Exported ${result.paperCount} ${result.paperCount === 1 ? 'paper' : 'papers'} to ${what}`,
    )
    return 0
  })
}
