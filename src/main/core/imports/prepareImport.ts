// Step one of every import: read the text, and look up the identifiers it
// lists ("Reading entries", then "Looking up identifiers"), cancellable
// throughout. Nothing is written.
import type { QueuedIdentifier } from '../../../shared/model'
import { TaskCancelledError } from '../kernel/longTasks'
import type { RunningTask } from '../kernel/longTasks'
import type { IdentifierLookup } from '../lookup/identifierLookup'
import { parseFormattedIdentifier } from './identifiers'
import type { ParseControl, ParsedImport } from './parsedRecord'
import { ImportCancelledError } from './yieldingLoop'

/** What an import has read (and looked up), waiting to be written. */
export interface PreparedImport extends ParsedImport {
  fileName?: string
  /** Identifiers to put in the lookup queue (the lookup may work later). */
  queued: QueuedIdentifier[]
  /** Identifiers settled by this import (found, or known not to exist): off the queue. */
  resolved: string[]
}

export type ReadText = (control: ParseControl) => Promise<ParsedImport>

export async function prepareImport(
  task: RunningTask,
  fileName: string | undefined,
  read: ReadText,
  lookup: IdentifierLookup,
  now: () => Date,
): Promise<PreparedImport> {
  task.report('Reading entries', 0, 0)
  await task.checkpoint() // the window hears of the task before parsing starts
  try {
    const parsed = await read({
      signal: task.signal,
      onProgress: (done, total) => task.report('Reading entries', done, total),
      onEntries: (entries) => task.showEntries(entries),
    })
    const queued: QueuedIdentifier[] = []
    const resolved: string[] = []
    if (parsed.identifiers.length > 0) {
      const identifiers = parsed.identifiers.flatMap((text) => {
        const identifier = parseFormattedIdentifier(text)
        return identifier === undefined ? [] : [identifier]
      })
      task.report('Looking up identifiers', 0, identifiers.length)
      const result = await lookup.lookUp(identifiers, {
        signal: task.signal,
        onProgress: (done, total) => task.report('Looking up identifiers', done, total),
      })
      const at = now().toISOString()
      const lineOf = new Map(parsed.identifiers.map((id, index) => [id.toLowerCase(), index + 1]))
      parsed.records.push(
        ...result.records.map((record, index) => ({ ...record, line: 1, entry: index + 1 })),
      )
      for (const failure of result.failures) {
        if (failure.retry) {
          queued.push({ identifier: failure.identifier, queuedAt: at, reason: failure.reason })
        } else {
          resolved.push(failure.identifier)
          parsed.skipped.push({
            line: lineOf.get(failure.identifier.toLowerCase()) ?? 1,
            reason: `${failure.identifier}: ${failure.reason}`,
          })
        }
      }
      const failed = new Set(result.failures.map((failure) => failure.identifier))
      resolved.push(...parsed.identifiers.filter((id) => !failed.has(id)))
    }
    await task.checkpoint()
    return { ...parsed, queued, resolved, ...(fileName === undefined ? {} : { fileName }) }
  } catch (error) {
    if (error instanceof ImportCancelledError) {
      throw new TaskCancelledError(`${task.label}: cancelled`, { cause: error })
    }
    throw error
  }
}
