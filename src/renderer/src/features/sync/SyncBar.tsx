// The Sync status: shown once a second device has written to the library
// folder. One line says which devices, when the folder was last merged, how
// many conflict copies and notes were merged automatically, and how many notes
// need a look; "Review" opens the Conflicts view.
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { SyncStatus } from '../../../../shared/model'
import { libraryQueries } from '../../data/libraryQueries'
import { formatDateTime } from '../../ui/format'
import { ConflictsDialog } from './ConflictsDialog'
import { count } from '../../../../shared/text/count'

/** The status as one sentence, e.g. "Synced with desktop · merged 6 Dec 16:40 · …". */
export function syncSummary(status: SyncStatus): string {
  const others = status.devices.filter((device) => device !== status.device)
  const parts = [`This device: ${status.device}`, `synced with ${others.join(', ')}`]
  if (status.lastMerge !== undefined) parts.push(`last merge ${formatDateTime(status.lastMerge)}`)
  if (status.conflictCopiesMerged > 0) {
    parts.push(`${count(status.conflictCopiesMerged, 'conflict copy', 'conflict copies')} merged`)
  }
  if (status.notesMerged > 0) {
    parts.push(`${count(status.notesMerged, 'note')} merged line by line`)
  }
  return parts.join(' · ')
}

export function SyncBar() {
  const { data: status } = useQuery(libraryQueries.syncStatus())
  const [reviewing, setReviewing] = useState(false)
  if (status === undefined || (status.devices.length < 2 && status.conflicts.length === 0)) {
    return null
  }
  const count = status.conflicts.length
  return (
    <>
      <div className="sync-bar" role="status" aria-label="Sync" data-testid="sync-bar">
        <span>{syncSummary(status)}</span>
        {count > 0 && (
          <>
            <strong className="sync-attention">
              {count} {count === 1 ? 'note needs' : 'notes need'} a look
            </strong>
            <button type="button" className="toolbar-button" onClick={() => setReviewing(true)}>
              Review Conflicts…
            </button>
          </>
        )}
      </div>
      {reviewing && (
        <ConflictsDialog conflicts={status.conflicts} onClose={() => setReviewing(false)} />
      )}
    </>
  )
}
