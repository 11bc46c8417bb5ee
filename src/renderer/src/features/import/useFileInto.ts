// "Put the new papers in…" after an import: a collection named on the status
// line, or one picked (or created) in the collection picker.
import { useCallback } from 'react'
import type { CollectionNode, ImportReport } from '../../../../shared/model'
import type { AppDialogState } from '../../ui/AppDialog'
import type { PickedCollection } from '../../ui/CollectionPicker'
import type { FileInto } from './ImportStatus'

export function useFileInto(
  fileInto: (ids: readonly string[], picked: PickedCollection) => Promise<string | undefined>,
  collections: readonly CollectionNode[],
  openDialog: (dialog: AppDialogState) => void,
): (report: ImportReport, where: FileInto) => Promise<string | undefined> {
  return useCallback(
    (report: ImportReport, where: FileInto): Promise<string | undefined> => {
      if (where.kind !== 'pick') return fileInto(report.addedIds, where)
      return new Promise((resolve) =>
        openDialog({
          kind: 'picker',
          pick: {
            title: `Put the ${report.added} new papers in`,
            collections,
            allowCreate: true,
            onPick: (picked) => void fileInto(report.addedIds, picked).then(resolve),
            onCancel: () => resolve(undefined),
          },
        }),
      )
    },
    [fileInto, collections, openDialog],
  )
}
