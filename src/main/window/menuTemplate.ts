import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/model'

export interface MenuContext {
  platform: NodeJS.Platform
  /** Development builds get reload and devtools; users never see them. */
  isDevelopment: boolean
  /** Ask the renderer to run a command it owns (it shows the dialogs). */
  sendCommand: (command: MenuCommand) => void
}

/**
 * Shortcuts the renderer handles itself (so they work in the browser test
 * harness too): the menu shows them but does not register them, or a key
 * press would run the command twice.
 */
/** Commands whose menu item registers its own accelerator (main hears the key). */
type MenuShortcutCommand = 'import' | 'export' | 'find-duplicates'

export const RENDERER_SHORTCUTS: Record<Exclude<MenuCommand, MenuShortcutCommand>, string> = {
  settings: 'CmdOrCtrl+,',
  'toggle-list': 'CmdOrCtrl+Shift+L',
  'toggle-notes': 'CmdOrCtrl+Shift+N',
}

/** The application menu as data, so a unit test can check items and accelerators. */
export function buildMenuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const isMac = context.platform === 'darwin'
  const command = (
    label: string,
    name: Exclude<MenuCommand, MenuShortcutCommand>,
  ): MenuItemConstructorOptions => ({
    label,
    accelerator: RENDERER_SHORTCUTS[name],
    registerAccelerator: false,
    click: () => context.sendCommand(name),
  })
  const settings = command('Settings…', 'settings')
  const template: MenuItemConstructorOptions[] = []
  if (isMac) {
    // macOS keeps Settings… in the application menu.
    template.push({
      role: 'appMenu',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        settings,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    })
  }
  const fileItems: MenuItemConstructorOptions[] = [
    {
      label: 'Import…',
      accelerator: 'CmdOrCtrl+O',
      click: () => context.sendCommand('import'),
    },
    {
      // The renderer asks what and how, gets the text from the core, and saves it
      // as a download, which Electron turns into the system's Save dialog.
      label: 'Export…',
      accelerator: 'CmdOrCtrl+Shift+E',
      click: () => context.sendCommand('export'),
    },
    { type: 'separator' },
    {
      label: 'Find Duplicates…',
      click: () => context.sendCommand('find-duplicates'),
    },
    { type: 'separator' },
  ]
  if (!isMac) fileItems.push(settings, { type: 'separator' })
  fileItems.push(isMac ? { role: 'close' } : { role: 'quit' })
  template.push({ label: 'File', submenu: fileItems })
  template.push({ role: 'editMenu' })
  const viewItems: MenuItemConstructorOptions[] = [
    command('Paper List', 'toggle-list'),
    command('Notes', 'toggle-notes'),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ]
  if (context.isDevelopment) {
    viewItems.unshift({ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' })
  }
  template.push({ label: 'View', submenu: viewItems })
  template.push({ role: 'windowMenu' })
  return template
}
