// Electron glue: app lifecycle, the window, the menu. Every decision made here
// (window options and bounds, navigation, menus, quitting, files handed over
// at launch, a crashed page, log rotation) is a pure function or small class
// in ./window, ./logging, quit.ts, launchQueue.ts or openedFiles.ts, tested
// without Electron; this file only wires them to Electron's objects, and the
// main-process harness (tests/main/) runs its built form against a recorded
// stand-in for Electron.
import { basename, join } from 'node:path'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  screen,
  session,
  shell,
  type IpcMainEvent,
} from 'electron'
import { EVENT_CHANNEL, FLUSH_CHANNEL, FLUSHED_CHANNEL } from '../../shared/api'
import type { LibraryEvent, MenuCommand, Settings } from '../../shared/model'
import { callApi, createDispatcher, type ApiDispatch } from '../core/kernel/dispatch'
import { messageOf } from '../core/kernel/errors'
import { Library } from '../core/library'
import { handleAppScheme, registerAppScheme } from './appProtocol'
import { onPageListening, registerIpc, senderOf } from './ipc'
import { LaunchQueue } from './launchQueue'
import { resolveLibraryDir } from './libraryLocation'
import { FileLogger } from './logging/fileLogger'
import {
  decideSecondLaunch,
  filesToOpen,
  IMPORT_DIALOG_OPTIONS,
  readOpenedFile,
} from './openedFiles'
import { describeFlush, PageFlushes, QUIT_FLUSH_TIMEOUTS, QuitSequence } from './quit'
import { contextMenuTemplate } from './window/contextMenu'
import { EventOutbox } from './window/eventOutbox'
import { buildMenuTemplate } from './window/menuTemplate'
import { APP_PAGE_URL } from './window/appOrigin'
import { isTrustedSender } from './window/navigationRules'
import { RELOAD_BUTTON, rendererGoneDialog } from './window/rendererCrash'
import { TaskbarProgress } from './window/taskbarProgress'
import { warmCitationStyle } from './warmCitationStyle'
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

/** The open window; null before the first and after Cmd+W on macOS. */
let mainWindow: BrowserWindow | null = null
/** Set once the library is open: makes a window when one is needed again. */
let makeWindow: (() => Promise<BrowserWindow>) | undefined
let windowBeingMade: Promise<BrowserWindow> | undefined
/** Stores the main window's place now; replaced by each new window. */
let saveWindowBounds: () => void = () => undefined
let library: Library | undefined
const outbox = new EventOutbox((event) => liveWindow()?.webContents.send(EVENT_CHANNEL, event))
const launchFiles = new LaunchQueue()
const pageFlushes = new PageFlushes()

/** Asks every page to save its pending edits and waits (bounded); logs the outcome. */
async function flushPages(): Promise<void> {
  const targets = BrowserWindow.getAllWindows().map((window) => ({
    ask: (id: number) => window.webContents.send(FLUSH_CHANNEL, id),
  }))
  const outcome = await pageFlushes.flushAll(targets, QUIT_FLUSH_TIMEOUTS)
  const line = describeFlush(outcome, QUIT_FLUSH_TIMEOUTS)
  if (outcome.answered < outcome.asked || outcome.unreachable > 0) log.warn(line)
  else log.info(line)
}

const quitSequence = new QuitSequence({
  flushPages: async () => {
    saveWindowBounds() // queued before the library closes, which waits for it
    await flushPages()
  },
  hideWindows: () => {
    for (const window of BrowserWindow.getAllWindows()) window.hide()
  },
  closeLibrary: async () => {
    await library?.close()
    log.info('quit: library closed')
  },
  quit: () => app.quit(),
  logError: (message, error) => log.error(message, error),
})

function liveWindow(): BrowserWindow | null {
  return mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null
}

function send(event: LibraryEvent): void {
  outbox.send(event)
}

/** The window, made anew when there is none (macOS after Cmd+W); undefined before the library opened. */
async function ensureWindow(): Promise<BrowserWindow | undefined> {
  const window = liveWindow()
  if (window !== null) return window
  if (makeWindow === undefined || quitSequence.isQuitting) return undefined
  // Two menu clicks, or a click and a Finder open, make one window between them.
  windowBeingMade ??= makeWindow().finally(() => {
    windowBeingMade = undefined
  })
  return windowBeingMade
}

