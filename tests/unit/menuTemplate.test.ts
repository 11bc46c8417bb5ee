import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import type { MenuCommand } from '../../src/shared/model'
import { buildMenuTemplate } from '../../src/main/window/menuTemplate'

function submenuOf(template: MenuItemConstructorOptions[], label: string) {
  const menu = template.find((item) => item.label === label)
  expect(menu, `menu ${label}`).toBeDefined()
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[]
}

describe('application menu', () => {
  it('has File > Import… on Ctrl/Cmd+O, which asks the renderer to import', () => {
    const sent: MenuCommand[] = []
    const template = buildMenuTemplate({
      platform: 'linux',
      isDevelopment: false,
      sendCommand: (command) => sent.push(command),
    })
    const importItem = submenuOf(template, 'File').find((item) => item.label === 'Import…')
    expect(importItem?.accelerator).toBe('CmdOrCtrl+O')
    const click = importItem?.click as (() => void) | undefined
    click?.()
    expect(sent).toEqual(['import'])
  })

  it('has File > Export… (Ctrl/Cmd+Shift+E) and Find Duplicates…, each sent to the renderer', () => {
    const sent: MenuCommand[] = []
    const file = submenuOf(
      buildMenuTemplate({
        platform: 'linux',
        isDevelopment: false,
        sendCommand: (c) => sent.push(c),
      }),
      'File',
    )
    expect(file.map((item) => item.label ?? item.type ?? item.role)).toEqual([
      'Import…',
      'Export…',
      'separator',
      'Find Duplicates…',
      'separator',
      'Restore from Backup…',
      'separator',
      'Settings…',
      'separator',
      'quit',
    ])
    const exportItem = file.find((item) => item.label === 'Export…')
    expect(exportItem?.accelerator).toBe('CmdOrCtrl+Shift+E')
    for (const item of file) (item.click as (() => void) | undefined)?.()
    expect(sent).toEqual(['import', 'export', 'find-duplicates', 'restore-backup', 'settings'])
  })

  it('has File > Restore from Backup…, which asks the renderer for its dialog', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const sent: MenuCommand[] = []
      const template = buildMenuTemplate({
        platform,
        isDevelopment: false,
        sendCommand: (command) => sent.push(command),
      })
      const file = submenuOf(template, 'File')
      const labels = file.map((item) => item.label ?? item.type ?? item.role)
      expect(labels).toContain('Restore from Backup…')
      const click = file.find((item) => item.label === 'Restore from Backup…')?.click as
        (() => void) | undefined
      click?.()
      expect(sent).toEqual(['restore-backup'])
    }
  })

  it('has Edit > Undo and Redo, which ask the renderer (the page owns both undo stacks)', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const sent: MenuCommand[] = []
      const edit = submenuOf(
        buildMenuTemplate({ platform, isDevelopment: false, sendCommand: (c) => sent.push(c) }),
        'Edit',
      )
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

  it('shows devtools and reload only in development', () => {
    const roles = (isDevelopment: boolean) =>
      submenuOf(
        buildMenuTemplate({ platform: 'linux', isDevelopment, sendCommand: () => {} }),
        'View',
      ).map((item) => item.role)
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(false)).not.toContain('reload')
    expect(roles(true)).toContain('toggleDevTools')
  })

  it('follows each platform’s conventions', () => {
    const mac = buildMenuTemplate({
      platform: 'darwin',
      isDevelopment: false,
      sendCommand: () => {},
    })
    expect(mac[0]?.role).toBe('appMenu')
    expect(submenuOf(mac, 'File').some((item) => item.role === 'close')).toBe(true)
    const linux = buildMenuTemplate({
      platform: 'linux',
      isDevelopment: false,
      sendCommand: () => {},
    })
    expect(linux.some((item) => item.role === 'appMenu')).toBe(false)
    expect(submenuOf(linux, 'File').some((item) => item.role === 'quit')).toBe(true)
  })

  it('offers Settings… and the pane toggles, shown with shortcuts the renderer handles', () => {
    const sent: MenuCommand[] = []
    const sendCommand = (command: MenuCommand) => sent.push(command)
    const linux = buildMenuTemplate({ platform: 'linux', isDevelopment: false, sendCommand })
    const settings = submenuOf(linux, 'File').find((item) => item.label === 'Settings…')
    const view = submenuOf(linux, 'View')
    const list = view.find((item) => item.label === 'Paper List')
    const notes = view.find((item) => item.label === 'Notes')
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

    const mac = buildMenuTemplate({ platform: 'darwin', isDevelopment: false, sendCommand })
    const appMenu = (mac[0]?.submenu ?? []) as MenuItemConstructorOptions[]
    expect(appMenu.some((item) => item.label === 'Settings…')).toBe(true)
    expect(submenuOf(mac, 'File').some((item) => item.label === 'Settings…')).toBe(false)
  })
})
