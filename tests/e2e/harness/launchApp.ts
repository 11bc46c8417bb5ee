// Starts the real renderer in Debian's Chromium with `window.offprint` bound to
// the real core over a library folder: what Electron does, minus Electron.
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import type { LibraryEvent } from '../../../src/shared/model'
import { createDispatcher, type ApiDispatch } from '../../../src/main/library/dispatch'
import { Library } from '../../../src/main/library/library'
import { APP_ORIGIN, readRendererFile } from './rendererFiles'
import { bridgeScript, EMIT_FUNCTION, INVOKE_BINDING } from './bridgeScript'

export const CHROMIUM_PATH = process.env['OFFPRINT_CHROMIUM'] ?? '/usr/bin/chromium'
export const SAMPLE_PATH = fileURLToPath(
  new URL('../../../resources/sample-daily-papers.txt', import.meta.url),
)
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../test-results', import.meta.url))

// Flags that let Chromium run in this sandboxless, networkless CI machine.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export interface RunningApp {
  page: Page
  libraryDir: string
  /** Requests the page made that were not for the app's own files. */
  foreignRequests: string[]
  /** Uncaught page errors and console errors. */
  pageErrors: string[]
  /** Push an event to the page as main would (a menu command, a file the OS opened). */
  emit(event: LibraryEvent): void
  /** Close the core (flushing writes) and open it again over the same folder, as a restart does. */
  restartCore(): Promise<void>
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

let sharedBrowser: Browser | undefined

async function browser(): Promise<Browser> {
  sharedBrowser ??= await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  return sharedBrowser
}

export async function closeBrowser(): Promise<void> {
  await sharedBrowser?.close()
  sharedBrowser = undefined
}

export async function makeLibraryDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'offprint-e2e-'))
}

export interface LaunchOptions {
  libraryDir?: string
  /** Page options, e.g. `colorScheme: 'dark'` for an OS in dark mode. */
  colorScheme?: 'light' | 'dark'
  /**
   * Stands between the page and the real dispatcher, to simulate main
   * answering badly (a test of what the window does then).
   */
  interceptDispatch?: (dispatch: ApiDispatch) => ApiDispatch
}

export async function launchApp(options: LaunchOptions = {}): Promise<RunningApp> {
  const libraryDir = options.libraryDir ?? (await makeLibraryDir())
  const ownsDir = options.libraryDir === undefined
  const intercept = options.interceptDispatch ?? ((dispatch: ApiDispatch) => dispatch)
  let library = await Library.open(libraryDir, { samplePath: SAMPLE_PATH })
  let dispatch = intercept(createDispatcher(library))
  const foreignRequests: string[] = []
  const pageErrors: string[] = []

  const context: BrowserContext = await (
    await browser()
  ).newContext({
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    colorScheme: options.colorScheme ?? 'light',
  })
  await context.route('**/*', async (route) => {
    const file = await readRendererFile(route.request().url())
    if (file === undefined) {
      foreignRequests.push(route.request().url())
      await route.abort('blockedbyclient')
      return
    }
    await route.fulfill({ status: 200, body: file.body, contentType: file.contentType })
  })
  await context.exposeBinding(INVOKE_BINDING, (_source, method: string, args: unknown) =>
    dispatch(method, args),
  )
  await context.addInitScript({ content: bridgeScript() })

  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text())
  })

  const emit = (event: LibraryEvent): void => {
    void page
      .evaluate(
        ([name, payload]) => {
          const target = globalThis as unknown as Record<string, ((e: unknown) => void) | undefined>
          target[name]?.(payload)
        },
        [EMIT_FUNCTION, event] as const,
      )
      .catch(() => undefined) // the page may be reloading; it refetches on load anyway
  }
  // What main forwards to the window: change events and task progress.
  const listen = (): (() => void) => {
    const offChange = library.onChange(() => emit({ type: 'library-changed' }))
    const offProgress = library.onProgress((progress) => emit({ type: 'progress', progress }))
    return () => {
      offChange()
      offProgress()
    }
  }
  let unsubscribe = listen()

  await page.goto(`${APP_ORIGIN}/index.html`)

  return {
    page,
    libraryDir,
    foreignRequests,
    pageErrors,
    emit,
    async restartCore() {
      unsubscribe()
      await library.close()
      library = await Library.open(libraryDir, { samplePath: SAMPLE_PATH })
      dispatch = intercept(createDispatcher(library))
      unsubscribe = listen()
    },
    async screenshot(name: string) {
      await mkdir(SCREENSHOT_DIR, { recursive: true })
      const path = join(SCREENSHOT_DIR, `${name}.png`)
      await page.screenshot({ path })
      return path
    },
    async close() {
      unsubscribe()
      await context.close()
      await library.close()
      if (ownsDir) await rm(libraryDir, { recursive: true, force: true })
    },
  }
}