async function openFile(path: string): Promise<void> {
  const content = await readOpenedFile(path)
  if (!content.ok) log.warn(`could not read opened file ${path}: ${content.message}`)
  await ensureWindow()
  send({ type: 'open-file', fileName: basename(path), content })
  focusWindow()
}

/** File > Import…: the files picked in the system Open dialog are imported one after another. */
async function chooseFilesToImport(): Promise<void> {
  const window = await ensureWindow()
  if (window === undefined) return
  const { canceled, filePaths } = await dialog.showOpenDialog(window, IMPORT_DIALOG_OPTIONS)
  if (canceled) return
  for (const path of filePaths) await openFile(path)
}

function sendCommand(command: MenuCommand): void {
  void ensureWindow().then(() => send({ type: 'menu-command', command }))
}

function focusWindow(): void {
  const window = liveWindow()
  if (window === null) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}

function createWindow(open: Library, settings: Settings): BrowserWindow {
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
  // Shown once painted: maximize() shows a window, so it waits as well.
  window.once('ready-to-show', () => {
    if (bounds.maximized) window.maximize()
    window.show()
    window.focus()
  })
  const contents = window.webContents
  contents.on('did-start-loading', () => outbox.pageLoading())
  contents.on('console-message', ({ level, message, sourceId, lineNumber }) => {
    if (level === 'error') log.error(`renderer: ${message} (${sourceId}:${lineNumber})`)
  })
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
    })
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window })
  })
  contents.on('render-process-gone', (_event, details) => {
    log.error(`renderer process gone: ${details.reason} (exit code ${details.exitCode})`)
    const options = rendererGoneDialog(details)
    if (options === undefined || quitSequence.isQuitting || window.isDestroyed()) return
    void dialog.showMessageBox(window, options).then(({ response }) => {
      if (window.isDestroyed()) return
      if (response === RELOAD_BUTTON) contents.reload()
      else app.quit()
    })
  })
  // Windows: logging out or shutting down emits no before-quit. Save what the
  // page holds when asked whether the session may end, close when it ends.
  window.on('query-session-end', () => void flushPages())
  window.on('session-end', () => void quitSequence.start())

  let saveTimer: ReturnType<typeof setTimeout> | undefined
  const saveBounds = (): void => {
    clearTimeout(saveTimer)
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return
    const patch = { window: boundsToSave(window.getNormalBounds(), window.isMaximized()) }
    void callApi(open.api, 'updateSettings', { patch }).then((response) => {
      if (!response.ok) log.warn(`could not save the window's place: ${response.error.message}`)
    })
  }
  const saveBoundsSoon = (): void => {
    clearTimeout(saveTimer)
    if (quitSequence.isQuitting) return
    saveTimer = setTimeout(saveBounds, BOUNDS_SAVE_DELAY_MS)
  }
  window.on('resize', saveBoundsSoon)
  window.on('move', saveBoundsSoon)
  window.on('maximize', saveBoundsSoon)
  window.on('unmaximize', saveBoundsSoon)
  window.on('close', () => {
    if (!quitSequence.isQuitting) saveBounds()
  })
  window.on('closed', () => {
    clearTimeout(saveTimer)
    if (mainWindow === window) mainWindow = null
    saveWindowBounds = () => undefined
    outbox.pageLoading() // events wait for the next window's page
  })
  saveWindowBounds = saveBounds
  mainWindow = window

  void window.loadURL(appPageUrl)
  return window
}

