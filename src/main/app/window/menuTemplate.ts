// The application menu as data (File, Edit, View, Go, Help), built from the
// command catalogue in src/shared/commands.ts, so each item carries the same
// shortcut the window, the palette and the cheat sheet show.
//
// The window handles every command's keys itself (that is what makes them work
// in the browser tests, and keeps single letters like S from stealing typing),
// so menu items show their accelerator without registering it
// (registerAccelerator: false): a key press never runs a command twice. A
// click sends the command to the window. macOS ignores registerAccelerator:
// every accelerator there is a key equivalent that a keydown the page does not
// cancel reaches (Electron issues #18295, #21815), and the page deliberately
// lets keys through while the user types. So on macOS only Cmd combinations
// are menu accelerators (the page cancels those it handles); single keys (S,
// J, ?) and Option+arrows are handled in the page alone and not shown there. Undo and Redo are the exception on
// macOS, where Cmd+Z is a menu key equivalent (see the Edit menu), and so is
// File > Import…: a menu click gives the page no user activation, and Chromium
// opens no file chooser without one, so main shows the system Open dialog.
import type { MenuItemConstructorOptions } from 'electron'
import {
  acceleratorOf,
  COMMAND_IDS,
  COMMANDS,
  type KeyBinding,
  type MenuName,
} from '../../../shared/commands'
import type { MenuCommand } from '../../../shared/model'

export interface MenuContext {
  platform: NodeJS.Platform
  /** Development builds get reload and devtools; users never see them. */
  isDevelopment: boolean
  /** Ask the renderer to run a command it owns (it shows the dialogs). */
  sendCommand: (command: MenuCommand) => void
  /** File > Import…: main's Open dialog, whose files go to the window to import. */
  chooseFilesToImport: () => void
}

/** The catalogue's commands of one menu, in catalogue order. */
function commandItems(menu: MenuName, context: MenuContext): MenuItemConstructorOptions[] {
  return COMMAND_IDS.filter((id) => COMMANDS[id].menu === menu).map((id) => {
    const first: KeyBinding | undefined = COMMANDS[id].keys[0]
    const item: MenuItemConstructorOptions = {
      id,
      label: COMMANDS[id].title,
      click: id === 'import' ? context.chooseFilesToImport : () => context.sendCommand(id),
    }
    if (first !== undefined && (context.platform !== 'darwin' || first.mod === true)) {
      item.accelerator = acceleratorOf(first)
      item.registerAccelerator = false
    }
    return item
  })
}

const SEPARATOR: MenuItemConstructorOptions = { type: 'separator' }

export function buildMenuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const isMac = context.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = []
  const fileItems = commandItems('File', context)
  if (isMac) {
    // macOS keeps Settings… in the application menu.
    const settings = fileItems.filter((item) => item.id === 'settings')
    template.push({
      role: 'appMenu',
      submenu: [
        { role: 'about' },
        SEPARATOR,
        ...settings,
        SEPARATOR,
        { role: 'services' },
        SEPARATOR,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        SEPARATOR,
        { role: 'quit' },
      ],
    })
  }
  template.push({
    label: 'File',
    submenu: [
      ...fileItems.filter((item) => !isMac || item.id !== 'settings'),
      SEPARATOR,
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  })
  // Undo and Redo belong to the renderer: outside a text field they undo
  // organizing actions (the library's undo stack), inside one they undo
  // typing. On Windows and Linux the keys reach the page, which decides; the
  // menu only shows them. On macOS Cmd+Z is a menu key equivalent (text
  // fields get their undo from the menu there), so the item catches the key
  // and asks the renderer the same way.
  const replay = (label: string, command: 'undo' | 'redo'): MenuItemConstructorOptions => ({
    id: command,
    label,
    accelerator: command === 'undo' ? 'CmdOrCtrl+Z' : 'Shift+CmdOrCtrl+Z',
    registerAccelerator: isMac,
    click: () => context.sendCommand(command),
  })
  template.push({
    label: 'Edit',
    submenu: [
      replay('Undo', 'undo'),
      replay('Redo', 'redo'),
      SEPARATOR,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      SEPARATOR,
      ...commandItems('Edit', context),
    ],
  })
  const viewItems: MenuItemConstructorOptions[] = [
    ...commandItems('View', context),
    SEPARATOR,
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    SEPARATOR,
    { role: 'togglefullscreen' },
  ]
  if (context.isDevelopment) {
    viewItems.push(SEPARATOR, { role: 'reload' }, { role: 'toggleDevTools' })
  }
  template.push({ label: 'View', submenu: viewItems })
  template.push({ label: 'Go', submenu: commandItems('Go', context) })
  if (isMac) template.push({ role: 'windowMenu' })
  template.push({ role: 'help', label: 'Help', submenu: commandItems('Help', context) })
  return template
}
