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
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  })
  // Undo and Redo belong to the renderer: outside a text field they undo
  // organizing actions (the library's undo stack), inside one they undo
  // typing. On Windows and Linux the keys reach the page, which decides; the
  // menu only shows them. On macOS Cmd+Z is a menu key equivalent, so the
  // menu item catches it and asks the renderer the same way.
  const editItem = (label: string, accelerator: string, command: MenuCommand) => ({
    label,
    accelerator,
    registerAccelerator: isMac,
    click: () => context.sendCommand(command),
  })
  template.push({
    label: 'Edit',
    submenu: [
      editItem('Undo', 'CmdOrCtrl+Z', 'undo'),
      editItem('Redo', 'Shift+CmdOrCtrl+Z', 'redo'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  })
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
