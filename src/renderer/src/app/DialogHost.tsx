// Everything that opens over the window: the import preview, Export, Find
// Duplicates, the backups, Settings, the organizing dialogs and context menus,
// the command palette and the cheat sheet, and the status line's toast.
import { useQueryClient } from '@tanstack/react-query'
import type { CollectionNode, LibraryInfo, NoteSummary } from '../../../shared/model'
import type { SettingsState } from '../features/settings/useSettings'
import { BackupsDialog } from '../features/backups/BackupsDialog'
import { CommandPalette } from '../features/commands/CommandPalette'
import { ShortcutsDialog } from '../features/commands/ShortcutsDialog'
import { DuplicatesDialog } from '../features/duplicates/DuplicatesDialog'
import { ExportDialog } from '../features/export/ExportDialog'
import { DailyPapersDialog } from '../features/import/DailyPapersDialog'
import { ImportPreviewDialog } from '../features/import/ImportPreviewDialog'
import type { Importer } from '../features/import/useImport'
import { SettingsDialog } from '../features/settings/SettingsDialog'
import { ActionToast } from '../features/undo/ActionToast'
import type { ActionStatusState } from '../features/undo/useActionStatus'
import type { UndoDirection } from '../features/undo/useUndo'
import { AppDialog } from '../ui/AppDialog'
import { ContextMenu } from '../ui/ContextMenu'
import type { Overlays } from './useOverlays'
import type { WindowCommands } from './useWindowCommands'
import type { WindowDialogs } from './useWindowDialogs'

interface DialogHostProps {
  dialogs: WindowDialogs
  overlays: Overlays
  commands: WindowCommands
  importer: Importer
  settings: SettingsState
  info: LibraryInfo | undefined
  selectedIds: readonly string[]
  collections: readonly CollectionNode[]
  notes: readonly NoteSummary[]
  status: ActionStatusState
  onReplay(direction: UndoDirection): void
}

export function DialogHost(props: DialogHostProps) {
  const { dialogs, overlays, commands, importer, status } = props
  const { settings, update } = props.settings
  const queryClient = useQueryClient()
  return (
    <>
      {importer.preview !== undefined && (
        <ImportPreviewDialog
          preview={importer.preview}
          onConfirm={importer.confirm}
          onCancel={importer.cancel}
        />
      )}
      {dialogs.dailyOpen && (
        <DailyPapersDialog
          onFetch={(period) => {
            dialogs.closeDailyPapers()
            void importer.getDailyPapers(period)
          }}
          onCancel={dialogs.closeDailyPapers}
        />
      )}
      {dialogs.formats === 'export' && (
        <ExportDialog selectedIds={props.selectedIds} onClose={dialogs.closeFormats} />
      )}
      {dialogs.formats === 'duplicates' && <DuplicatesDialog onClose={dialogs.closeFormats} />}
      {dialogs.backupsOpen && (
        <BackupsDialog
          settings={settings}
          onClose={dialogs.closeBackups}
          onRestored={() => {
            // The selected paper may not exist in the restored library: the first one is shown.
            update({ selectedPaperId: null })
            // Everything changed: main says so too, but nothing shown may wait for that.
            void queryClient.invalidateQueries()
          }}
        />
      )}
      {status.status !== undefined && (
        <ActionToast
          status={status.status}
          onReplay={props.onReplay}
          onDismiss={status.dismiss}
          onHold={status.hold}
        />
      )}
      {dialogs.menu !== undefined && (
        <ContextMenu menu={dialogs.menu} onClose={dialogs.closeMenu} />
      )}
      {dialogs.dialog !== undefined && (
        <AppDialog dialog={dialogs.dialog} onClose={dialogs.closeDialog} />
      )}
      {overlays.overlay === 'palette' && (
        <CommandPalette
          context={commands.context}
          collections={props.collections}
          notes={props.notes}
          onRun={commands.runFromPalette}
          onJump={commands.jumpTo}
          onOpenCollection={commands.openCollection}
          onOpenNote={commands.openStandaloneNote}
          onClose={overlays.closeOverlay}
        />
      )}
      {overlays.overlay === 'shortcuts' && <ShortcutsDialog onClose={overlays.closeOverlay} />}
      {dialogs.settingsOpen && settings !== undefined && (
        <SettingsDialog
          settings={settings}
          info={props.info}
          onChange={update}
          onClose={dialogs.closeSettings}
          onShowBackups={() => {
            dialogs.closeSettings()
            dialogs.openBackups()
          }}
        />
      )}
    </>
  )
}
