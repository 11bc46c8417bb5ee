// Long work with progress: imports, exports, duplicate scans, index rebuilds.
// A task reports where it stands to every progress listener (main forwards it to
// the window and the taskbar), and can be cancelled until it starts writing:
// cancelling sets a flag that the work checks at its checkpoints, so a task
// stops between steps and never half-way through a write.
import { randomUUID } from 'node:crypto'
import type { ImportEntriesRead, TaskKind, TaskProgress, TaskState } from '../../../shared/model'
import { LibraryError } from './errors'
import { Listeners } from './listeners'

export type ProgressListener = (progress: TaskProgress) => void

/**
 * A long loop's progress callback, awaited once per item: now and then it
 * reports `done` of `total`, lets the event loop run, and throws if the task
 * was cancelled. Loops take one so they stay free of tasks and timing.
 */
export type Pace = (done: number, total: number) => Promise<void>

/** For a loop nobody watches (the CLI, tests): never stops it. */
export const UNPACED: Pace = () => Promise.resolve()

/**
 * How long a paced loop may hold the event loop: Electron's main process also
 * answers the window, which must not freeze while 100k papers are exported.
 */
const PACE_MS = 25

/** A task stopped because the user asked; nothing it would have changed was changed. */
export class TaskCancelledError extends LibraryError {
  readonly code = 'cancelled'
  override readonly name: string = 'TaskCancelledError'
}

export class RunningTask {
  private cancelRequested = false
  private progress: TaskProgress
  // For work that waits on something else (a parser's slices, a network
  // request): it aborts when the task is cancelled.
  private readonly controller = new AbortController()
  private entries: ImportEntriesRead | undefined

  constructor(
    kind: TaskKind,
    label: string,
    private readonly emit: (progress: TaskProgress) => void,
  ) {
    this.progress = {
      taskId: randomUUID(),
      kind,
      label,
      step: 'Starting',
      done: 0,
      total: 0,
      state: 'running',
      cancellable: true,
    }
  }

  get id(): string {
    return this.progress.taskId
  }

  get label(): string {
    return this.progress.label
  }

  /** Aborts when cancelling is requested, for work that takes an AbortSignal. */
  get signal(): AbortSignal {
    return this.controller.signal
  }

  get cancellable(): boolean {
    return this.progress.cancellable && this.progress.state === 'running'
  }

  /** Tells the listeners where the work stands. `total` 0 means "not known yet". */
  report(step: string, done: number, total: number, options: { cancellable?: boolean } = {}): void {
    this.progress = {
      ...this.progress,
      step,
      done,
      total,
      cancellable: options.cancellable ?? this.progress.cancellable,
    }
    this.emit({ ...this.progress })
  }

  /**
   * Tells the listeners an import's entries once (not repeated in later
   * reports: the window keeps what it was told); a listener that arrives
   * later gets them in its snapshot.
   */
  showEntries(entries: ImportEntriesRead): void {
    this.entries = entries
    this.emit({ ...this.progress, entries })
  }

  /**
   * Lets the event loop run (so progress reaches the window and a cancel request
   * can arrive), then stops the task if it was cancelled.
   */
  async checkpoint(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve))
    if (this.cancelRequested) throw new TaskCancelledError(`${this.progress.label}: cancelled`)
  }

  /** A Pace for a loop that is this task's `step`: reports and yields every PACE_MS. */
  pace(step: string): Pace {
    let since = performance.now()
    return async (done, total) => {
      if (performance.now() - since < PACE_MS) return
      this.report(step, done, total)
      await this.checkpoint()
      since = performance.now()
    }
  }

  /** Where the task stands now (for a listener that arrives while it runs). */
  snapshot(): TaskProgress {
    return this.entries === undefined
      ? { ...this.progress }
      : { ...this.progress, entries: this.entries }
  }

  requestCancel(): boolean {
    if (!this.cancellable) return false
    this.cancelRequested = true
    this.controller.abort()
    return true
  }

  end(state: Exclude<TaskState, 'running'>, summary?: string): void {
    this.progress = { ...this.progress, state, cancellable: false }
    if (summary !== undefined) this.progress.summary = summary
    this.emit({ ...this.progress })
  }
}

export class LongTasks {
  private readonly listeners = new Listeners<TaskProgress>('progress')
  private readonly running = new Map<string, RunningTask>()

  /**
   * Calls `listener` with every progress report, starting with where each
   * running task stands (a window that opens or reloads mid-task shows it);
   * returns the unsubscribe function.
   */
  onProgress(listener: ProgressListener): () => void {
    const remove = this.listeners.add(listener)
    for (const task of this.running.values()) this.listeners.tellOne(listener, task.snapshot())
    return remove
  }

  /**
   * Runs `work` as a task, reporting how it ended (finished, cancelled or
   * failed); `summarize` words the result for a task nobody waits for.
   */
  async run<T>(
    kind: TaskKind,
    label: string,
    work: (task: RunningTask) => Promise<T>,
    summarize?: (result: T) => string,
  ): Promise<T> {
    const task = new RunningTask(kind, label, (progress) => this.emit(progress))
    this.running.set(task.id, task)
    try {
      const result = await work(task)
      task.end('finished', summarize?.(result))
      return result
    } catch (error) {
      task.end(error instanceof TaskCancelledError ? 'cancelled' : 'failed')
      throw error
    } finally {
      this.running.delete(task.id)
    }
  }

  /** Asks a running task to stop; false when it has ended or can no longer stop. */
  cancel(taskId: string): boolean {
    return this.running.get(taskId)?.requestCancel() ?? false
  }

  clearListeners(): void {
    this.listeners.clear()
  }

  private emit(progress: TaskProgress): void {
    this.listeners.tell(progress)
  }
}

/** `each` of every item in order, awaiting `pace` before each (a long loop that reports). */
export async function mapPaced<T, R>(
  items: readonly T[],
  each: (item: T) => R,
  pace: Pace,
): Promise<R[]> {
  const results: R[] = []
  for (const [index, item] of items.entries()) {
    await pace(index, items.length)
    results.push(each(item))
  }
  return results
}

/**
 * From this many papers, building an index (search, similar papers) is shown
 * as a task with progress: below it a build takes well under a second.
 */
export const REINDEX_TASK_FROM = 5000

/** "100,000 papers" (the index tasks' summaries). */
export function paperCount(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'paper' : 'papers'}`
}
