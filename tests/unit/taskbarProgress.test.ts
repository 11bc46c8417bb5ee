import { describe, expect, it } from 'vitest'
import type { TaskProgress } from '../../src/shared/model'
import {
  INDETERMINATE,
  NO_PROGRESS,
  TaskbarProgress,
} from '../../src/main/app/window/taskbarProgress'

function progress(taskId: string, done: number, total: number, state = 'running'): TaskProgress {
  return {
    taskId,
    kind: 'import',
    label: `Importing ${taskId}`,
    step: 'Adding papers',
    done,
    total,
    state: state as TaskProgress['state'],
    cancellable: true,
  }
}

describe('taskbar progress', () => {
  it('shows nothing when idle, indeterminate while the amount of work is unknown', () => {
    const bar = new TaskbarProgress()
    expect(bar.value()).toBe(NO_PROGRESS)
    expect(bar.update(progress('a', 0, 0))).toBe(INDETERMINATE)
  })

  it('fills with the share done, across every running task, and clears when they end', () => {
    const bar = new TaskbarProgress()
    expect(bar.update(progress('a', 250, 1000))).toBe(0.25)
    expect(bar.update(progress('b', 0, 0))).toBe(0.25) // unknown work does not dilute the bar
    expect(bar.update(progress('b', 1000, 1000))).toBe(1250 / 2000)
    expect(bar.update(progress('a', 1000, 1000, 'finished'))).toBe(1)
    expect(bar.update(progress('b', 1000, 1000, 'cancelled'))).toBe(NO_PROGRESS)
    expect(bar.update(progress('c', 5, 10, 'failed'))).toBe(NO_PROGRESS)
  })
})
