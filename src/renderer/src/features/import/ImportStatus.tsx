// What the current import is doing (its progress bar and Cancel are the
// task's, see TaskProgress.tsx), what the last one did (added, already
// present, updated, queued, skipped with line numbers and reasons), that it
// was cancelled, or why it failed; and the offer to file the new papers in a
// collection named after the page, or in one the user picks.
import { useState } from 'react'
import type { CollectionNode, ImportReport, SkippedEntry } from '../../../../shared/model'
import type { ImportOutcome } from './useImport'

/** Where the user chose to file an import's new papers. */
export type FileInto =
  { kind: 'new'; name: string } | { kind: 'existing'; id: string } | { kind: 'pick' }

export function ImportStatus(props: {
  outcome: ImportOutcome
  onDismiss: () => void
  collections: readonly CollectionNode[]
  /** Files the report's new papers; resolves to the collection's name once done. */
  onFileInto: (report: ImportReport, where: FileInto) => Promise<string | undefined>
}) {
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
          {(report.partial?.length ?? 0) > 0 &&
            ` ${report.partial?.length ?? 0} imported incomplete (see below).`}
          {report.queued > 0 && ` ${report.queued} identifiers wait for the network.`}
        </span>
        <DismissButton onDismiss={props.onDismiss} />
      </div>
      {report.added > 0 && (
        <FileIntoOffer
          report={report}
          collections={props.collections}
          onFileInto={props.onFileInto}
        />
      )}
      <EntryList summary="Imported incomplete" entries={report.partial ?? []} />
      <EntryList summary="Skipped entries" entries={report.skipped} />
    </div>
  )
}

function FileIntoOffer(props: {
  report: ImportReport
  collections: readonly CollectionNode[]
  onFileInto: (report: ImportReport, where: FileInto) => Promise<string | undefined>
}) {
  const { report } = props
  const [filed, setFiled] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  if (filed !== undefined) {
    return (
      <div className="import-offer" data-testid="import-offer">
        Filed the {report.added} new papers in “{filed}”.
      </div>
    )
  }
  const suggested = report.suggestedCollection
  const existing =
    suggested === undefined
      ? undefined
      : props.collections.find(
          (node) =>
            node.parentId === undefined && node.name.toLowerCase() === suggested.toLowerCase(),
        )
  const file = (where: FileInto): void => {
    setBusy(true)
    // Filing reports its own failure on the status line (usePaperCommands).
    void props
      .onFileInto(report, where)
      .then((name) => name !== undefined && setFiled(name))
      .finally(() => setBusy(false))
  }
  const papers = report.added === 1 ? 'the new paper' : `the ${report.added} new papers`
  return (
    <div className="import-offer" data-testid="import-offer">
      <span>Put {papers} in a collection:</span>
      {suggested !== undefined && (
        <button
          type="button"
          className="small-button"
          disabled={busy}
          onClick={() =>
            file(
              existing === undefined
                ? { kind: 'new', name: suggested }
                : { kind: 'existing', id: existing.id },
            )
          }
        >
          {existing === undefined ? `New collection “${suggested}”` : `Add to “${suggested}”`}
        </button>
      )}
      <button
        type="button"
        className="small-button"
        disabled={busy}
        onClick={() => file({ kind: 'pick' })}
      >
        {suggested === undefined ? 'Choose a collection…' : 'Another collection…'}
      </button>
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

/** Entries of the file with what happened to each (skipped, imported incomplete), by line. */
function EntryList(props: { summary: string; entries: readonly SkippedEntry[] }) {
  if (props.entries.length === 0) return null
  return (
    <details className="import-skipped">
      <summary>{props.summary}</summary>
      <ul>
        {props.entries.map((entry, index) => (
          <li key={index}>
            Line {entry.line}: {entry.reason}
          </li>
        ))}
      </ul>
    </details>
  )
}
