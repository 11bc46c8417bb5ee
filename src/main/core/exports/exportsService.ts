// Exports: the text of a BibTeX, CSL-JSON or RIS file, or a Markdown vault's
// files, for the library, a collection or a selection; the caller saves it.
import { bySiblingOrder, collectionEntries } from '../../../shared/model'
import type { CollectionChoice, ExportFormat } from '../../../shared/model'
import type { ApiArgs } from '../../../shared/api'
import type { LibraryKernel } from '../kernel/kernel'
import type { Service } from '../kernel/service'
import type { NoteIndex } from '../notes/noteIndex'
import type { PaperViews } from '../papers/paperViews'
import { exportPapers, papersInScope } from './exportPapers'

/** How an export's progress names its format. */
const FORMAT_NAMES: Record<ExportFormat, string> = {
  bibtex: 'BibTeX',
  'csl-json': 'CSL-JSON',
  ris: 'RIS',
  markdown: 'a Markdown vault',
}

export function exportsService(
  kernel: LibraryKernel,
  views: PaperViews,
  notes: NoteIndex,
): Service<'exportPapers' | 'listExportCollections'> {
  const scopeName = (scope: ApiArgs<'exportPapers'>['scope']): string => {
    if (scope.kind === 'collection') {
      return kernel.store.collections.get(scope.collectionId)?.name ?? 'collection'
    }
    return scope.kind === 'selection' ? 'selection' : 'library'
  }

  return {
    handlers: {
      /**
       * A long task (a BibTeX export of 100k papers takes most of a minute),
       * with progress, cancellable until the text is handed over.
       */
      async exportPapers({ format, scope }) {
        const library = views.papersInAddedOrder()
        const papers = papersInScope(scope, {
          papers: library,
          paperById: kernel.store.papers,
          collections: [...kernel.store.collections.values()],
        })
        return kernel.tasks.run('export', `Exporting to ${FORMAT_NAMES[format]}`, async (task) => {
          task.report('Writing entries', 0, papers.length)
          await task.checkpoint() // the window hears of the task before the work starts
          return exportPapers(format, papers, {
            library,
            notes: [...kernel.store.notes.values()],
            noteOf: (paperId) => notes.of(paperId),
            collections: [...kernel.store.collections.values()],
            includeStandaloneNotes: scope.kind === 'library',
            scopeName: scopeName(scope),
            pace: task.pace('Writing entries'),
          })
        })
      },

      /** Collections to offer in the export dialog, depth-first, as the sidebar shows them. */
      async listExportCollections() {
        const live = [...kernel.store.collections.values()].filter((c) => c.trashedAt === undefined)
        return collectionEntries(live.sort(bySiblingOrder)).map((entry): CollectionChoice => ({
          id: entry.id,
          name: entry.name,
          depth: entry.depth,
          paperCount: entry.paperIds.length,
        }))
      },
    },
  }
}
