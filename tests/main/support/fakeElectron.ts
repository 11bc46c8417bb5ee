// A recorded stand-in for the parts of Electron 41's main-process API that
// Offprint's main uses, following Electron's documented behaviour:
// - app: `will-finish-launching` then `ready` (whenReady resolves after it);
//   app.quit() emits `before-quit` (cancellable), closes every window (each
//   `close` cancellable, then `closed`), then `will-quit` (cancellable), then
//   `quit`, and no `window-all-closed`; closing the last window yourself emits
//   `window-all-closed`; app.exit() emits nothing. `second-instance`,
//   `open-file`, `activate`, `web-contents-created` are emitted by the test.
// - BrowserWindow / webContents: every method of a destroyed one throws
//   "Object has been destroyed", as Electron's do; `session-end` and
//   `query-session-end` are window events (Windows).
// - ipcMain (handle / on), Menu, dialog, shell, session, protocol, screen, nativeTheme.
// The page inside a window is the built preload run in a sandbox that only
// offers `contextBridge` and `ipcRenderer` (see page.ts).
import { EventEmitter } from 'node:events'
import { pathToFileURL } from 'node:url'
import { FakeProtocol, FakeSession, type FakeMenu, type MenuTemplateItem } from './fakeServices'

export type { FakeMenu, MenuTemplateItem } from './fakeServices'

