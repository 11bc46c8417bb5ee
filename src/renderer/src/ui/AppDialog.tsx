// The one modal dialog of the organizing actions the window may show at a time.
import { CollectionPicker, type CollectionPick } from './CollectionPicker'
import { ConfirmDialog, type Confirmation } from './ConfirmDialog'

export type AppDialogState =
  { kind: 'confirm'; confirmation: Confirmation } | { kind: 'picker'; pick: CollectionPick }

export function AppDialog(props: { dialog: AppDialogState; onClose: () => void }) {
  const { dialog, onClose } = props
  return dialog.kind === 'confirm' ? (
    <ConfirmDialog confirmation={dialog.confirmation} onClose={onClose} />
  ) : (
    <CollectionPicker pick={dialog.pick} onClose={onClose} />
  )
}
