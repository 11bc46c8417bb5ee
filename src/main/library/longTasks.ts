// Long work with progress: an import of 10k entries, later exports and scans.
// A task reports where it stands to every progress listener (main forwards it to
// the window and the taskbar), and can be cancelled until it starts writing:
// cancelling sets a flag that the work checks at its checkpoints, so a task
// stops between steps and never half-way through a write.
import { randomUUID } from 'node:crypto'
import type { TaskKind, TaskProgress, TaskState } from '../../shared/model'
import { LibraryError } from './errors'

export type ProgressListener = (progress: TaskProgress) => void

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
   * Lets the event loop run (so progress reaches the window and a cancel request
   * can arrive), then stops the task if it was cancelled.
   */
  async checkpoint(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve))
    if (this.cancelRequested) throw new TaskCancelledError(`${this.progress.label}: cancelled`)
  }

  requestCancel(): boolean {
    if (!this.cancellable) return false
    this.cancelRequested = true
    this.controller.abort()
    return true
  }

  end(state: Exclude<TaskState, 'running'>): void {
    this.progress = { ...this.progress, state, cancellable: false }
    this.emit({ ...this.progress })
  }
}

export class LongTasks {
  private readonly listeners = new Set<ProgressListener>()
  private readonly running = new Map<string, RunningTask>()

  /** Calls `listener` with every progress report; returns the unsubscribe function. */
  onProgress(listener: ProgressListener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** Runs `work` as a task, reporting how it ended (finished, cancelled or failed). */
  async run<T>(kind: TaskKind, label: string, work: (task: RunningTask) => Promise<T>): Promise<T> {
    const task = new RunningTask(kind, label, (progress) => this.emit(progress))
    this.running.set(task.id, task)
    try {
      const result = await work(task)
      task.end('finished')
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
    for (const listener of this.listeners) {
      try {
        listener(progress)
      } catch (error) {
        // A broken listener must not fail the work it is watching.
        console.error('offprint: progress listener failed:', error)
      }
    }
  }
}
