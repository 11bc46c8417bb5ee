// Electron glue: app lifecycle, the window, the menu. Every decision made here
// (window options, navigation, menu, what a second launch means) is a pure
// function in ./window or ./launch, tested without Electron; this file only
// wires them to Electron's objects.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, Menu, session, shell } from 'electron'
import { EVENT_CHANNEL } from '../shared/api'
import type { LibraryEvent } from '../shared/model'
import { decideSecondLaunch, filesToOpen } from './launch/launchArguments'
import { readOpenedFile } from './launch/openedFile'
import { createDispatcher, createUnavailableDispatcher } from './library/dispatch'
import type { ApiDispatch } from './library/dispatch'
import { Library } from './library/library'
import { resolveLibraryDir } from './library/libraryLocation'
import { onPageListening, registerIpc } from './ipc'
import { buildMenuTemplate } from './window/menuTemplate'
import {
  decideWindowOpen,
  isNavigationAllowed,
  isPermissionGranted,
  isSafeExternalUrl,
} from './window/navigationRules'
import { mainWindowOptions } from './window/windowOptions'

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
const appPageUrl = devServerUrl ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href

let mainWindow: BrowserWindow | null = null
// Events for a page that is not listening yet (files named on the command line).
const heldBack: LibraryEvent[] = []
let listening = false

function send(event: LibraryEvent): void {
  if (mainWindow === null || !listening) heldBack.push(event)
  else mainWindow.webContents.send(EVENT_CHANNEL, event)
}

async function openFiles(paths: readonly string[]): Promise<void> {
  for (const path of paths) send(await readOpenedFile(path))
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
  // A reload starts a page that has not subscribed yet.
  window.webContents.on('did-start-loading', () => (listening = false))
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

  // A library that cannot be opened (written by a newer Offprint, say, or
  // `--library` without a folder) still gets a window: every call answers with
  // the reason, which the window shows.
  let dispatch: ApiDispatch
  let library: Library | undefined
  try {
    const libraryDir = resolveLibraryDir({
      argv: process.argv,
      env: process.env,
      defaultDir: join(app.getPath('userData'), 'library'),
    })
    library = await Library.open(libraryDir, {
      automaticBackups: true,
      samplePath: join(
        app.isPackaged ? process.resourcesPath : app.getAppPath(),
        'resources',
        'sample-daily-papers.txt',
      ),
    })
    library.onChange(() => send({ type: 'library-changed' }))
    dispatch = createDispatcher(library)
  } catch (error) {
    console.error('offprint: the library could not be opened:', error)
    dispatch = createUnavailableDispatcher(error)
  }
  registerIpc(dispatch, appPageUrl)
  onPageListening(appPageUrl, () => {
    listening = true
    for (const held of heldBack.splice(0)) mainWindow?.webContents.send(EVENT_CHANNEL, held)
  })

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
  void openFiles(
    filesToOpen({ argv: process.argv, cwd: process.cwd(), isPackaged: app.isPackaged }),
  )
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // Pending note saves must reach the disk before the process exits.
  let closing = false
  app.on('before-quit', (event) => {
    if (closing || library === undefined) return
    closing = true
    event.preventDefault()
    void library.close().finally(() => app.quit())
  })
}

// One Offprint per user: a second launch hands its files to the first and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const decision = decideSecondLaunch({ argv, cwd: workingDirectory, isPackaged: app.isPackaged })
    if (mainWindow !== null && decision.focusWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.show()
      mainWindow.focus()
    }
    void openFiles(decision.filesToImport)
  })
  void start()
}
