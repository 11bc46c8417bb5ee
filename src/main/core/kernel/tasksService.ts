// Long tasks as the API offers them: a running import, export or scan can be
// asked to stop (see longTasks.ts).
import type { LibraryKernel } from './kernel'
import type { Service } from './service'

export function tasksService(kernel: LibraryKernel): Service<'cancelTask'> {
  return { handlers: { cancelTask: async ({ taskId }) => kernel.tasks.cancel(taskId) } }
}
