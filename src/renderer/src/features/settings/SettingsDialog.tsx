// The settings view: where the library is, backups, appearance, reading, layout.
// A native modal <dialog>: it traps focus, Esc closes it, and focus returns to
// what opened it.
import { useEffect, useId, useRef } from 'react'
import type { LibraryInfo, Settings, ThemeChoice } from '../../../../shared/model'
import { CitationSettingsSection } from '../citations/CitationSettingsSection'
import { ServiceOriginsSection } from './ServiceOriginsSection'
import { TodaySection } from './TodaySection'
import {
  DEFAULT_SETTINGS,
  MAX_READING_FONT_SIZE,
  MIN_READING_FONT_SIZE,
  type SettingsPatch,
} from '../../../../shared/model'
import { count } from '../../../../shared/text/count'

const THEME_LABELS: Record<ThemeChoice, string> = {
  system: 'Same as the system',
  light: 'Light',
  dark: 'Dark',
}

/** How often backups can be made, in hours of use, and how many can be kept. */
const BACKUP_INTERVAL_CHOICES = [1, 2, 4, 8, 12, 24, 48, 168]
const BACKUPS_KEPT_CHOICES = [3, 5, 10, 20, 50, 100]

/** The choices offered, plus the stored value if another version stored one not among them. */
function choicesWith(choices: number[], value: number): number[] {
  return choices.includes(value) ? choices : [...choices, value].sort((a, b) => a - b)
}

function intervalLabel(hours: number): string {
  if (hours === 168) return 'Every week of use'
  return hours === 1 ? 'Every hour of use' : `Every ${hours} hours of use`
}

/** The mark-as-read choices offered, in seconds (null: never). */
const MARK_READ_CHOICES: (number | null)[] = [null, 0, 1, 3, 5, 10, 30, 60]

function markReadLabel(seconds: number | null): string {
  if (seconds === null) return 'Never (mark papers read by hand)'
  if (seconds === 0) return 'As soon as it is opened'
  return `After ${seconds} second${seconds === 1 ? '' : 's'} open`
}

interface SettingsDialogProps {
  settings: Settings
  info: LibraryInfo | undefined
  onChange: (patch: SettingsPatch) => void
  onClose: () => void
  /** Opens the list of backups (File > Restore from Backup…). */
  onShowBackups: () => void
}

