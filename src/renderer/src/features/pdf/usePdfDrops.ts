// PDFs dropped on the window: on a paper's pane, attached to that paper; on
// anything else, handed to the core to find their paper (by DOI, arXiv id or
// title in the file) or to make one. Listens before the import's own drop
// handler (capture phase) and keeps a drop of PDFs alone from it.
import { useEffect } from 'react'
import { api, errorMessage } from '../../data/client'
import type { ActionStatusState } from '../undo/useActionStatus'
import { isPdfFile, readAsBase64 } from './pdfFiles'
import type { PdfReaderControl } from './usePdfReader'

const MATCHED_BY = {
  doi: 'its DOI',
  arxiv: 'its arXiv id',
  title: 'its title',
  'new-paper': 'nothing: a new paper was made from it',
} as const

export function usePdfDrops(control: PdfReaderControl, status: ActionStatusState): void {
  const { attachFiles, open } = control
  const { show } = status
  useEffect(() => {
    const onDrop = (event: DragEvent): void => {
      const files = Array.from(event.dataTransfer?.files ?? [])
      const pdfs = files.filter(isPdfFile)
      if (pdfs.length === 0) return
      event.preventDefault()
      // PDFs alone are this handler's; mixed with other files, the import takes the rest.
      if (pdfs.length === files.length) event.stopImmediatePropagation()
      const target = event.target instanceof Element ? event.target : null
      const paperId = target
        ?.closest<HTMLElement>('[data-testid=paper-view]')
        ?.getAttribute('data-paper-id')
      if (paperId !== null && paperId !== undefined) {
        void attachFiles(paperId, pdfs)
        return
      }
      void (async () => {
        for (const file of pdfs) {
          try {
            const outcome = await api.dropPdf({
              fileName: file.name,
              data: await readAsBase64(file),
            })
            show({
              kind: 'done',
              text: `${file.name}: matched by ${MATCHED_BY[outcome.matchedBy]}.`,
              undoable: false,
            })
            open(outcome.paperId, { attachmentId: outcome.attachment.id })
          } catch (caught) {
            show({
              kind: 'failed',
              text: `${file.name} could not be added: ${errorMessage(caught)}`,
            })
          }
        }
      })()
    }
    window.addEventListener('drop', onDrop, { capture: true })
    return () => window.removeEventListener('drop', onDrop, { capture: true })
  }, [attachFiles, open, show])
}
