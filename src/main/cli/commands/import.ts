// `offprint import FILE`: reads the file and imports it in one step, like a
// file dropped on the window; creates the library when there is none yet.
import { readFile, stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { MAX_IMPORT_CHARS } from '../../../shared/api/schemas'
import { IMPORT_FORMAT_NAMES } from '../../../shared/model'
import type { ImportReport } from '../../../shared/model'
import { messageOf } from '../../core/kernel/errors'
import type { Command } from '../commandLine'
import { CommandError } from '../errors'
import { oneLine } from '../io'
import { libraryDirOf, withLibrary } from '../session'
import { oneOperand } from './operands'

export const importCommand: Command = async (line, io) => {
  const file = oneOperand(line, 'import', 'file')
  const dir = libraryDirOf(line, io)
  const text = await readTextFile(file)
  return withLibrary(dir, io, async (session) => {
    const report = await session.call('importText', { text, fileName: basename(file) })
    for (const reportLine of formatImportReport(report)) io.out(reportLine)
    return 0
  })
}

export function formatImportReport(report: ImportReport): string[] {
  const name = report.fileName ?? 'text'
  const lines = [
    `Imported ${name}: ${report.added} added, ${report.alreadyPresent} already present, ` +
      `${report.skipped.length} skipped`,
  ]
  if (report.updated > 0) {
    lines.push(`  ${report.updated} already present gained details from the file`)
  }
  if (report.queued > 0) {
    lines.push(
      `  ${report.queued} identifiers could not be looked up now and wait in the lookup queue`,
    )
  }
  for (const { key, into } of report.mergedKeys ?? []) {
    lines.push(`  ${key}: merged into ${into} (an alias of it; exports still cite ${key})`)
  }
  lines.push(...report.skipped.map((entry) => `  line ${entry.line}: ${oneLine(entry.reason)}`))
  lines.push(
    ...(report.partial ?? []).map(
      (entry) => `  line ${entry.line}: imported incomplete: ${oneLine(entry.reason)}`,
    ),
  )
  lines.push(`  read as ${IMPORT_FORMAT_NAMES[report.format]}`)
  return lines
}

async function readTextFile(file: string): Promise<string> {
  const path = resolve(file)
  let bytes: Buffer
  try {
    // UTF-8 never takes fewer bytes than characters, so this bounds the text too.
    if ((await stat(path)).size > MAX_IMPORT_CHARS) {
      throw new CommandError(`${file} is too large to import (over ${MAX_IMPORT_CHARS} bytes)`)
    }
    bytes = await readFile(path)
  } catch (error) {
    if (error instanceof CommandError) throw error
    throw new CommandError(`cannot read ${file}: ${messageOf(error)}`)
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new CommandError(`${file} is not a text file (it is not valid UTF-8)`)
  }
}
