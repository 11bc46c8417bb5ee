// "Are you sure?" for what cannot be taken back easily (deleting for good,
// deleting a collection that holds papers).
import { Dialog } from './Dialog'

export interface Confirmation {
  title: string
  message: string
  confirmLabel: string
  /** Destructive for good: the safe button gets the focus. */
  final?: boolean
  onConfirm: () => void
}

export function ConfirmDialog(props: { confirmation: Confirmation; onClose: () => void }) {
  const { confirmation, onClose } = props
  return (
    <Dialog title={confirmation.title} onCancel={onClose}>
      <p className="dialog-message">{confirmation.message}</p>
      <div className="dialog-buttons">
        <button
          type="button"
          className="small-button"
          onClick={onClose}
          data-autofocus={confirmation.final === true ? true : undefined}
        >
          Cancel
        </button>
        <button
          type="button"
          className={`primary-button${confirmation.final === true ? ' danger' : ''}`}
          data-autofocus={confirmation.final === true ? undefined : true}
          onClick={() => {
            onClose()
            confirmation.onConfirm()
          }}
        >
          {confirmation.confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
