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
 * Commands the renderer runs for a menu item or its key. Import…, Export… and
 * Find Duplicates… register their own accelerators (main hears the key);
 * Restore from Backup… has no key.
 */
export type RendererCommand = Exclude<
  MenuCommand,
  'import' | 'export' | 'find-duplicates' | 'restore-backup'
>

/**
 * Shortcuts the renderer handles itself (so they work in the browser test
 * harness too): the menu shows them but does not register them, or a key
 * press would run the command twice. Undo and Redo are the exception on
 * macOS, where Cmd+Z is a menu key equivalent (see editItems).
 */
export const RENDERER_SHORTCUTS: Record<RendererCommand, string> = {
  settings: 'CmdOrCtrl+,',
  'toggle-sidebar': 'CmdOrCtrl+Shift+B',
  'toggle-list': 'CmdOrCtrl+Shift+L',
  'toggle-notes': 'CmdOrCtrl+Shift+N',
  undo: 'CmdOrCtrl+Z',
  redo: 'Shift+CmdOrCtrl+Z',
}

/** The application menu as data, so a unit test can check items and accelerators. */
export function buildMenuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const isMac = context.platform === 'darwin'
  const command = (
    label: string,
    name: RendererCommand,
    registerAccelerator = false,
  ): MenuItemConstructorOptions => ({
    label,
    accelerator: RENDERER_SHORTCUTS[name],
    registerAccelerator,
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
    {
      label: 'Restore from Backup…',
      click: () => context.sendCommand('restore-backup'),
    },
    { type: 'separator' },
  ]
  if (!isMac) fileItems.push(settings, { type: 'separator' })
  fileItems.push(isMac ? { role: 'close' } : { role: 'quit' })
  template.push({ label: 'File', submenu: fileItems })
  // Undo and Redo belong to the renderer: outside a text field they undo
  // organizing actions (the library's undo stack), inside one they undo
  // typing. On Windows and Linux the keys reach the page, which decides; the
  // menu only shows them. On macOS Cmd+Z is a menu key equivalent (text
  // fields get their undo from the menu there), so the item catches the key
  // and asks the renderer the same way.
  template.push({
    label: 'Edit',
    submenu: [
      command('Undo', 'undo', isMac),
      command('Redo', 'redo', isMac),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  })
  const viewItems: MenuItemConstructorOptions[] = [
    command('Sidebar', 'toggle-sidebar'),
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
