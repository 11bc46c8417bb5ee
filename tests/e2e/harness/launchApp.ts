// Starts the real renderer in Debian's Chromium with `window.offprint` bound to
// the real core over a library folder: what Electron does, minus Electron.
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import type { LibraryEvent } from '../../../src/shared/model'
import type { ApiDispatch } from '../../../src/main/core/kernel/dispatch'
import { APP_PAGE, isAppOrigin, serveAppRequest } from './rendererFiles'
import { bridgeScript, EMIT_FUNCTION, INVOKE_BINDING } from './bridgeScript'
import { childProcessCore, inProcessCore, type HarnessCore } from './core'
import { SECURITY_BINDING, securityWatchScript } from './securityWatch'

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

export interface LaunchOptions {
  libraryDir?: string
  /** Page options, e.g. `colorScheme: 'dark'` for an OS in dark mode. */
  colorScheme?: 'light' | 'dark'
  /**
   * Stands between the page and the real dispatcher, to simulate main
   * answering badly (a test of what the window does then).
   */
  interceptDispatch?: (dispatch: ApiDispatch) => ApiDispatch
  /** Run the core in a child process, so a test can make its writes fail (limitFileSize). */
  coreInChildProcess?: boolean
  /** Back up on open, as the app does. */
  automaticBackups?: boolean
  /** Runs in the page before its own scripts (a bench's watch on the page's first paint). */
  initScript?: string
}

export interface RunningApp {
  page: Page
  libraryDir: string
  /**
   * Requests the page made that were not for the app's own files: another
   * origin (refused), or its own origin answered 404 as the app answers it.
   */
  foreignRequests: string[]
  /** Uncaught page errors and console errors. */
  pageErrors: string[]
  /**
   * Signs that hostile content did something: a dialog (alert, confirm,
   * prompt), a call of the canary `__xss`, a Content-Security-Policy
   * violation, or a navigation away from the app page.
   */
  securityEvents: string[]
  /** Calls the core directly, through the same dispatcher as the page. */
  dispatch: ApiDispatch
  /** Pushes an event to the page as main would (a menu command, a file the OS opened). */
  emit(event: LibraryEvent): Promise<void>
  /** Makes the core's writes past `bytes` fail, as on a full disk (coreInChildProcess only). */
  limitFileSize(bytes: number | undefined): Promise<void>
  /**
   * Resolves once the core has been stopped at the first event matching
   * `when`, sent after this call (see HarnessCore.pauseOn; coreInChildProcess only).
   */
  pauseCoreOn(when: (event: LibraryEvent) => boolean): Promise<void>
  resumeCore(): void
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

export async function launchApp(options: LaunchOptions = {}): Promise<RunningApp> {
  const libraryDir = options.libraryDir ?? (await makeLibraryDir())
  const ownsDir = options.libraryDir === undefined
  const coreOptions = {
    samplePath: SAMPLE_PATH,
    automaticBackups: options.automaticBackups === true,
  }
  const startCore = (): Promise<HarnessCore> =>
    options.coreInChildProcess === true
      ? childProcessCore(libraryDir, coreOptions)
      : inProcessCore(libraryDir, coreOptions)
  let core = await startCore()
  const intercept = options.interceptDispatch ?? ((dispatch: ApiDispatch) => dispatch)
  let dispatch = intercept(core.dispatch)
  const foreignRequests: string[] = []
  const pageErrors: string[] = []
  const securityEvents: string[] = []

  const context: BrowserContext = await (
    await browser()
  ).newContext({
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    colorScheme: options.colorScheme ?? 'light',
  })
  // The page's origin is answered as the app answers app://offprint (see
  // rendererFiles.ts); any other origin is refused.
  await context.route('**/*', async (route) => {
    const request = route.request()
    if (!isAppOrigin(request.url())) {
      foreignRequests.push(request.url())
      await route.abort('blockedbyclient')
      return
    }
    const response = await serveAppRequest(request.url(), request.method(), (sha256) =>
      core.attachmentFile === undefined ? Promise.resolve(undefined) : core.attachmentFile(sha256),
    )
    if (response.status !== 200) foreignRequests.push(request.url())
    await route.fulfill({
      status: response.status,
      headers: response.headers,
      ...(response.body === undefined ? {} : { body: response.body }),
    })
  })
  // The answer crosses as JSON text: Playwright's own serializer walks an object
  // value by value (a 10k-paper map's 4.8 MB answer took 13 s), while the API's
  // values are plain JSON (no bytes, dates or maps), as Electron's IPC clones them.
  await context.exposeBinding(
    INVOKE_BINDING,
    async (_source, method: string, args: unknown) =>
      JSON.stringify(await dispatch(method, args)) as string | undefined,
  )
  await context.exposeBinding(SECURITY_BINDING, (_source, what: string) => {
    securityEvents.push(what)
  })
  await context.addInitScript({ content: securityWatchScript() })
  await context.addInitScript({ content: bridgeScript() })
  if (options.initScript !== undefined) await context.addInitScript({ content: options.initScript })

  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text())
  })
  // Dialogs are also caught in the page; this catches one opened some other way.
  page.on('dialog', (dialog) => {
    securityEvents.push(`dialog ${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss().catch(() => undefined)
  })
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url() !== APP_PAGE) {
      securityEvents.push(`navigation to ${frame.url()}`)
    }
  })

  const emit = async (event: LibraryEvent): Promise<void> => {
    await page
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
  let unsubscribe = core.onEvent((event) => void emit(event))

  await page.goto(APP_PAGE)

  return {
    page,
    libraryDir,
    foreignRequests,
    pageErrors,
    securityEvents,
    dispatch: (method, args) => core.dispatch(method, args),
    emit,
    async limitFileSize(bytes) {
      if (core.limitFileSize === undefined) throw new Error('launch with coreInChildProcess')
      await core.limitFileSize(bytes)
    },
    pauseCoreOn(when) {
      if (core.pauseOn === undefined) throw new Error('launch with coreInChildProcess')
      return core.pauseOn(when)
    },
    resumeCore() {
      if (core.resume === undefined) throw new Error('launch with coreInChildProcess')
      core.resume()
    },
    async restartCore() {
      unsubscribe()
      await core.close()
      core = await startCore()
      dispatch = intercept(core.dispatch)
      unsubscribe = core.onEvent((event) => void emit(event))
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
      await core.close()
      if (ownsDir) await rm(libraryDir, { recursive: true, force: true })
    },
  }
}
