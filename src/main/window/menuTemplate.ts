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
export const RENDERER_SHORTCUTS: Record<Exclude<MenuCommand, 'import'>, string> = {
  settings: 'CmdOrCtrl+,',
  'toggle-list': 'CmdOrCtrl+Shift+L',
  'toggle-notes': 'CmdOrCtrl+Shift+N',
}

/** The application menu as data, so a unit test can check items and accelerators. */
export function buildMenuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const isMac = context.platform === 'darwin'
  const command = (
    label: string,
    name: Exclude<MenuCommand, 'import'>,
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
