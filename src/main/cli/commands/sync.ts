// `offprint sync status [--json]`, `offprint sync merge` and
// `offprint sync merge-file BASE OURS THEIRS PATH` (git's merge driver for a
// library folder: writes the merge of OURS and THEIRS into OURS).
import { readFile } from 'node:fs/promises'
import type { SyncStatus } from '../../../shared/model'
import { writeTextDurably } from '../../core/store/durableJsonFile'
import { mergeLibraryFile } from '../../core/store/mergeFiles'
import type { Command } from '../commandLine'
import { CommandError, UsageError } from '../errors'
import type { CliIo } from '../io'
import { oneLine, printJson } from '../io'
import { withExistingLibrary } from '../session'

const USAGE = 'sync takes status, merge or merge-file: offprint sync status --library DIR'

export const syncCommand: Command = async (line, io) => {
  const [action, ...rest] = line.operands
  if (action === 'merge-file') return mergeFile(rest, io)
  if ((action !== 'status' && action !== 'merge') || rest.length > 0) throw new UsageError(USAGE)
  return withExistingLibrary(line, io, async (session) => {
    const status = await session.call(action === 'merge' ? 'mergeSyncFolder' : 'getSyncStatus', {})
    if (line.json) printJson(io, status)
    else io.out(statusLines(status).join('\n'))
    return 0
  })
}

export function statusLines(status: SyncStatus): string[] {
  const lines = [
    `this device: ${status.device}`,
    `devices: ${status.devices.join(', ')}`,
    `last merge: ${status.lastMerge ?? 'never'}`,
    `conflict copies merged: ${status.conflictCopiesMerged}`,
    `notes merged line by line: ${status.notesMerged}`,
    `notes that need a look: ${status.conflicts.length}`,
  ]
  for (const conflict of status.conflicts) {
    lines.push(
      `  ${oneLine(conflict.title)}  (note ${conflict.noteId}: ${conflict.sides[0].device} / ${conflict.sides[1].device})`,
    )
  }
  return lines
}

async function mergeFile(operands: readonly string[], io: CliIo): Promise<number> {
  const [, ours, theirs, path] = operands
  if (operands.length !== 4 || ours === undefined || theirs === undefined || path === undefined) {
    throw new UsageError('sync merge-file takes BASE OURS THEIRS PATH (git passes %O %A %B %P)')
  }
  try {
    const merged = mergeLibraryFile(
      path,
      await readFile(ours, 'utf8'),
      await readFile(theirs, 'utf8'),
    )
    await writeTextDurably(ours, merged)
  } catch (error) {
    // Exit 1: git then leaves the file conflicted, as without a driver.
    io.err(
      `offprint: ${path} could not be merged: ${error instanceof Error ? error.message : String(error)}`,
    )
    throw new CommandError(`${path} left for git to mark as conflicted`)
  }
  return 0
}
