// The toolbar's Undo and Redo, saying what they would undo or redo.
import type { UndoState } from '../../../../shared/model'
import type { UndoDirection } from './useUndo'

export function UndoButtons(props: { state: UndoState; onReplay(direction: UndoDirection): void }) {
  const { undo, redo } = props.state
  return (
    <div className="toolbar-group" role="group" aria-label="Undo">
      <button
        type="button"
        className="toolbar-button"
        disabled={undo === undefined}
        title={undo === undefined ? 'Nothing to undo' : `Undo ${undo} (Ctrl+Z)`}
        onClick={() => props.onReplay('undo')}
      >
        ↶ Undo
      </button>
      <button
        type="button"
        className="toolbar-button"
        disabled={redo === undefined}
        title={redo === undefined ? 'Nothing to redo' : `Redo ${redo} (Ctrl+Shift+Z)`}
        onClick={() => props.onReplay('redo')}
      >
        ↷ Redo
      </button>
    </div>
  )
}
