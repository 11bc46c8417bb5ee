// The reading settings kept in the library: when an opened paper counts as read.
import type { Settings } from '../../../shared/model'
import { Dialog } from './Dialog'

const MARK_READ_CHOICES: { value: number | null; label: string }[] = [
  { value: null, label: 'Never (only by hand)' },
  { value: 0, label: 'As soon as it is opened' },
  { value: 3, label: 'After 3 seconds open' },
  { value: 10, label: 'After 10 seconds open' },
  { value: 30, label: 'After 30 seconds open' },
]

export function SettingsDialog(props: {
  settings: Settings
  onChange: (patch: Partial<Settings>) => void
  onClose: () => void
}) {
  const current = props.settings.markReadAfterSeconds
  const known = MARK_READ_CHOICES.some((choice) => choice.value === current)
  const choices = known
    ? MARK_READ_CHOICES
    : [...MARK_READ_CHOICES, { value: current, label: `After ${current} seconds open` }]
  return (
    <Dialog title="Settings" onCancel={props.onClose}>
      <label className="setting-row">
        <span>Mark an unread paper as read</span>
        <select
          value={current === null ? 'never' : String(current)}
          onChange={(event) =>
            props.onChange({
              markReadAfterSeconds:
                event.target.value === 'never' ? null : Number(event.target.value),
            })
          }
          data-testid="mark-read-setting"
        >
          {choices.map((choice) => (
            <option
              key={String(choice.value)}
              value={choice.value === null ? 'never' : String(choice.value)}
            >
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <div className="dialog-buttons">
        <button type="button" className="primary-button" onClick={props.onClose}>
          Done
        </button>
      </div>
    </Dialog>
  )
}
