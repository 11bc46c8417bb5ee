// File > Restore from Backup…: the library's backups, newest first, each with
// a Restore button (asked twice: it replaces the library, though the current
// state is itself backed up first), "Back Up Now", and the backup settings.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { BackupReason, BackupSummary, RestoreReport, Settings } from '../../../shared/model'
import {
  MAX_BACKUP_INTERVAL_HOURS,
  MAX_BACKUPS_KEPT,
  MIN_BACKUP_INTERVAL_HOURS,
  MIN_BACKUPS_KEPT,
} from '../../../shared/settingsBounds'
import { api, errorMessage } from '../api/client'
import { formatDateTime } from '../format'

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
  onClose: () => void
  /** After a restore: the library's content changed under the window. */
  onRestored: (report: RestoreReport) => void
}

export function BackupsDialog({ onClose, onRestored }: BackupsDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [backups, setBackups] = useState<BackupSummary[] | undefined>(undefined)
  const [folder, setFolder] = useState('')
  const [settings, setSettings] = useState<Settings | undefined>(undefined)
  const [confirming, setConfirming] = useState<string | undefined>(undefined)
  const [status, setStatus] = useState<Status>({ kind: 'idle' })

  const refresh = useCallback(async () => {
    const list = await api.listBackups({})
    setBackups(list.backups)
    setFolder(list.folder)
  }, [])

  useEffect(() => {
    dialog.current?.showModal()
    Promise.all([refresh(), api.getSettings({}).then(setSettings)]).catch((caught: unknown) =>
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

  const backUpNow = () =>
    run('Backing up…', async () => {
      const { backup, created } = await api.createBackup({})
      return created
        ? `Backed up: ${backup.paperCount} papers and ${backup.noteCount} notes.`
        : `Nothing changed since the backup of ${formatDateTime(backup.createdAt)}.`
    })

  const restore = (backup: BackupSummary) =>
    run('Restoring…', async () => {
      setConfirming(undefined)
      const report = await api.restoreBackup({ id: backup.id })
      onRestored(report)
      return (
        `Restored the backup of ${formatDateTime(report.restored.createdAt)}. Your library as ` +
        `it was just before is kept as the backup of ${formatDateTime(report.previous.createdAt)}: ` +
        'restore that one to undo.'
      )
    })

  const saveSetting = (patch: Partial<Settings>) =>
    run('Saving…', async () => {
      setSettings(await api.updateSettings({ patch }))
      return 'Settings saved.'
    })

  const busy = status.kind === 'working'
  return (
    <dialog
      ref={dialog}
      className="backups-dialog"
      aria-labelledby="backups-title"
      data-testid="backups-dialog"
      onClose={onClose}
    >
      <h2 id="backups-title">Backups</h2>
      {settings !== undefined && (
        <p className="backups-settings">
          Offprint backs up this library when it starts and after every{' '}
          <NumberSetting
            label="Hours of use between backups"
            value={settings.backupIntervalHours}
            min={MIN_BACKUP_INTERVAL_HOURS}
            max={MAX_BACKUP_INTERVAL_HOURS}
            onCommit={(backupIntervalHours) => void saveSetting({ backupIntervalHours })}
          />{' '}
          hours of use, keeping the last{' '}
          <NumberSetting
            label="Backups to keep"
            value={settings.backupsKept}
            min={MIN_BACKUPS_KEPT}
            max={MAX_BACKUPS_KEPT}
            onCommit={(backupsKept) => void saveSetting({ backupsKept })}
          />
          . They are in <code className="problem-path">{folder}</code>.
        </p>
      )}
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
                {REASON_TEXT[backup.reason]} · {backup.paperCount} papers, {backup.noteCount} notes
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
        <button type="button" className="primary-button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
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

/** A small number field that saves when it loses focus or on Enter, if the value is valid. */
function NumberSetting(props: {
  label: string
  value: number
  min: number
  max: number
  onCommit: (value: number) => void
}) {
  const [text, setText] = useState(String(props.value))
  useEffect(() => setText(String(props.value)), [props.value])
  const parsed = Number(text)
  const valid = Number.isInteger(parsed) && parsed >= props.min && parsed <= props.max
  const commit = () => {
    if (valid && parsed !== props.value) props.onCommit(parsed)
  }
  return (
    <input
      type="number"
      className="number-setting"
      aria-label={props.label}
      aria-invalid={!valid}
      title={`${props.min}–${props.max}`}
      min={props.min}
      max={props.max}
      step={1}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit()
      }}
    />
  )
}
