// Long imports report progress and can be cancelled before they write.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TaskProgress } from '../../src/shared/model'
import { callApi } from '../../src/main/core/kernel/dispatch'
import { Library } from '../../src/main/core/library'
import { TaskCancelledError } from '../../src/main/core/kernel/longTasks'
import { syntheticListing } from '../support/syntheticListing'
import { folderSnapshot } from './support/libraryFolder'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-progress-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('import progress', () => {
  it('reports reading, then adding with a growing count, then saving, then finished', async () => {
    const library = await Library.open(dir)
    const events: TaskProgress[] = []
    library.onProgress((progress) => events.push(progress))
    const report = await library.api.importText({
      text: syntheticListing(2000),
      fileName: 'big.txt',
    })
    expect(report.added).toBe(2000)

    expect(new Set(events.map((event) => event.taskId)).size).toBe(1)
    expect(events.every((event) => event.kind === 'import')).toBe(true)
    expect(events.every((event) => event.label === 'Importing big.txt')).toBe(true)
    expect(events[0]).toMatchObject({ step: 'Reading entries', total: 0, state: 'running' })
    const adding = events.filter((event) => event.step === 'Adding papers')
    expect(adding.length).toBe(100) // one report per percent
    expect(adding.every((event) => event.total === 2000 && event.cancellable)).toBe(true)
    const counts = adding.map((event) => event.done)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
    expect(counts[0]).toBe(0)
    expect(counts.at(-1)).toBe(1980)
    expect(events.at(-2)).toMatchObject({ step: 'Saving', done: 2000, cancellable: false })
    expect(events.at(-1)).toMatchObject({ state: 'finished', cancellable: false })
    await library.close()
  })

  it('reports a failed import as failed', async () => {
    const library = await Library.open(dir)
    const events: TaskProgress[] = []
    library.onProgress((progress) => events.push(progress))
    await expect(library.api.importText({ text: 'not a listing' })).rejects.toThrow(
      'No papers found',
    )
    expect(events.at(-1)).toMatchObject({ state: 'failed', label: 'Importing the pasted text' })
    await library.close()
  })
})

describe('cancelling an import', () => {
  it('stops before the write: nothing is added and no file changes', async () => {
    const library = await Library.open(dir)
    await library.api.importText({ text: syntheticListing(10), fileName: 'first.txt' })
    await library.flush()
    const before = await folderSnapshot(dir)
    const events: TaskProgress[] = []
    let cancelled: Promise<boolean> | undefined
    library.onProgress((progress) => {
      events.push(progress)
      // Cancel once the import is a tenth of the way through, as a user's click would.
      if (cancelled === undefined && progress.step === 'Adding papers' && progress.done >= 300) {
        cancelled = library.api.cancelTask({ taskId: progress.taskId })
      }
    })
    const importing = library.api.importText({
      text: syntheticListing(3000, 'B '),
      fileName: 'b.txt',
    })
    await expect(importing).rejects.toBeInstanceOf(TaskCancelledError)
    expect(await cancelled).toBe(true)
    expect(events.at(-1)).toMatchObject({ state: 'cancelled' })
    expect(events.some((event) => event.step === 'Saving')).toBe(false)
    expect((await library.api.listPapers({ offset: 0, limit: 1 })).total).toBe(10)
    // Not a byte changed, not even the journal, and no temporary file left behind.
    expect(await folderSnapshot(dir)).toEqual(before)

    // The library works on: the same file imports in full afterwards.
    const again = await library.api.importText({
      text: syntheticListing(3000, 'B '),
      fileName: 'b.txt',
    })
    expect(again.added).toBe(3000)
    await library.close()
  })

  it('comes back to the API caller as a "cancelled" error', async () => {
    const library = await Library.open(dir)
    library.onProgress((progress) => {
      if (progress.step === 'Adding papers' && progress.done > 0) {
        void library.api.cancelTask({ taskId: progress.taskId })
      }
    })
    const response = await callApi(library.api, 'importText', { text: syntheticListing(500) })
    expect(response).toEqual({
      ok: false,
      error: { code: 'cancelled', message: 'Importing the pasted text: cancelled' },
    })
    await library.close()
  })

  it('cannot cancel once the import is saving, nor a task that has ended', async () => {
    const library = await Library.open(dir)
    const answers: boolean[] = []
    let taskId = ''
    library.onProgress((progress) => {
      taskId = progress.taskId
      if (progress.step === 'Saving' && progress.state === 'running') {
        void library.api.cancelTask({ taskId }).then((answer) => answers.push(answer))
      }
    })
    const report = await library.api.importText({ text: syntheticListing(50) })
    expect(report.added).toBe(50)
    expect(answers).toEqual([false])
    expect(await library.api.cancelTask({ taskId })).toBe(false)
    expect(await library.api.cancelTask({ taskId: 'no-such-task' })).toBe(false)
    await library.close()
  })
})
