// What the current import is doing (its progress bar and Cancel are the
// task's, see TaskProgress.tsx), what the last one did (added, already
// present, updated, queued, skipped with line numbers and reasons), that it
// was cancelled, or why it failed.
import type { ImportOutcome } from '../hooks/useImport'

export function ImportStatus(props: { outcome: ImportOutcome; onDismiss: () => void }) {
  const { outcome } = props
  if (outcome.kind === 'running') {
    return (
      <div className="import-status" role="status" data-testid="import-status">
        Importing {outcome.what}…
      </div>
    )
  }
  if (outcome.kind === 'cancelled') {
    return (
      <div className="import-status" role="status" data-testid="import-status">
        <div className="import-status-line">
          <span>
            Import of {outcome.what} cancelled. Nothing was added; the library is as it was.
          </span>
          <DismissButton onDismiss={props.onDismiss} />
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
