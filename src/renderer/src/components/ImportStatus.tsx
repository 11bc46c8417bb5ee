// What the current import is doing (with a progress bar and Cancel), what the
// last one did (added, already present, updated, queued, skipped with line
// numbers and reasons), or why it failed.
import type { ImportProgress } from '../../../shared/model'
import type { ImportOutcome } from '../hooks/useImport'

const PHASES: Record<ImportProgress['phase'], string> = {
  reading: 'Reading',
  'looking-up': 'Looking up',
  writing: 'Saving',
}

export function ImportStatus(props: {
  outcome: ImportOutcome
  onDismiss: () => void
  onCancel: () => void
}) {
  const { outcome } = props
  if (outcome.kind === 'running') {
    const progress = outcome.progress
    return (
      <div className="import-status" role="status" data-testid="import-status">
        <div className="import-status-line">
          <span>
            {progress === undefined
              ? `Importing ${outcome.what}…`
              : `${PHASES[progress.phase]} ${outcome.what}: ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')}`}
          </span>
          {progress !== undefined && (
            <progress
              className="import-progress"
              max={Math.max(progress.total, 1)}
              value={progress.done}
              aria-label="Import progress"
              data-testid="import-progress"
            />
          )}
          {outcome.previewId !== undefined && progress?.phase !== 'writing' && (
            <button type="button" className="toolbar-button" onClick={props.onCancel}>
              Cancel
            </button>
          )}
        </div>
      </div>
    )
  }
  if (outcome.kind === 'failed') {
    return (
      <div className="import-status import-failed" role="alert" data-testid="import-status">
        <div className="import-status-line">
          <span>
            <strong>Could not import {outcome.what}.</strong> {outcome.message}
          </span>
          <DismissButton onDismiss={props.onDismiss} />
        </div>
      </div>
    )
  }
  const { report } = outcome
  return (
    <div className="import-status import-done" role="status" data-testid="import-status">
      <div className="import-status-line">
        <span>
          Imported {outcome.what}: <strong data-testid="import-added">{report.added} added</strong>,{' '}
          <span data-testid="import-present">{report.alreadyPresent} already present</span>,{' '}
          <span data-testid="import-skipped">{report.skipped.length} skipped</span>.
          {report.updated > 0 && ` ${report.updated} existing papers gained details.`}
          {report.queued > 0 && ` ${report.queued} identifiers wait for the network.`}
        </span>
        <DismissButton onDismiss={props.onDismiss} />
      </div>
      {report.skipped.length > 0 && (
        <details className="import-skipped">
          <summary>Skipped entries</summary>
          <ul>
            {report.skipped.map((entry, index) => (
              <li key={index}>
                Line {entry.line}: {entry.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}

function DismissButton({ onDismiss }: { onDismiss: () => void }) {
  return (
    <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
      ×
    </button>
  )
}
