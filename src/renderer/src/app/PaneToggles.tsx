// The toolbar's switches that show or hide the sidebar, the paper list and the notes pane.
import type { Settings } from '../../../shared/model'
import type { SettingsPatch } from '../../../shared/model'

const TOGGLES = [
  { label: 'Sidebar', setting: 'sidebarOpen', keys: 'Ctrl/Cmd+\\ or Ctrl/Cmd+Shift+B' },
  { label: 'Paper list', setting: 'listPaneOpen', keys: 'Ctrl/Cmd+Shift+L' },
  { label: 'Notes', setting: 'notesPaneOpen', keys: 'Ctrl/Cmd+Shift+N' },
] as const

export function PaneToggles(props: { settings: Settings; onChange(patch: SettingsPatch): void }) {
  const { settings, onChange } = props
  return (
    <div className="toolbar-group" role="group" aria-label="Panes">
      {TOGGLES.map(({ label, setting, keys }) => (
        <button
          key={setting}
          type="button"
          className="toolbar-button pane-toggle"
          aria-pressed={settings[setting]}
          title={`Show or hide the ${label.toLowerCase()} (${keys})`}
          onClick={() => onChange({ [setting]: !settings[setting] })}
        >
          {label}
        </button>
      ))}
    </div>
  )
}
