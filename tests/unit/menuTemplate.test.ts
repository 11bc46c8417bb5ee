import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { COMMAND_IDS, COMMANDS, acceleratorOf } from '../../src/shared/commands'
import type { MenuCommand } from '../../src/shared/model'
import { buildMenuTemplate, type MenuContext } from '../../src/main/app/window/menuTemplate'

function submenuOf(template: MenuItemConstructorOptions[], label: string) {
  const menu = template.find((item) => item.label === label)
  expect(menu, `menu ${label}`).toBeDefined()
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[]
}

/** The menu's context; `sent` collects the commands sent to the window, `chosen` counts Open dialogs. */
function context(
  platform: NodeJS.Platform,
  sent: MenuCommand[] = [],
  chosen: { count: number } = { count: 0 },
  isDevelopment = false,
): MenuContext {
  return {
    platform,
    isDevelopment,
    sendCommand: (command) => sent.push(command),
    chooseFilesToImport: () => chosen.count++,
  }
}

function linuxMenu(sent: MenuCommand[] = [], chosen?: { count: number }) {
  return buildMenuTemplate(context('linux', sent, chosen))
}

function click(item: MenuItemConstructorOptions | undefined): void {
  ;(item?.click as (() => void) | undefined)?.()
}

describe('application menu', () => {
  it('has File, Edit, View, Go and Help, in that order', () => {
    expect(linuxMenu().map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Go', 'Help'])
  })

  it('has File > Import… on Ctrl/Cmd+O, which opens the system Open dialog from main', () => {
    // A menu click gives the page no user activation, so a file chooser the
    // page opened then would be refused: main shows the dialog instead.
    const sent: MenuCommand[] = []
    const chosen = { count: 0 }
    const importItem = submenuOf(linuxMenu(sent, chosen), 'File').find(
      (item) => item.label === 'Import…',
    )
    expect(importItem?.accelerator).toBe('CmdOrCtrl+O')
    // The key itself reaches the page, whose key handler may open its picker.
    expect(importItem?.registerAccelerator).toBe(false)
    click(importItem)
    expect(chosen.count).toBe(1)
    expect(sent).toEqual([])
  })

  it('has File > Export… on Ctrl/Cmd+Shift+E and Find Duplicates…, each asking the renderer', () => {
    const sent: MenuCommand[] = []
    const file = submenuOf(linuxMenu(sent), 'File')
    const exportItem = file.find((item) => item.label === 'Export…')
    expect(exportItem?.accelerator).toBe('CmdOrCtrl+Shift+E')
    click(exportItem)
    click(file.find((item) => item.label === 'Find Duplicates…'))
    expect(sent).toEqual(['export', 'find-duplicates'])
  })

  it('lists every command of the catalogue once, with its first shortcut, sending its id', () => {
    const sent: MenuCommand[] = []
    const chosen = { count: 0 }
    const template = linuxMenu(sent, chosen)
    for (const id of COMMAND_IDS) {
      const spec = COMMANDS[id]
      const menu = spec.menu
      expect(menu, id).toBeDefined()
      const items = submenuOf(template, menu ?? '').filter((item) => item.id === id)
      expect(items, id).toHaveLength(1)
      const [item] = items
      expect(item?.label).toBe(spec.title)
      const first = spec.keys[0]
      if (first === undefined) {
        // A command with no key (Restore from Backup…) shows none.
        expect(item?.accelerator).toBeUndefined()
      } else {
        expect(item?.accelerator).toBe(acceleratorOf(first))
        // The window handles the keys; the menu only shows them.
        expect(item?.registerAccelerator).toBe(false)
      }
      click(item)
    }
    // Every command but Import…, which main runs itself (see above).
    expect(sent).toEqual(COMMAND_IDS.filter((id) => id !== 'import'))
    expect(chosen.count).toBe(1)
  })

  it('writes the issue’s shortcuts in Electron’s accelerator syntax', () => {
    const accelerators = Object.fromEntries(
      COMMAND_IDS.map((id) => [id, COMMANDS[id].keys.map(acceleratorOf)]),
    )
    expect(accelerators).toMatchObject({
      'command-palette': ['CmdOrCtrl+K'],
      find: ['CmdOrCtrl+F', '/'],
      'new-note': ['CmdOrCtrl+N'],
      'toggle-star': ['S'],
      'mark-unread': ['U'],
      'mark-read': ['R'],
      'mark-reading': ['I'],
      tag: ['T'],
      'add-to-collection': ['C'],
      'focus-list': ['CmdOrCtrl+1'],
      'focus-paper': ['CmdOrCtrl+2'],
      'focus-notes': ['CmdOrCtrl+3'],
      'toggle-sidebar': ['CmdOrCtrl+\\', 'CmdOrCtrl+Shift+B'],
      'toggle-list': ['CmdOrCtrl+Shift+L'],
      'toggle-notes': ['CmdOrCtrl+Shift+N'],
      settings: ['CmdOrCtrl+,'],
      'go-back': ['Alt+Left'],
      'go-forward': ['Alt+Right'],
      'next-paper': ['J'],
      'previous-paper': ['K'],
      'show-shortcuts': ['?'],
    })
    const all = COMMAND_IDS.flatMap((id) => COMMANDS[id].keys.map(acceleratorOf))
    expect(new Set(all).size, 'no two commands share a shortcut').toBe(all.length)
  })

  it('has Edit > Undo and Redo, which ask the renderer (the page owns both undo stacks)', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const sent: MenuCommand[] = []
      const edit = submenuOf(buildMenuTemplate(context(platform, sent)), 'Edit')
      const undo = edit.find((item) => item.label === 'Undo')
      const redo = edit.find((item) => item.label === 'Redo')
      expect(undo?.accelerator).toBe('CmdOrCtrl+Z')
      expect(redo?.accelerator).toBe('Shift+CmdOrCtrl+Z')
      // Only macOS needs the menu to catch the keys; elsewhere the page gets them.
      expect(undo?.registerAccelerator).toBe(platform === 'darwin')
      ;(undo?.click as (() => void) | undefined)?.()
      ;(redo?.click as (() => void) | undefined)?.()
      expect(sent).toEqual(['undo', 'redo'])
      expect(edit.map((item) => item.role).filter(Boolean)).toEqual([
        'cut',
        'copy',
        'paste',
        'selectAll',
      ])
    }
  })

  it('keeps the standard edit roles (copy and paste must work in every text field)', () => {
    const roles = submenuOf(linuxMenu(), 'Edit').map((item) => item.role)
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']))
  })

  it('shows devtools and reload only in development', () => {
    const roles = (isDevelopment: boolean) =>
      submenuOf(buildMenuTemplate(context('linux', [], { count: 0 }, isDevelopment)), 'View').map(
        (item) => item.role,
      )
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(false)).not.toContain('reload')
    expect(roles(true)).toContain('toggleDevTools')
  })

  it('follows each platform’s conventions', () => {
    const mac = buildMenuTemplate(context('darwin'))
    expect(mac[0]?.role).toBe('appMenu')
    // Settings… lives in the application menu on macOS, in File elsewhere.
    const appMenu = (mac[0]?.submenu ?? []) as MenuItemConstructorOptions[]
    expect(appMenu.find((item) => item.id === 'settings')?.accelerator).toBe('CmdOrCtrl+,')
    expect(submenuOf(mac, 'File').some((item) => item.id === 'settings')).toBe(false)
    expect(mac.some((item) => item.role === 'windowMenu')).toBe(true)
    expect(submenuOf(mac, 'File').some((item) => item.role === 'close')).toBe(true)
    const linux = linuxMenu()
    expect(linux.some((item) => item.role === 'appMenu')).toBe(false)
    expect(submenuOf(linux, 'File').some((item) => item.role === 'quit')).toBe(true)
  })

  it('offers Settings… and the pane toggles, shown with shortcuts the renderer handles', () => {
    const sent: MenuCommand[] = []
    const linux = buildMenuTemplate(context('linux', sent))
    const settings = submenuOf(linux, 'File').find((item) => item.label === 'Settings…')
    const view = submenuOf(linux, 'View')
    const list = view.find((item) => item.id === 'toggle-list')
    const notes = view.find((item) => item.id === 'toggle-notes')
    expect([settings?.accelerator, list?.accelerator, notes?.accelerator]).toEqual([
      'CmdOrCtrl+,',
      'CmdOrCtrl+Shift+L',
      'CmdOrCtrl+Shift+N',
    ])
    // Registered, the key would reach both the menu and the page: the command would run twice.
    for (const item of [settings, list, notes]) {
      expect(item?.registerAccelerator).toBe(false)
      ;(item?.click as (() => void) | undefined)?.()
    }
    expect(sent).toEqual(['settings', 'toggle-list', 'toggle-notes'])

    const mac = buildMenuTemplate(context('darwin', sent))
    const appMenu = (mac[0]?.submenu ?? []) as MenuItemConstructorOptions[]
    expect(appMenu.some((item) => item.label === 'Settings…')).toBe(true)
    expect(submenuOf(mac, 'File').some((item) => item.label === 'Settings…')).toBe(false)
  })

  it('on macOS gives the menu only Cmd shortcuts, so typing S, J or ? in a note never reaches it', () => {
    const mac = buildMenuTemplate(context('darwin'))
    const accelerators = mac
      .flatMap((menu) => (menu.submenu ?? []) as MenuItemConstructorOptions[])
      .filter((item) => item.accelerator !== undefined)
      .map((item) => String(item.accelerator))
    expect(accelerators).toEqual([
      'CmdOrCtrl+,',
      'CmdOrCtrl+O',
      'CmdOrCtrl+Shift+E',
      'CmdOrCtrl+N',
      'CmdOrCtrl+Z',
      'Shift+CmdOrCtrl+Z',
      'CmdOrCtrl+F',
      'CmdOrCtrl+Shift+C',
      'CmdOrCtrl+K',
      'CmdOrCtrl+\\',
      'CmdOrCtrl+Shift+L',
      'CmdOrCtrl+Shift+N',
      'CmdOrCtrl+1',
      'CmdOrCtrl+2',
      'CmdOrCtrl+3',
      'CmdOrCtrl+Shift+M',
      'CmdOrCtrl+Shift+T',
    ])
    // The same items on Linux keep showing their single keys (never registered there).
    const star = submenuOf(linuxMenu(), 'Edit').find((item) => item.id === 'toggle-star')
    expect(star?.accelerator).toBe('S')
  })
})
