// Finding papers that look like the same paper (same DOI, arXiv id, or title
// and year). Merging them is an organizing step (organize/mergeCommand.ts).
import type { LibraryKernel } from '../kernel/kernel'
import type { Service } from '../kernel/service'
import type { PaperViews } from '../papers/paperViews'
import { findDuplicateGroups } from './duplicateFinder'

export function duplicatesService(
  kernel: LibraryKernel,
  views: PaperViews,
): Service<'findDuplicates'> {
  return {
    handlers: {
      /** A long task at 100k papers, with progress, cancellable. */
      findDuplicates: () =>
        kernel.tasks.run('duplicates', 'Finding duplicates', async (task) => {
          const papers = views.sortedPapers('added')
          task.report('Comparing papers', 0, papers.length)
          await task.checkpoint() // the window hears of the task before the work starts
          const groups = await findDuplicateGroups(papers, task.pace('Comparing papers'))
          // Papers merged, trashed or edited while the scan ran: as they are now.
          return groups.flatMap((group) => {
            const current = group.papers.flatMap((paper) => {
              const now = kernel.store.papers.get(paper.id)
              return now === undefined || now.trashedAt !== undefined ? [] : [views.summarize(now)]
            })
            return current.length < 2 ? [] : [{ reason: group.reason, papers: current }]
          })
        }),
    },
  }
}
