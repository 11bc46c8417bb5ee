// What the last organizing action did, with Undo (or Redo) at hand, or why it failed.
import type { ActionStatus } from './useActionStatus'
import type { UndoDirection } from './useUndo'

export function ActionToast(props: {
  status: ActionStatus
  onReplay: (direction: UndoDirection) => void
  onDismiss: () => void
  /** The pointer or the focus arrived on the line (true) or left it (false). */
  onHold: (held: boolean) => void
}) {
  const { status } = props
  const failed = status.kind === 'failed'
  const prefix = status.kind === 'undone' ? 'Undone: ' : status.kind === 'redone' ? 'Redone: ' : ''
  const offer: UndoDirection | undefined =
    status.kind === 'done' && status.undoable
      ? 'undo'
      : status.kind === 'undone'
        ? 'redo'
        : status.kind === 'redone'
          ? 'undo'
          : undefined
  return (
    <div
      className={`action-toast${failed ? ' action-failed' : ''}`}
      role={failed ? 'alert' : 'status'}
      data-testid="action-status"
      onPointerEnter={() => props.onHold(true)}
      onPointerLeave={() => props.onHold(false)}
      onFocus={() => props.onHold(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) props.onHold(false)
      }}
    >
      <span className="action-text">
        {prefix}
        {status.text}
      </span>
      {offer !== undefined && (
        <button type="button" className="link-button" onClick={() => props.onReplay(offer)}>
          {offer === 'undo' ? 'Undo' : 'Redo'}
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={props.onDismiss}>
        ×
      </button>
    </div>
  )
}
