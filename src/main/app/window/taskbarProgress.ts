// The taskbar / dock progress bar while long tasks run. Pure: main feeds it the
// progress events and hands the value to BrowserWindow.setProgressBar.
import type { TaskProgress } from '../../../shared/model'

/** setProgressBar's values: below 0 hides the bar, 0..1 fills it, above 1 is indeterminate. */
export const NO_PROGRESS = -1
export const INDETERMINATE = 2

export class TaskbarProgress {
  private readonly running = new Map<string, TaskProgress>()

  /** Records a progress event; returns the value the taskbar should now show. */
  update(progress: TaskProgress): number {
    if (progress.state === 'running') this.running.set(progress.taskId, progress)
    else this.running.delete(progress.taskId)
    return this.value()
  }

  /** All running tasks as one bar: the share of their known work that is done. */
  value(): number {
    if (this.running.size === 0) return NO_PROGRESS
    let done = 0
    let total = 0
    for (const task of this.running.values()) {
      if (task.total <= 0) continue
      done += Math.min(task.done, task.total)
      total += task.total
    }
    return total === 0 ? INDETERMINATE : done / total
  }
}
