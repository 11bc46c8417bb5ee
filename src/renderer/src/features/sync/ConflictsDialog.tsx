// The Conflicts view: each note two devices edited apart, whose texts could not
// be merged line by line, with both versions side by side (as plain text). The
// user keeps one, or keeps the text as it is now (both versions between the
// markers) to edit it later; either settles the conflict on every device.
import { useState } from 'react'
import type { NoteConflict } from '../../../../shared/model'
import { api, errorMessage } from '../../data/client'
import { Dialog } from '../../ui/Dialog'

export function ConflictsDialog(props: {
  conflicts: readonly NoteConflict[]
  onClose: () => void
}) {
  const [error, setError] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const resolve = async (conflict: NoteConflict, body: string): Promise<void> => {
    setBusy(true)
    setError(undefined)
    try {
      await api.resolveNoteConflict({ noteId: conflict.noteId, body })
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dialog title="Conflicts" onCancel={props.onClose} className="wide-dialog">
      <div className="dialog-body" data-testid="conflicts-dialog">
        {error !== undefined && (
          <p className="dialog-error" role="alert">
            {error}
          </p>
        )}
        {props.conflicts.length === 0 ? (
          <p>No note needs a look: every edit from every device was merged.</p>
        ) : (
          <ol className="sync-conflicts">
            {props.conflicts.map((conflict) => (
              <li key={conflict.noteId} className="sync-conflict">
                <h3>{conflict.title}</h3>
                <div className="sync-sides">
                  {conflict.sides.map((side, index) => (
                    <section
                      key={index}
                      className="sync-side"
                      aria-label={`Version from ${side.device}`}
                    >
                      <h4>From {side.device}</h4>
                      <pre className="sync-text">{side.text}</pre>
                      <button
                        type="button"
                        className="toolbar-button"
                        disabled={busy}
                        onClick={() => void resolve(conflict, side.text)}
                      >
                        Keep {side.device}’s version
                      </button>
                    </section>
                  ))}
                </div>
                <button
                  type="button"
                  className="link-button"
                  disabled={busy}
                  onClick={() => void resolve(conflict, conflict.body)}
                >
                  Keep both, with the markers, to edit by hand
                </button>
              </li>
            ))}
          </ol>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="toolbar-button" onClick={props.onClose} data-autofocus>
          Close
        </button>
      </div>
    </Dialog>
  )
}
