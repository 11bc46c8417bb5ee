// File > Restore from Backup…: the library's backups, newest first, each with
// a Restore button (asked twice: it replaces the library, though the current
// state is itself backed up first), and "Back Up Now". How often backups are
// made and how many are kept is set in Settings.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { BackupReason, BackupSummary, RestoreReport, Settings } from '../../../../shared/model'
import { api, errorMessage } from '../../data/client'
import { Dialog } from '../../ui/Dialog'
import { formatDateTime } from '../../ui/format'
import { count } from '../../../../shared/text/count'

const REASON_TEXT: Record<BackupReason, string> = {
  start: 'when Offprint started',
  scheduled: 'scheduled',
  manual: 'made by you',
  'before-restore': 'just before a restore',
}

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; what: string }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string }

interface BackupsDialogProps {
  /** The backup settings, shown (they are changed in Settings). */
  settings: Settings | undefined
  onClose: () => void
  /** After a restore: the library's content changed under the window. */
  onRestored: (report: RestoreReport) => void
}

export function BackupsDialog({ settings, onClose, onRestored }: BackupsDialogProps) {
  const [backups, setBackups] = useState<BackupSummary[] | undefined>(undefined)
  const [folder, setFolder] = useState('')
  const [confirming, setConfirming] = useState<string | undefined>(undefined)
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const closeButton = useRef<HTMLButtonElement>(null)

  const refresh = useCallback(
    () =>
      api.listBackups({}).then((list) => {
        setBackups(list.backups)
        setFolder(list.folder)
      }),
    [],
  )

  useEffect(() => {
    refresh().catch((caught: unknown) =>
      setStatus({ kind: 'failed', message: errorMessage(caught) }),
    )
  }, [refresh])

  async function run(what: string, task: () => Promise<string>): Promise<void> {
    setStatus({ kind: 'working', what })
    try {
      setStatus({ kind: 'done', message: await task() })
    } catch (caught) {
      setStatus({ kind: 'failed', message: errorMessage(caught) })
    }
    await refresh().catch(() => undefined)
  }

  // run() reports its own failure on the status line: nothing is left to reject.
  const backUpNow = (): void =>
    void run('Backing up…', async () => {
      const { backup, created } = await api.createBackup({})
      return created
        ? `Backed up: ${count(backup.paperCount, 'paper')} and ${count(backup.noteCount, 'note')}.`
        : `Nothing changed since the backup of ${formatDateTime(backup.createdAt)}.`
    })

  const restore = (backup: BackupSummary) =>
    run('Restoring…', async () => {
      // The confirming row goes away with the button in it: the keyboard stays in the dialog.
      closeButton.current?.focus()
      setConfirming(undefined)
      const report = await api.restoreBackup({ id: backup.id })
      onRestored(report)
      return (
        `Restored the backup of ${formatDateTime(report.restored.createdAt)}. Your library as ` +
        `it was just before is kept as the backup of ${formatDateTime(report.previous.createdAt)}: ` +
        'restore that one to undo.'
      )
    })

  const busy = status.kind === 'working'
  return (
    <Dialog title="Backups" onCancel={onClose} className="backups-dialog">
      <div data-testid="backups-dialog">
        <p className="backups-settings" data-testid="backups-settings">
          {settings === undefined
            ? 'Offprint backs up this library when it starts and regularly while it runs'
            : `Offprint backs up this library when it starts and after every ${hoursText(settings.backupIntervalHours)} of use, keeping the last ${settings.backupsKept} (change this in Settings)`}
          . They are in <code className="problem-path">{folder}</code>.
        </p>
        {backups === undefined ? (
          <p>Loading…</p>
        ) : backups.length === 0 ? (
          <p>No backups yet.</p>
        ) : (
          <ul className="backup-list" aria-label="Backups">
            {backups.map((backup) => (
              <li key={backup.id} className="backup-row" data-testid="backup-row">
                <span className="backup-when">{formatDateTime(backup.createdAt)}</span>
                <span className="backup-what">
                  {REASON_TEXT[backup.reason]} · {backup.paperCount} papers, {backup.noteCount}{' '}
                  notes
                </span>
                {confirming === backup.id ? (
                  <span className="backup-confirm">
                    Replace the library with this backup?{' '}
                    <button
                      type="button"
                      className="primary-button"
                      disabled={busy}
                      onClick={() => void restore(backup)}
                    >
                      Restore
                    </button>{' '}
                    <button
                      type="button"
                      className="toolbar-button"
                      onClick={() => setConfirming(undefined)}
                    >
                      Cancel
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    className="toolbar-button"
                    disabled={busy}
                    onClick={() => setConfirming(backup.id)}
                  >
                    Restore…
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        <p className="backups-note">
          Restoring replaces the papers, notes and settings with the backup’s. The library as it is
          now is backed up first, so a restore can be undone.
        </p>
        <StatusLine status={status} />
        <div className="dialog-buttons">
          <button type="button" className="toolbar-button" disabled={busy} onClick={backUpNow}>
            Back Up Now
          </button>
          <span className="toolbar-spacer" />
          <button ref={closeButton} type="button" className="primary-button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  )
}

function StatusLine({ status }: { status: Status }) {
  if (status.kind === 'idle') return null
  if (status.kind === 'failed') {
    return (
      <p className="dialog-status dialog-failed" role="alert" data-testid="backups-status">
        {status.message}
      </p>
    )
  }
  return (
    <p className="dialog-status" role="status" data-testid="backups-status">
      {status.kind === 'working' ? status.what : status.message}
    </p>
  )
}

function hoursText(hours: number): string {
  return hours === 1 ? 'hour' : `${hours} hours`
}
