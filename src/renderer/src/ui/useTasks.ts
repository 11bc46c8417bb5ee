// The long tasks running in main (imports, exports, duplicate scans, index
// rebuilds), as their progress events tell. A task leaves the list when it
// ends; its outcome is reported by whoever started it, and a task nobody
// started (an index rebuilt in the background) ends with a summary for `onSummary`.
import { useEffect, useRef, useState } from 'react'
import type { TaskKind, TaskProgress } from '../../../shared/model'
import { api, subscribeToLibrary } from '../data/client'

export function useTasks(onSummary?: (summary: string) => void): TaskProgress[] {
  const [tasks, setTasks] = useState<ReadonlyMap<string, TaskProgress>>(new Map())
  const summaryListener = useRef(onSummary)
  useEffect(() => {
    summaryListener.current = onSummary
  }, [onSummary])
  useEffect(
    () =>
      subscribeToLibrary((event) => {
        if (event.type !== 'progress') return
        const { progress } = event
        setTasks((previous) => {
          const next = new Map(previous)
          // An import's entries are sent once; later reports leave them out.
          const entries = progress.entries ?? previous.get(progress.taskId)?.entries
          if (progress.state !== 'running') next.delete(progress.taskId)
          else
            next.set(progress.taskId, entries === undefined ? progress : { ...progress, entries })
          return next
        })
        if (progress.state === 'finished' && progress.summary !== undefined) {
          summaryListener.current?.(progress.summary)
        }
      }),
    [],
  )
  return [...tasks.values()]
}

/** The running task of this kind, if any (a dialog shows the work it asked for). */
export function useTask(kind: TaskKind): TaskProgress | undefined {
  return useTasks().find((task) => task.kind === kind)
}

/**
 * The running task of this kind, cancelled when the dialog that shows it
 * closes: nobody would see what it produces (a file saved, duplicates found).
 */
export function useTaskCancelledOnClose(kind: TaskKind): TaskProgress | undefined {
  const task = useTask(kind)
  const running = useRef(task)
  useEffect(() => {
    running.current = task
  }, [task])
  useEffect(
    () => () => {
      const left = running.current
      if (left?.cancellable === true)
        void api.cancelTask({ taskId: left.taskId }).catch(() => false)
    },
    [],
  )
  return task
}
