// The long tasks running in main (imports now), as their progress events tell.
// A task leaves the list when it ends; its outcome is reported by whoever started it.
import { useEffect, useState } from 'react'
import type { TaskProgress } from '../../../shared/model'
import { subscribeToLibrary } from '../api/client'

export function useTasks(): TaskProgress[] {
  const [tasks, setTasks] = useState<ReadonlyMap<string, TaskProgress>>(new Map())
  useEffect(
    () =>
      subscribeToLibrary((event) => {
        if (event.type !== 'progress') return
        const { progress } = event
        setTasks((previous) => {
          const next = new Map(previous)
          if (progress.state === 'running') next.set(progress.taskId, progress)
          else next.delete(progress.taskId)
          return next
        })
      }),
    [],
  )
  return [...tasks.values()]
}
