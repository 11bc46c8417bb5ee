// The window's toolbar: Back and Forward, the library's size, Undo and Redo,
// the pane switches, and the commands most often wanted.
import { IMPORT_FILE_ACCEPT } from '../../../shared/model'
import type { LibraryInfo, Settings, UndoState } from '../../../shared/model'
import type { SettingsPatch } from '../../../shared/model'
import type { Importer } from '../features/import/useImport'
import type { Navigation } from '../features/navigation/useNavigation'
import { UndoButtons } from '../features/undo/UndoButtons'
import type { UndoDirection } from '../features/undo/useUndo'
import { PaneToggles } from './PaneToggles'
import type { WindowDialogs } from './useWindowDialogs'

interface ToolbarProps {
  navigation: Navigation
  info: LibraryInfo | undefined
  undoState: UndoState
  onReplay(direction: UndoDirection): void
  settings: Settings | undefined
  onSettingsChange(patch: SettingsPatch): void
  onOpenPalette(): void
  importer: Importer
  dialogs: WindowDialogs
}

const HISTORY_BUTTONS = [
  { label: 'Back', symbol: '←', keys: 'Alt+←', enabled: 'canGoBack', move: 'back' },
  { label: 'Forward', symbol: '→', keys: 'Alt+→', enabled: 'canGoForward', move: 'forward' },
] as const

export function Toolbar(props: ToolbarProps) {
  const { navigation, info, settings, importer, dialogs } = props
  const { chooseFiles, fileInput, onFilesChosen } = importer
  return (
    <header className="toolbar">
      <span className="history-buttons">
        {HISTORY_BUTTONS.map(({ label, symbol, keys, enabled, move }) => (
          <button
            key={label}
            type="button"
            className="toolbar-button history-button"
            aria-label={label}
            title={`${label} (${keys})`}
            disabled={!navigation[enabled]}
            onClick={navigation[move]}
          >
            {symbol}
          </button>
        ))}
      </span>
      <span className="app-name">Offprint</span>
      <span className="library-count" data-testid="library-count">
        {info === undefined
          ? ''
          : `${info.paperCount.toLocaleString('en')} ${info.paperCount === 1 ? 'paper' : 'papers'}`}
      </span>
      <span className="toolbar-spacer" />
      <UndoButtons state={props.undoState} onReplay={props.onReplay} />
      {settings !== undefined && (
        <PaneToggles settings={settings} onChange={props.onSettingsChange} />
      )}
      <button
        type="button"
        className="toolbar-button"
        title="Run a command or jump to a paper (Ctrl/Cmd+K)"
        onClick={props.onOpenPalette}
      >
        Commands…
      </button>
      <button type="button" className="toolbar-button" onClick={chooseFiles}>
        Import…
      </button>
      <button
        type="button"
        className="toolbar-button"
        title="Export (Ctrl/Cmd+Shift+E)"
        onClick={dialogs.openExport}
      >
        Export…
      </button>
      <button type="button" className="toolbar-button" onClick={dialogs.openDuplicates}>
        Find duplicates
      </button>
      <button
        type="button"
        className="toolbar-button"
        title="Settings (Ctrl/Cmd+,)"
        onClick={dialogs.openSettings}
      >
        Settings
      </button>
      <input
        ref={fileInput}
        type="file"
        accept={IMPORT_FILE_ACCEPT}
        multiple
        hidden
        data-testid="import-file-input"
        onChange={(event) => onFilesChosen(event.target.files)}
      />
    </header>
  )
}