/** The dispatcher, logging failures that are ours (not the user's input) to the log file. */
function loggingDispatcher(open: Library): ApiDispatch {
  const dispatch = createDispatcher(open.api)
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
  const opened = await Library.open(libraryDir, {
    samplePath: join(resourcesDir, 'sample-daily-papers.txt'),
    stylesDir: join(resourcesDir, 'csl'),
    automaticBackups: true,
    // The device id lives beside the library's default place, never inside a synced folder.
    deviceFolder: app.getPath('userData'),
    watchFolder: true,
    feedSchedule: true,
  })
  const info = await opened.api.getLibraryInfo({})
  log.info(`Offprint ${app.getVersion()} opened ${info.path} (${info.paperCount} papers)`)
  for (const problem of info.problems) {
    const restored =
      problem.restoredFrom === undefined ? '' : `; restored from backup ${problem.restoredFrom.id}`
    log.warn(`${problem.file}: ${problem.reason}; moved to ${problem.movedTo}${restored}`)
  }
  return opened
}

/** Listeners that must exist before anything slow: files handed over and quitting. */
function listenEarly(): void {
  process.on('uncaughtExceptionMonitor', (error) => log.error('uncaught exception', error))
  process.on('unhandledRejection', (reason) => log.error('unhandled promise rejection', reason))
  for (const path of filesToOpen(process.argv.slice(1), process.cwd())) launchFiles.add(path)
  // macOS delivers opened files as events, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    launchFiles.add(path)
  })
  app.on('second-instance', (_event, argv, cwd) => {
    const decision = decideSecondLaunch(argv, cwd)
    if (decision.focusWindow) focusWindow()
    for (const path of decision.filesToImport) launchFiles.add(path)
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void ensureWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // Pending note saves and settings (and the window's place) reach the disk before the library closes.
  app.on('before-quit', (event) => {
    if (quitSequence.beforeQuit()) event.preventDefault()
  })
  ipcMain.on(FLUSHED_CHANNEL, (event: IpcMainEvent, requestId: unknown, answer: unknown) => {
    if (isTrustedSender(senderOf(event), appPageUrl)) pageFlushes.acknowledge(requestId, answer)
  })
}

async function start(): Promise<void> {
  await app.whenReady()
  handleAppScheme(session.defaultSession, join(__dirname, '../renderer'), () => {
    const open = library
    return open === undefined ? undefined : (sha256) => open.attachmentFile(sha256)
  })

  let opened: Library
  try {
    opened = await openLibrary()
  } catch (error) {
    log.error('could not open the library', error)
    dialog.showErrorBox(
      'Offprint could not open its library',
      `${messageOf(error)}\n\nNothing was changed. The log is in ${log.path}.`,
    )
    app.exit(1)
    return
  }
  library = opened
  if (quitSequence.isQuitting) {
    await opened.close() // quit while the library opened, before anything was shown
    return
  }

  const settings = await opened.api.getSettings({})
  nativeTheme.themeSource = settings.theme
  opened.onSettingsChange((changed) => {
    nativeTheme.themeSource = changed.theme
  })
  opened.onChange((change) => send({ type: 'library-changed', change }))
  const taskbar = new TaskbarProgress()
  opened.onProgress((progress) => {
    send({ type: 'progress', progress })
    liveWindow()?.setProgressBar(taskbar.update(progress))
    if (progress.state === 'failed') log.warn(`${progress.label} failed at "${progress.step}"`)
  })
  registerIpc(loggingDispatcher(opened), appPageUrl)
  onPageListening(appPageUrl, () => outbox.pageListening())

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        isDevelopment: devServerUrl !== undefined,
        sendCommand,
        chooseFilesToImport: () => {
          chooseFilesToImport().catch((error: unknown) => log.error('File > Import… failed', error))
        },
      }),
    ),
  )

  makeWindow = async () => createWindow(opened, await opened.api.getSettings({}))
  createWindow(opened, settings)
  launchFiles.startDelivering((path) => void openFile(path))
  warmCitationStyle(opened, (message, error) => log.error(message, error))
}

// A second launch (e.g. a double-clicked .bib while Offprint runs) hands its
// command line to the first instance (second-instance) and exits at once: it
// must not open the library, register IPC or make a window.
if (app.requestSingleInstanceLock()) {
  // Before `ready`: the renderer's scheme; every web contents gets the navigation rules.
  registerAppScheme()
  guardAllWebContents(app, (url) => void shell.openExternal(url))
  listenEarly()
  void start().catch((error: unknown) => {
    log.error('start failed', error)
    app.exit(1)
  })
} else {
  app.exit(0)
}
