// Runs the BUILT main process (out/main/index.js) in this Node process, with
// `require('electron')` answered by the recorded stand-in, for one
// process.platform value. Each run loads a fresh copy of out/main.
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import Module, { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { LibraryEvent } from '../../../src/shared/model'
import { afterEach, expect, vi } from 'vitest'
import { FakeElectron, type FakeBrowserWindow, type FakeWebContents } from './fakeElectron'
import { OUT_DIR, runPreload, type Page } from './page'

const MAIN = join(OUT_DIR, 'main/index.js')

/** vi.waitFor's patience: opening or closing a library on a busy two-core machine takes seconds. */
export const WAIT = { timeout: 20_000, interval: 20 }
const REPO = resolve(__dirname, '../../..')

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown
const moduleInternals = Module as unknown as { _load: Loader }
const originalLoad = moduleInternals._load
let current: FakeElectron | undefined

moduleInternals._load = function (request: string, parent: unknown, isMain: boolean): unknown {
  if (request === 'electron' && current !== undefined) return current.module()
  return originalLoad.call(this, request, parent, isMain)
}

export interface RunOptions {
  platform: NodeJS.Platform
  /** Command-line arguments after the executable and the app folder. */
  args?: string[]
  primaryInstance?: boolean
  /** Runs in each page after the preload: the page's own use of window.offprint. */
  pageScript?: (page: Page) => void
}

export interface MainRun {
  electron: FakeElectron
  dir: string
  libraryDir: string
  pages: Page[]
  /** Starts Electron (will-finish-launching, ready). */
  ready(): void
  /** The page of the window, once its preload ran. */
  pageOf(window: FakeBrowserWindow): Page
  log(): string
  /** Ends the run: quits (if it runs) and restores the process. */
  stop(): Promise<void>
}

/** A page that listens to main's events, as the renderer's first render does. */
export function listeningPage(page: Page): void {
  page.offprint.subscribe((event: LibraryEvent) => page.events.push(event))
}

export async function runMain(options: RunOptions): Promise<MainRun> {
  if (!existsSync(MAIN)) throw new Error('out/main/index.js is missing: run npm run build first')
  const dir = await mkdtemp(join(tmpdir(), 'offprint-main-'))
  const libraryDir = join(dir, 'library')
  const pages: Page[] = []
  const electron = new FakeElectron({
    platform: options.platform,
    userData: join(dir, 'userData'),
    appPath: REPO,
    primaryInstance: options.primaryInstance ?? true,
    loadPage: async (contents: FakeWebContents) => {
      // The page loads on a later turn, then paints (ready-to-show).
      await new Promise((done) => setImmediate(done))
      if (contents.destroyed) return
      const page = runPreload(electron, contents)
      pages.push(page)
      ;(options.pageScript ?? listeningPage)(page)
      if (!contents.window.destroyed) contents.window.emit('ready-to-show')
    },
  })
  const saved = {
    platform: Object.getOwnPropertyDescriptor(process, 'platform'),
    argv: process.argv,
    listeners: {
      uncaughtExceptionMonitor: process.listeners('uncaughtExceptionMonitor'),
      unhandledRejection: process.listeners('unhandledRejection'),
    },
  }
  Object.defineProperty(process, 'platform', { value: options.platform, configurable: true })
  process.argv = [process.execPath, REPO, '--library', libraryDir, ...(options.args ?? [])]
  const require = createRequire(__filename)
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(join(OUT_DIR, 'main'))) delete require.cache[key]
  }
  current = electron
  try {
    require(MAIN)
  } finally {
    current = undefined
  }

  const restore = (): void => {
    if (saved.platform !== undefined) Object.defineProperty(process, 'platform', saved.platform)
    process.argv = saved.argv
    for (const listener of process.listeners('uncaughtExceptionMonitor')) {
      if (!saved.listeners.uncaughtExceptionMonitor.includes(listener)) {
        process.removeListener('uncaughtExceptionMonitor', listener)
      }
    }
    for (const listener of process.listeners('unhandledRejection')) {
      if (!saved.listeners.unhandledRejection.includes(listener)) {
        process.removeListener('unhandledRejection', listener)
      }
    }
  }
  // main reads process.platform when events arrive, so it stays set until stop().
  return {
    electron,
    dir,
    libraryDir,
    pages,
    ready: () => electron.app.start(),
    pageOf(window) {
      const page = pages.find((candidate) => candidate.contents === window.webContents)
      if (page === undefined) throw new Error(`window ${window.id} has no page yet`)
      return page
    },
    log() {
      const path = join(dir, 'userData', 'logs', 'offprint.log')
      return existsSync(path) ? readFileSync(path, 'utf8') : ''
    },
    async stop() {
      if (electron.app.exitCode === undefined && electron.app.ready) {
        electron.app.quit()
        await vi.waitFor(() => {
          if (electron.app.exitCode === undefined) throw new Error('still quitting')
        }, WAIT)
      }
      restore()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** A `start` for a test file: each run it starts is stopped (quit, folder removed) after its test. */
export function stoppedAfterEachTest(): (options: RunOptions) => Promise<MainRun> {
  const runs: MainRun[] = []
  afterEach(async () => {
    for (const run of runs.splice(0)) await run.stop()
  })
  return async (options) => {
    const run = await runMain(options)
    runs.push(run)
    return run
  }
}

/** The one live window (fails if there are more). */
export function liveWindow(main: MainRun): FakeBrowserWindow {
  const [window, ...more] = main.electron.liveWindows()
  expect(more).toEqual([])
  if (window === undefined) throw new Error('no window')
  return window
}

/** The page of the one live window, once its preload ran and the window is shown. */
export function shownPage(main: MainRun): Promise<Page> {
  return vi.waitFor(() => {
    const window = liveWindow(main)
    expect(window.visible).toBe(true)
    return main.pageOf(window)
  }, WAIT)
}
