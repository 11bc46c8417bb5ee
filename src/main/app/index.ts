// Electron glue: app lifecycle, the window, the menu. Every decision made here
// (window options and bounds, navigation, menu, taskbar progress, log rotation,
// what a second launch means) is a pure function in ./window, ./logging or
// openedFiles.ts, tested without Electron; this file only wires them to
// Electron's objects.
import { basename, join } from 'node:path'
import { app, BrowserWindow, dialog, Menu, nativeTheme, screen, session, shell } from 'electron'
import { EVENT_CHANNEL } from '../../shared/api'
import type { LibraryEvent, Settings } from '../../shared/model'
import { callApi, createDispatcher, type ApiDispatch } from '../core/kernel/dispatch'
import { messageOf } from '../core/kernel/errors'
import { Library } from '../core/library'
import { handleAppScheme, registerAppScheme } from './appProtocol'
import { resolveLibraryDir } from './libraryLocation'
import { onPageListening, registerIpc } from './ipc'
import { FileLogger } from './logging/fileLogger'
import {
  decideSecondLaunch,
  filesToOpen,
  IMPORT_DIALOG_OPTIONS,
  readOpenedFile,
} from './openedFiles'
import { EventOutbox } from './window/eventOutbox'
import { buildMenuTemplate } from './window/menuTemplate'
import { APP_PAGE_URL } from './window/appOrigin'
import { TaskbarProgress } from './window/taskbarProgress'
import { guardAllWebContents } from './window/webContentsGuards'
import { boundsToSave, restoreWindowBounds } from './window/windowBounds'
import { mainWindowOptions } from './window/windowOptions'

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
/** The one page whose top frame may call the library (see isTrustedSender). */
const appPageUrl = devServerUrl ?? APP_PAGE_URL
const resourcesDir = join(app.isPackaged ? process.resourcesPath : app.getAppPath(), 'resources')
const log = new FileLogger(join(app.getPath('userData'), 'logs', 'offprint.log'))

/** Saving the window's place waits for it to stop moving. */
const BOUNDS_SAVE_DELAY_MS = 500

let mainWindow: BrowserWindow | null = null
/** Stores the main window's place now; replaced by each new window. */
let saveWindowBounds: () => void = () => undefined
let quitting = false
const outbox = new EventOutbox((event) => mainWindow?.webContents.send(EVENT_CHANNEL, event))

function send(event: LibraryEvent): void {
  outbox.send(event)
}

process.on('uncaughtExceptionMonitor', (error) => log.error('uncaught exception', error))
process.on('unhandledRejection', (reason) => log.error('unhandled promise rejection', reason))

// Before `ready`: the renderer's scheme; every web contents gets the navigation rules.
registerAppScheme()
guardAllWebContents(app, (url) => void shell.openExternal(url))

// A second launch (e.g. a double-clicked .bib while Offprint runs) hands its
// files to this instance and quits.
if (!app.requestSingleInstanceLock()) app.quit()

// macOS delivers opened files as events, possibly before the app is ready.
app.on('open-file', (event, path) => {
  event.preventDefault()
  void openFile(path)
})

async function openFile(path: string): Promise<void> {
  const content = await readOpenedFile(path)
  if (!content.ok) log.warn(`could not read opened file ${path}: ${content.message}`)
  send({ type: 'open-file', fileName: basename(path), content })
  focusWindow()
}

/** File > Import…: the files picked in the system Open dialog are imported one after another. */
async function chooseFilesToImport(): Promise<void> {
  if (mainWindow === null) return
  const { canceled, filePaths } = await dialog.showOpenDialog(mainWindow, IMPORT_DIALOG_OPTIONS)
  if (canceled) return
  for (const path of filePaths) await openFile(path)
}

