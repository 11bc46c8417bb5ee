import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/model'

export interface MenuContext {
  platform: NodeJS.Platform
  /** Development builds get reload and devtools; users never see them. */
  isDevelopment: boolean
  /** Ask the renderer to run a command it owns (it shows the dialogs). */
  sendCommand: (command: MenuCommand) => void
}

/** The application menu as data, so a unit test can check items and accelerators. */
export function buildMenuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const isMac = context.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = []
  if (isMac) template.push({ role: 'appMenu' })
  template.push({
    label: 'File',
    submenu: [
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
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  })
  template.push({ role: 'editMenu' })
  const viewItems: MenuItemConstructorOptions[] = [
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