export function SettingsDialog(props: SettingsDialogProps) {
  const { settings, info, onChange, onClose, onShowBackups } = props
  const dialog = useRef<HTMLDialogElement>(null)
  const id = useId()
  // A delay stored by another version and not among the choices is still shown.
  const markRead = settings.markReadAfterSeconds
  const markReadChoices = MARK_READ_CHOICES.includes(markRead)
    ? MARK_READ_CHOICES
    : [...MARK_READ_CHOICES, markRead]

  useEffect(() => {
    const element = dialog.current
    if (element === null) return
    element.showModal()
    return () => element.close()
  }, [])

  return (
    <dialog
      ref={dialog}
      className="settings-dialog"
      aria-labelledby={`${id}-title`}
      data-testid="settings-dialog"
      onClose={onClose}
    >
      <div className="settings-header">
        <h2 id={`${id}-title`}>Settings</h2>
        <button type="button" className="icon-button" aria-label="Close settings" onClick={onClose}>
          ×
        </button>
      </div>

      <section className="settings-section" aria-labelledby={`${id}-library`}>
        <h3 id={`${id}-library`}>Library</h3>
        <label className="settings-field" htmlFor={`${id}-folder`}>
          Library folder
        </label>
        <input
          id={`${id}-folder`}
          className="settings-path"
          readOnly
          value={info?.path ?? ''}
          data-testid="settings-library-path"
          onFocus={(event) => event.currentTarget.select()}
        />
        <p className="settings-hint">
          {info === undefined
            ? ''
            : `${count(info.paperCount, 'paper')} and ${count(info.noteCount, 'note')}. `}
          Start Offprint with <code>--library FOLDER</code> to open another library.
        </p>
      </section>

      <section className="settings-section" aria-labelledby={`${id}-backups`}>
        <h3 id={`${id}-backups`}>Backups</h3>
        <p className="settings-hint" data-testid="settings-backups">
          Offprint backs the library up when it starts and then regularly, into the{' '}
          <code>backups</code> folder inside it.
        </p>
        <label className="settings-field" htmlFor={`${id}-backup-interval`}>
          Back up
        </label>
        <select
          id={`${id}-backup-interval`}
          value={settings.backupIntervalHours}
          data-testid="settings-backup-interval"
          onChange={(event) => onChange({ backupIntervalHours: Number(event.target.value) })}
        >
          {choicesWith(BACKUP_INTERVAL_CHOICES, settings.backupIntervalHours).map((hours) => (
            <option key={hours} value={hours}>
              {intervalLabel(hours)}
            </option>
          ))}
        </select>
        <label className="settings-field" htmlFor={`${id}-backups-kept`}>
          Keep
        </label>
        <select
          id={`${id}-backups-kept`}
          value={settings.backupsKept}
          data-testid="settings-backups-kept"
          onChange={(event) => onChange({ backupsKept: Number(event.target.value) })}
        >
          {choicesWith(BACKUPS_KEPT_CHOICES, settings.backupsKept).map((count) => (
            <option key={count} value={count}>
              The last {count} backups
            </option>
          ))}
        </select>
        <p>
          <button type="button" className="toolbar-button" onClick={onShowBackups}>
            Restore from Backup…
          </button>
        </p>
      </section>

      <section className="settings-section" aria-labelledby={`${id}-appearance`}>
        <h3 id={`${id}-appearance`}>Appearance</h3>
        <fieldset className="settings-choices">
          <legend>Theme</legend>
          {(Object.keys(THEME_LABELS) as ThemeChoice[]).map((theme) => (
            <label key={theme} className="settings-choice">
              <input
                type="radio"
                name={`${id}-theme`}
                value={theme}
                checked={settings.theme === theme}
                onChange={() => onChange({ theme })}
              />
              {THEME_LABELS[theme]}
            </label>
          ))}
        </fieldset>
        <label className="settings-field" htmlFor={`${id}-font-size`}>
          Reading font size:{' '}
          <output htmlFor={`${id}-font-size`}>{settings.readingFontSize} px</output>
        </label>
        <input
          id={`${id}-font-size`}
          type="range"
          min={MIN_READING_FONT_SIZE}
          max={MAX_READING_FONT_SIZE}
          step={1}
          value={settings.readingFontSize}
          aria-valuetext={`${settings.readingFontSize} pixels`}
          data-testid="settings-font-size"
          onChange={(event) => onChange({ readingFontSize: Number(event.target.value) })}
        />
        <p className="settings-hint reading-sample">
          Abstracts and note previews are set at this size.
        </p>
      </section>

      <section className="settings-section" aria-labelledby={`${id}-reading`}>
        <h3 id={`${id}-reading`}>Reading</h3>
        <label className="settings-field" htmlFor={`${id}-mark-read`}>
          Mark a paper as read
        </label>
        <select
          id={`${id}-mark-read`}
          value={settings.markReadAfterSeconds ?? 'never'}
          data-testid="settings-mark-read"
          onChange={(event) =>
            onChange({
              markReadAfterSeconds:
                event.target.value === 'never' ? null : Number(event.target.value),
            })
          }
        >
          {markReadChoices.map((seconds) => (
            <option key={seconds ?? 'never'} value={seconds ?? 'never'}>
              {markReadLabel(seconds)}
            </option>
          ))}
        </select>
      </section>

      <CitationSettingsSection id={id} settings={settings} onChange={onChange} />

      <ServiceOriginsSection id={id} origins={settings.serviceOrigins} onChange={onChange} />
      <TodaySection id={id} settings={settings} onChange={onChange} />

      <section className="settings-section" aria-labelledby={`${id}-layout`}>
        <h3 id={`${id}-layout`}>Layout</h3>
        <p className="settings-hint">
          Pane sizes, open panes, the sort order and the selected paper are remembered in the
          library.
        </p>
        <button
          type="button"
          className="toolbar-button"
          onClick={() =>
            onChange({
              sidebarWidth: DEFAULT_SETTINGS.sidebarWidth,
              listPaneWidth: DEFAULT_SETTINGS.listPaneWidth,
              paperPaneWidth: DEFAULT_SETTINGS.paperPaneWidth,
              sidebarOpen: true,
              listPaneOpen: true,
              notesPaneOpen: true,
            })
          }
        >
          Reset pane layout
        </button>
      </section>
    </dialog>
  )
}