function focusWindow(): void {
  if (mainWindow === null) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

function createWindow(library: Library, settings: Settings): BrowserWindow {
  const primary = screen.getPrimaryDisplay().workArea
  const bounds = restoreWindowBounds(
    settings.window,
    screen.getAllDisplays().map((display) => display.workArea),
    primary,
  )
  const window = new BrowserWindow(
    mainWindowOptions(join(__dirname, '../preload/index.js'), {
      bounds,
      theme: settings.theme,
      systemDark: nativeTheme.shouldUseDarkColors,
      iconPath: join(resourcesDir, 'icons', '512x512.png'),
    }),
  )
  if (bounds.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  window.webContents.on('did-start-loading', () => outbox.pageLoading())
  window.webContents.on('console-message', ({ level, message, sourceId, lineNumber }) => {
    if (level === 'error') log.error(`renderer: ${message} (${sourceId}:${lineNumber})`)
  })
  window.webContents.on('render-process-gone', (_event, details) => {
    log.error(`renderer process gone: ${details.reason} (exit code ${details.exitCode})`)
  })

  let saveTimer: ReturnType<typeof setTimeout> | undefined
  const saveBounds = (): void => {
    clearTimeout(saveTimer)
    if (quitting || window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return
    const patch = { window: boundsToSave(window.getNormalBounds(), window.isMaximized()) }
    void callApi(library.api, 'updateSettings', { patch }).then((response) => {
      if (!response.ok) log.warn(`could not save the window's place: ${response.error.message}`)
    })
  }
  const saveBoundsSoon = (): void => {
    clearTimeout(saveTimer)
    saveTimer = setTimeout(saveBounds, BOUNDS_SAVE_DELAY_MS)
  }
  window.on('resize', saveBoundsSoon)
  window.on('move', saveBoundsSoon)
  window.on('maximize', saveBoundsSoon)
  window.on('unmaximize', saveBoundsSoon)
  window.on('close', saveBounds)
  saveWindowBounds = saveBounds

  void window.loadURL(appPageUrl)
  return window
}

/** The dispatcher, logging failures that are ours (not the user's input) to the log file. */
function loggingDispatcher(library: Library): ApiDispatch {
  const dispatch = createDispatcher(library.api)
  return async (method, args) => {
    const response = await dispatch(method, args)
    if (!response.ok && (response.error.code === 'internal' || response.error.code === 'storage')) {
      log.error(`${method} failed: ${response.error.message}`)
    }
    return response
  }
}

async function openLibrary(): Promise<Library> {
  const libraryDir = resolveLibraryDir({
    argv: process.argv,
    env: process.env,
    defaultDir: join(app.getPath('userData'), 'library'),
  })
  const library = await Library.open(libraryDir, {
    samplePath: join(resourcesDir, 'sample-daily-papers.txt'),
    automaticBackups: true,
  })
  const info = await library.api.getLibraryInfo({})
  log.info(`Offprint ${app.getVersion()} opened ${info.path} (${info.paperCount} papers)`)
  for (const problem of info.problems) {
    const restored =
      problem.restoredFrom === undefined ? '' : `; restored from backup ${problem.restoredFrom.id}`
    log.warn(`${problem.file}: ${problem.reason}; moved to ${problem.movedTo}${restored}`)
  }
  return library
}

async function start(): Promise<void> {
  await app.whenReady()
  handleAppScheme(session.defaultSession, join(__dirname, '../renderer'))

  let library: Library
  try {
    library = await openLibrary()
  } catch (error) {
    log.error('could not open the library', error)
    dialog.showErrorBox(
      'Offprint could not open its library',
      `${messageOf(error)}\n\nNothing was changed. The log is in ${log.path}.`,
    )
    app.exit(1)
    return
  }

  const settings = await library.api.getSettings({})
  nativeTheme.themeSource = settings.theme
  library.onSettingsChange((changed) => {
    nativeTheme.themeSource = changed.theme
  })
  library.onChange((change) => send({ type: 'library-changed', change }))
  const taskbar = new TaskbarProgress()
  library.onProgress((progress) => {
    send({ type: 'progress', progress })
    mainWindow?.setProgressBar(taskbar.update(progress))
    if (progress.state === 'failed') log.warn(`${progress.label} failed at "${progress.step}"`)
  })
  registerIpc(loggingDispatcher(library), appPageUrl)
  onPageListening(appPageUrl, () => outbox.pageListening())

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        isDevelopment: devServerUrl !== undefined,
        sendCommand: (command) => send({ type: 'menu-command', command }),
        chooseFilesToImport: () => {
          chooseFilesToImport().catch((error: unknown) => log.error('File > Import… failed', error))
        },
      }),
    ),
  )

  mainWindow = createWindow(library, settings)
  for (const path of filesToOpen(process.argv.slice(1), process.cwd())) void openFile(path)
  app.on('second-instance', (_event, argv, cwd) => {
    const decision = decideSecondLaunch(argv, cwd)
    if (decision.focusWindow) focusWindow()
    for (const path of decision.filesToImport) void openFile(path)
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) {
      void library.api.getSettings({}).then((current) => {
        mainWindow = createWindow(library, current)
      })
    }
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // Pending note saves (and the window's place) must reach the disk before the process exits.
  app.on('before-quit', (event) => {
    if (quitting) return
    saveWindowBounds() // queued before close(), which waits for it
    quitting = true
    event.preventDefault()
    // Gone at once for the user; closing may still save a large search index.
    for (const window of BrowserWindow.getAllWindows()) window.hide()
    void library
      .close()
      .catch((error: unknown) => log.error('could not close the library cleanly', error))
      .finally(() => app.quit())
  })
}

void start().catch((error: unknown) => {
  log.error('start failed', error)
  app.exit(1)
})