export class FakeEvent {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

function destroyedError(): Error {
  return new TypeError('Object has been destroyed')
}

/** An emitter whose every public method throws once destroyed. */
class Destroyable extends EventEmitter {
  destroyed = false
  protected check(): void {
    if (this.destroyed) throw destroyedError()
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

export type RendererListener = (event: unknown, ...args: unknown[]) => void

export interface IpcEvent {
  sender: FakeWebContents
  senderFrame: { url: string; parent: null | object }
  returnValue?: unknown
}

export class FakeWebContents extends Destroyable {
  url = ''
  readonly sent: { channel: string; args: unknown[] }[] = []
  readonly rendererListeners = new Map<string, Set<RendererListener>>()
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined
  readonly replaced: string[] = []
  reloads = 0
  /** A renderer stuck in a loop: main's messages are queued and never heard. */
  hung = false
  constructor(
    readonly electron: FakeElectron,
    readonly window: FakeBrowserWindow,
  ) {
    super()
  }
  get session(): FakeSession {
    this.check()
    return this.electron.session.defaultSession
  }
  send(channel: string, ...args: unknown[]): void {
    this.check()
    const copies = structuredClone(args)
    this.sent.push({ channel, args: copies })
    // IPC is asynchronous: the page hears it on a later turn.
    setImmediate(() => {
      if (this.destroyed || this.hung) return
      for (const listener of this.rendererListeners.get(channel) ?? []) listener({}, ...copies)
    })
  }
  getURL(): string {
    this.check()
    return this.url
  }
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.check()
    this.windowOpenHandler = handler
  }
  async loadFile(path: string): Promise<void> {
    return this.loadURL(pathToFileURL(path).href)
  }
  async loadURL(url: string): Promise<void> {
    this.check()
    this.url = url
    this.emit('did-start-loading')
    await this.electron.loadPage(this)
  }
  reload(): void {
    this.check()
    this.reloads++
    this.rendererListeners.clear()
    this.emit('did-start-loading')
    void this.electron.loadPage(this)
  }
  replaceMisspelling(word: string): void {
    this.check()
    this.replaced.push(word)
  }
}

let nextWindowId = 1

export class FakeBrowserWindow extends Destroyable {
  readonly id = nextWindowId++
  readonly webContents: FakeWebContents
  /** What happened to the window, in order: 'maximize', 'show', 'ready-to-show'… */
  readonly calls: string[] = []
  visible = false
  maximized = false
  minimized = false
  progress: number | undefined
  constructor(
    readonly electron: FakeElectron,
    readonly options: Record<string, unknown>,
  ) {
    super()
    this.webContents = new FakeWebContents(electron, this)
    electron.windows.push(this)
    electron.app.emit('browser-window-created', new FakeEvent(), this)
    electron.app.emit('web-contents-created', new FakeEvent(), this.webContents)
  }
  override emit(name: string | symbol, ...args: unknown[]): boolean {
    if (typeof name === 'string' && !this.destroyed) this.calls.push(name)
    return super.emit(name, ...args)
  }
  private record(call: string): void {
    this.check()
    this.calls.push(call)
  }
  show(): void {
    this.record('show')
    this.visible = true
  }
  hide(): void {
    this.record('hide')
    this.visible = false
  }
  focus(): void {
    this.record('focus')
  }
  maximize(): void {
    this.record('maximize')
    this.maximized = true
    this.visible = true // Electron shows a window it maximizes
  }
  restore(): void {
    this.record('restore')
    this.minimized = false
  }
  isMinimized(): boolean {
    this.check()
    return this.minimized
  }
  isMaximized(): boolean {
    this.check()
    return this.maximized
  }
  isFullScreen(): boolean {
    this.check()
    return false
  }
  isVisible(): boolean {
    this.check()
    return this.visible
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    this.check()
    const { x, y, width, height } = this.options as Record<string, number>
    return { x: x ?? 0, y: y ?? 0, width: width ?? 800, height: height ?? 600 }
  }
  setProgressBar(progress: number): void {
    this.check()
    this.progress = progress
  }
  loadFile(path: string): Promise<void> {
    this.check()
    return this.webContents.loadFile(path)
  }
  loadURL(url: string): Promise<void> {
    this.check()
    return this.webContents.loadURL(url)
  }
  /** The window's X button or Cmd+W: `close` (cancellable), then `closed`. */
  close(): boolean {
    this.check()
    const event = new FakeEvent()
    this.emit('close', event)
    if (event.defaultPrevented) return false
    this.destroy()
    if (!this.electron.app.quitting && this.electron.liveWindows().length === 0) {
      this.electron.app.emit('window-all-closed')
    }
    return true
  }
  destroy(): void {
    if (this.destroyed) return
    this.webContents.emit('destroyed')
    this.webContents.destroyed = true
    this.destroyed = true
    this.visible = false
    super.emit('closed')
  }
}

export class FakeApp extends EventEmitter {
  isPackaged = false
  ready = false
  quitting = false
  /** Set by app.exit() or once `quit` was emitted. */
  exitCode: number | undefined
  readonly events: string[] = []
  private readonly readyWaiters: (() => void)[] = []
  constructor(
    private readonly electron: FakeElectron,
    private readonly paths: { userData: string; appPath: string },
    private readonly primaryInstance: boolean,
  ) {
    super()
  }
  override emit(name: string | symbol, ...args: unknown[]): boolean {
    if (typeof name === 'string') this.events.push(name)
    return super.emit(name, ...args)
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`no path ${name} in the stand-in`)
    return this.paths.userData
  }
  getAppPath(): string {
    return this.paths.appPath
  }
  getVersion(): string {
    return '0.1.0'
  }
  requestSingleInstanceLock(): boolean {
    return this.primaryInstance
  }
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve()
    return new Promise((resolve) => this.readyWaiters.push(resolve))
  }
  isReady(): boolean {
    return this.ready
  }
  /** Electron's start: will-finish-launching, then ready. */
  start(): void {
    this.emit('will-finish-launching')
    this.ready = true
    this.emit('ready', new FakeEvent(), {})
    for (const resolve of this.readyWaiters.splice(0)) resolve()
  }
  quit(): void {
    if (this.exitCode !== undefined) return
    const beforeQuit = new FakeEvent()
    this.emit('before-quit', beforeQuit)
    if (beforeQuit.defaultPrevented) return
    this.quitting = true
    for (const window of this.electron.liveWindows()) {
      if (!window.close()) {
        this.quitting = false
        return
      }
    }
    const willQuit = new FakeEvent()
    this.emit('will-quit', willQuit)
    if (willQuit.defaultPrevented) {
      this.quitting = false
      return
    }
    this.exitCode = 0
    this.emit('quit', new FakeEvent(), 0)
  }
  exit(code = 0): void {
    if (this.exitCode !== undefined) return
    this.exitCode = code
    for (const window of this.electron.liveWindows()) window.destroy()
  }
  setAppUserModelId(): void {}
  setName(): void {}
}

export interface MessageBoxCall {
  window: FakeBrowserWindow | undefined
  options: { message?: string; detail?: string; buttons?: string[] }
}

export interface FakeElectronOptions {
  platform: NodeJS.Platform
  userData: string
  appPath: string
  /** false: another instance holds the single-instance lock. */
  primaryInstance?: boolean
  /** Runs the page of a loaded window (the preload, then the page's own code). */
  loadPage?: (contents: FakeWebContents) => Promise<void>
}

