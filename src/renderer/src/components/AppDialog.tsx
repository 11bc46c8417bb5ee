// The one modal dialog the window may show at a time.
import type { Settings } from '../../../shared/model'
import { CollectionPicker, type CollectionPick } from './CollectionPicker'
import { ConfirmDialog, type Confirmation } from './ConfirmDialog'
import { SettingsDialog } from './SettingsDialog'

export type AppDialogState =
  | { kind: 'confirm'; confirmation: Confirmation }
  | { kind: 'picker'; pick: CollectionPick }
  | { kind: 'settings' }

export function AppDialog(props: {
  dialog: AppDialogState
  onClose: () => void
  settings: Settings | undefined
  onSettingsChange: (patch: Partial<Settings>) => void
}) {
  const { dialog, onClose } = props
  switch (dialog.kind) {
    case 'confirm':
      return <ConfirmDialog confirmation={dialog.confirmation} onClose={onClose} />
    case 'picker':
      return <CollectionPicker pick={dialog.pick} onClose={onClose} />
    case 'settings':
      return props.settings === undefined ? null : (
        <SettingsDialog
          settings={props.settings}
          onChange={props.onSettingsChange}
          onClose={onClose}
        />
      )
  }
}
