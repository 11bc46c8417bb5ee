// The window's own dialogs, opened from the toolbar, the menus and the
// commands: Settings, Export, Find Duplicates and the backups; and the
// organizing ones (a confirmation, the collection picker) and context menus.
import { useMemo, useState } from 'react'
import type { AppDialogState } from '../ui/AppDialog'
import type { OpenMenu } from '../ui/ContextMenu'

export interface WindowDialogs {
  /** Export and Find Duplicates share a place: one of them at a time. */
  formats: 'export' | 'duplicates' | undefined
  settingsOpen: boolean
  backupsOpen: boolean
  /** Get Daily Papers…: which day, week or month to fetch. */
  dailyOpen: boolean
  openDailyPapers(): void
  closeDailyPapers(): void
  openExport(): void
  openDuplicates(): void
  closeFormats(): void
  openSettings(): void
  closeSettings(): void
  openBackups(): void
  closeBackups(): void
  dialog: AppDialogState | undefined
  openDialog(dialog: AppDialogState): void
  closeDialog(): void
  menu: OpenMenu | undefined
  openMenu(menu: OpenMenu): void
  closeMenu(): void
}

export function useWindowDialogs(): WindowDialogs {
  const [formats, setFormats] = useState<'export' | 'duplicates' | undefined>(undefined)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [backupsOpen, setBackupsOpen] = useState(false)
  const [dailyOpen, setDailyOpen] = useState(false)
  const [dialog, setDialog] = useState<AppDialogState | undefined>(undefined)
  const [menu, setMenu] = useState<OpenMenu | undefined>(undefined)
  const actions = useMemo(
    () => ({
      openExport: () => setFormats('export'),
      openDuplicates: () => setFormats('duplicates'),
      closeFormats: () => setFormats(undefined),
      openSettings: () => setSettingsOpen(true),
      closeSettings: () => setSettingsOpen(false),
      openBackups: () => setBackupsOpen(true),
      closeBackups: () => setBackupsOpen(false),
      openDailyPapers: () => setDailyOpen(true),
      closeDailyPapers: () => setDailyOpen(false),
      openDialog: (next: AppDialogState) => setDialog(next),
      closeDialog: () => setDialog(undefined),
      openMenu: (next: OpenMenu) => setMenu(next),
      closeMenu: () => setMenu(undefined),
    }),
    [],
  )
  return { formats, settingsOpen, backupsOpen, dailyOpen, dialog, menu, ...actions }
}