/** The stand-in's module object: what `require('electron')` returns, plus the records. */
export class FakeElectron {
  readonly windows: FakeBrowserWindow[] = []
  readonly app: FakeApp
  readonly handlers = new Map<string, (event: IpcEvent, ...args: unknown[]) => unknown>()
  readonly ipcListeners = new Map<string, Set<(event: IpcEvent, ...args: unknown[]) => void>>()
  applicationMenu: FakeMenu | null = null
  readonly builtMenus: FakeMenu[] = []
  readonly errorBoxes: { title: string; content: string }[] = []
  readonly messageBoxes: MessageBoxCall[] = []
  messageBoxResponse = 0
  readonly openDialogs: { window: FakeBrowserWindow | undefined }[] = []
  readonly externalUrls: string[] = []
  readonly protocolModule: FakeProtocol
  readonly session: { defaultSession: FakeSession }
  loadPage: (contents: FakeWebContents) => Promise<void>

  constructor(readonly options: FakeElectronOptions) {
    this.app = new FakeApp(
      this,
      { userData: options.userData, appPath: options.appPath },
      options.primaryInstance ?? true,
    )
    this.protocolModule = new FakeProtocol(() => this.app.ready)
    this.session = { defaultSession: new FakeSession(this.protocolModule) }
    this.loadPage = options.loadPage ?? (async () => undefined)
  }

  liveWindows(): FakeBrowserWindow[] {
    return this.windows.filter((window) => !window.destroyed)
  }

  /** The object handed to `require('electron')`. */
  module(): Record<string, unknown> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const electron = this
    class BrowserWindow extends FakeBrowserWindow {
      constructor(options: Record<string, unknown>) {
        super(electron, options)
      }
      static getAllWindows(): FakeBrowserWindow[] {
        return electron.liveWindows()
      }
      static getFocusedWindow(): FakeBrowserWindow | null {
        return electron.liveWindows()[0] ?? null
      }
    }
    const menuOf = (template: MenuTemplateItem[]): FakeMenu => {
      const menu: FakeMenu = {
        template,
        popups: [],
        popup: (options) => void menu.popups.push(options),
      }
      electron.builtMenus.push(menu)
      return menu
    }
    return {
      app: this.app,
      BrowserWindow,
      ipcMain: {
        handle: (channel: string, handler: (event: IpcEvent, ...args: unknown[]) => unknown) => {
          if (this.handlers.has(channel)) {
            throw new Error(`Attempted to register a second handler for '${channel}'`)
          }
          this.handlers.set(channel, handler)
        },
        removeHandler: (channel: string) => this.handlers.delete(channel),
        on: (channel: string, listener: (event: IpcEvent, ...args: unknown[]) => void) => {
          const listeners = this.ipcListeners.get(channel) ?? new Set()
          listeners.add(listener)
          this.ipcListeners.set(channel, listeners)
        },
      },
      Menu: {
        buildFromTemplate: menuOf,
        setApplicationMenu: (menu: FakeMenu | null) => void (this.applicationMenu = menu),
      },
      dialog: {
        showErrorBox: (title: string, content: string) =>
          void this.errorBoxes.push({ title, content }),
        showMessageBox: async (
          window: FakeBrowserWindow | undefined,
          options: MessageBoxCall['options'],
        ) => {
          window?.['check']()
          this.messageBoxes.push({ window, options })
          return { response: this.messageBoxResponse, checkboxChecked: false }
        },
        showOpenDialog: async (window: FakeBrowserWindow | undefined) => {
          window?.['check']()
          this.openDialogs.push({ window })
          return { canceled: true, filePaths: [] }
        },
      },
      shell: {
        openExternal: async (url: string) => void this.externalUrls.push(url),
      },
      session: this.session,
      protocol: this.protocolModule,
      nativeTheme: Object.assign(new EventEmitter(), {
        shouldUseDarkColors: false,
        themeSource: 'system',
      }),
      screen: {
        getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
        getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
      },
    }
  }

  /** The page's ipcRenderer.invoke: the handler main registered, with the sender's frame. */
  async invoke(
    contents: FakeWebContents,
    channel: string,
    args: unknown[],
    frameUrl = contents.url,
    isMainFrame = true,
  ): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`)
    const event: IpcEvent = {
      sender: contents,
      senderFrame: { url: frameUrl, parent: isMainFrame ? null : {} },
    }
    return structuredClone(await handler(event, ...structuredClone(args)))
  }

  /** The page's ipcRenderer.send. */
  sendFromPage(contents: FakeWebContents, channel: string, args: unknown[]): void {
    const event: IpcEvent = { sender: contents, senderFrame: { url: contents.url, parent: null } }
    setImmediate(() => {
      for (const listener of this.ipcListeners.get(channel) ?? []) {
        listener(event, ...structuredClone(args))
      }
    })
  }
}
