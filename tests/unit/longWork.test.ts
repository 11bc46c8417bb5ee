// Long work besides imports: exports and duplicate scans report progress and
// can be cancelled; a large library's search and similar-papers indexes are
// rebuilt as tasks the window shows, each ending with a summary.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TaskProgress } from '../../src/shared/model'
import { callApi } from '../../src/main/core/kernel/dispatch'
import { Library } from '../../src/main/core/library'
import { REINDEX_TASK_FROM } from '../../src/main/core/kernel/longTasks'
import { LongTasks } from '../../src/main/core/kernel/longTasks'
import { synthesize, writeSyntheticLibrary } from '../bench/syntheticLibrary'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-long-work-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A library of `count` synthetic papers, and every progress report from now on. */
async function openWith(count: number): Promise<{ library: Library; events: TaskProgress[] }> {
  await writeSyntheticLibrary(dir, synthesize(count))
  const library = await Library.open(dir)
  const events: TaskProgress[] = []
  library.onProgress((progress) => events.push(progress))
  return { library, events }
}

describe('an export', () => {
  it('reports how many papers it has written, then finishes', async () => {
    const { library, events } = await openWith(3000)
    const result = await library.api.exportPapers({ format: 'bibtex', scope: { kind: 'library' } })
    expect(result.paperCount).toBe(3000)
    expect(result.files[0]?.text.match(/^@/gm)).toHaveLength(3000)

    const ours = events.filter((event) => event.kind === 'export')
    expect(ours.every((event) => event.label === 'Exporting to BibTeX')).toBe(true)
    expect(ours[0]).toMatchObject({
      step: 'Writing entries',
      done: 0,
      total: 3000,
      cancellable: true,
    })
    // Thousands of BibTeX entries take far longer than one slice: the bar moves.
    const counts = ours.filter((event) => event.state === 'running').map((event) => event.done)
    expect(counts.some((done) => done > 0 && done < 3000)).toBe(true)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
    expect(ours.at(-1)).toMatchObject({ state: 'finished' })
    await library.close()
  })

  it('stops when cancelled, and the caller hears "cancelled"', async () => {
    const { library, events } = await openWith(3000)
    // Cancel part way, as a click on Cancel would.
    const stop = library.onProgress((progress) => {
      if (progress.kind === 'export' && progress.state === 'running' && progress.done > 0) {
        void library.api.cancelTask({ taskId: progress.taskId })
        stop()
      }
    })
    const response = await callApi(library.api, 'exportPapers', {
      format: 'csl-json',
      scope: { kind: 'library' },
    })
    expect(response).toEqual({
      ok: false,
      error: { code: 'cancelled', message: 'Exporting to CSL-JSON: cancelled' },
    })
    expect(events.at(-1)).toMatchObject({ kind: 'export', state: 'cancelled' })
    // Nothing was left half-done: the next export runs in full.
    const again = await library.api.exportPapers({ format: 'ris', scope: { kind: 'library' } })
    expect(again.files[0]?.text.match(/^ER {2}- $/gm)).toHaveLength(3000)
    await library.close()
  })
})

describe('a duplicate scan', () => {
  it('reports its progress, and can be cancelled', async () => {
    const { library, events } = await openWith(200)
    expect(await library.api.findDuplicates({})).toEqual([])
    const scan = events.filter((event) => event.kind === 'duplicates')
    expect(scan[0]).toMatchObject({
      label: 'Finding duplicates',
      step: 'Comparing papers',
      total: 200,
      cancellable: true,
    })
    expect(scan.at(-1)).toMatchObject({ state: 'finished' })

    const stop = library.onProgress((progress) => {
      if (progress.kind === 'duplicates' && progress.state === 'running') {
        void library.api.cancelTask({ taskId: progress.taskId })
        stop()
      }
    })
    await expect(library.api.findDuplicates({})).rejects.toThrow('Finding duplicates: cancelled')
    expect(events.at(-1)).toMatchObject({ kind: 'duplicates', state: 'cancelled' })
    await library.close()
  })
})

describe('index rebuilds in a large library', () => {
  it('show the search index being prepared, even to a window that arrives late, then a summary', async () => {
    const { library, events } = await openWith(REINDEX_TASK_FROM)
    // The listener came after open(): it is told at once what is running.
    expect(events[0]).toMatchObject({
      kind: 'reindex',
      label: 'Preparing search',
      state: 'running',
      cancellable: false,
    })
    expect(await library.api.cancelTask({ taskId: events[0]?.taskId ?? '' })).toBe(false)
    await library.api.listPaperIds({ query: 'robot' })
    await vi.waitFor(() =>
      expect(events.at(-1)).toMatchObject({
        kind: 'reindex',
        state: 'finished',
        summary: 'Search is ready: 5,000 papers indexed.',
      }),
    )
    // Built from the library (no index file yet): counted paper by paper.
    const indexed = events
      .filter((event) => event.kind === 'reindex' && event.state === 'running')
      .map((event) => event.done)
    expect(indexed.at(-1)).toBe(REINDEX_TASK_FROM)
    expect(indexed).toEqual([...indexed].sort((a, b) => a - b))

    // Similar papers count every paper's words the first time, with a count.
    const first = (await library.api.listPapers({ offset: 0, limit: 1 })).items[0]
    await library.api.getRelatedPapers({ id: first?.id ?? '', limit: 5 })
    const similar = events.filter((event) => event.label === 'Finding similar papers')
    const counts = similar.filter((event) => event.state === 'running').map((event) => event.done)
    expect(counts[0]).toBe(0)
    expect(counts.at(-1)).toBe(REINDEX_TASK_FROM)
    expect(similar.at(-1)).toMatchObject({
      state: 'finished',
      summary: 'Similar papers are ready: 5,000 papers compared.',
    })
    await library.close()
  })

  it('are not tasks in a small library (they take well under a second)', async () => {
    const { library, events } = await openWith(50)
    const first = (await library.api.listPapers({ offset: 0, limit: 1 })).items[0]
    await library.api.listPaperIds({ query: 'robot' })
    await library.api.getRelatedPapers({ id: first?.id ?? '', limit: 5 })
    expect(events).toEqual([])
    await library.close()
  })
})

describe('LongTasks', () => {
  it('tells a listener that arrives mid-task where each running task stands', async () => {
    const tasks = new LongTasks()
    let release = (): void => undefined
    const running = tasks.run('export', 'Exporting to RIS', async (task) => {
      task.report('Writing entries', 40, 100)
      await new Promise<void>((resolve) => (release = resolve))
    })
    const heard: TaskProgress[] = []
    tasks.onProgress((progress) => heard.push(progress))
    expect(heard).toEqual([
      expect.objectContaining({
        label: 'Exporting to RIS',
        done: 40,
        total: 100,
        state: 'running',
      }),
    ])
    release()
    await running
    expect(heard.at(-1)).toMatchObject({ state: 'finished' })
  })
})
