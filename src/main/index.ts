// Electron glue: app lifecycle, the window, the menu. Every decision made here
// (window options, navigation, menu) is a pure function in ./window, tested
// without Electron; this file only wires them to Electron's objects.
import { join } from 'node:path'
import { app, BrowserWindow, Menu, session, shell } from 'electron'
import { EVENT_CHANNEL } from '../shared/api'
import type { LibraryEvent } from '../shared/model'
import { createDispatcher } from './library/dispatch'
import { Library } from './library/library'
import { resolveLibraryDir } from './library/libraryLocation'
import { registerIpc } from './ipc'
import { buildMenuTemplate } from './window/menuTemplate'
import {
  decideWindowOpen,
  isNavigationAllowed,
  isPermissionGranted,
  isSafeExternalUrl,
} from './window/navigationRules'
import { mainWindowOptions } from './window/windowOptions'

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined

let mainWindow: BrowserWindow | null = null

function send(event: LibraryEvent): void {
  mainWindow?.webContents.send(EVENT_CHANNEL, event)
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.js')))
  window.once('ready-to-show', () => window.show())
  window.webContents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url)
    if (decision.openExternally !== undefined) void shell.openExternal(decision.openExternally)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, window.webContents.getURL())) {
      event.preventDefault()
      if (isSafeExternalUrl(url)) void shell.openExternal(url)
    }
  })
  window.webContents.on('will-attach-webview', (event) => event.preventDefault())
  if (devServerUrl !== undefined) void window.loadURL(devServerUrl)
  else void window.loadFile(join(__dirname, '../renderer/index.html'))
  return window
}

async function start(): Promise<void> {
  await app.whenReady()
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionGranted(permission)),
  )
  session.defaultSession.setPermissionCheckHandler((_contents, permission) =>
    isPermissionGranted(permission),
  )

  const libraryDir = resolveLibraryDir({
    argv: process.argv,
    env: process.env,
    defaultDir: join(app.getPath('userData'), 'library'),
  })
  const library = await Library.open(libraryDir, {
    samplePath: join(
      app.isPackaged ? process.resourcesPath : app.getAppPath(),
      'resources',
      'sample-daily-papers.txt',
    ),
  })
  library.onChange(() => send({ type: 'library-changed' }))
  library.onProgress((progress) => send({ type: 'import-progress', ...progress }))
  registerIpc(createDispatcher(library), devServerUrl)

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        isDevelopment: devServerUrl !== undefined,
        sendCommand: (command) => send({ type: 'menu-command', command }),
      }),
    ),
  )

  mainWindow = createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // Pending note saves must reach the disk before the process exits.
  let closing = false
  app.on('before-quit', (event) => {
    if (closing) return
    closing = true
    event.preventDefault()
    void library.close().finally(() => app.quit())
  })
}

void start()
