// The built main process (out/main/index.js) under a recorded stand-in for
// Electron 41 (support/fakeElectron.ts): start, the first window, IPC for
// every API method, quitting with a note still unsaved, a second launch, a
// library that cannot be opened, the losing instance, the preload's sandbox.
import { describe, expect, it, vi } from 'vitest'
import { apiMethods, channelFor, type ApiResponse } from '../../src/shared/api'
import { Library } from '../../src/main/core/library'
import { syntheticListing } from '../support/syntheticListing'
import type { FakeBrowserWindow } from './support/fakeElectron'
import {
  listeningPage,
  shownPage,
  stoppedAfterEachTest,
  WAIT,
  type MainRun,
} from './support/mainProcess'
import type { Page } from './support/page'

const PLATFORMS = ['linux', 'darwin', 'win32'] as const

/** Starts the built main process; each run is stopped after its test. */
const start = stoppedAfterEachTest()

/** Electron starts; resolves with the first window once its page listens and it is shown. */
async function firstWindow(main: MainRun): Promise<{ window: FakeBrowserWindow; page: Page }> {
  main.ready()
  const page = await shownPage(main)
  return { window: page.contents.window, page }
}

async function seedPaper(libraryDir: string): Promise<string> {
  const library = await Library.open(libraryDir)
  const { addedIds } = await library.api.importText({ text: syntheticListing(1, 'Seeded ') })
  await library.close()
  const [id] = addedIds
  if (id === undefined) throw new Error('nothing imported')
  return id
}

async function noteOnDisk(libraryDir: string, paperId: string): Promise<string | undefined> {
  const library = await Library.open(libraryDir)
  try {
    return (await library.api.getNote({ paperId }))?.body
  } finally {
    await library.close()
  }
}

describe.each(PLATFORMS)('the main process on %s', (platform) => {
  it('starts, opens the library and shows one sandboxed window with the app page', async () => {
    const main = await start({ platform })
    const { window, page } = await firstWindow(main)
    expect(window.options['show']).toBe(false)
    expect(window.options['webPreferences']).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    })
    // The page comes from the app:// scheme, registered as privileged before
    // ready and answered from the built renderer, with the CSP as a header.
    expect(window.webContents.url).toBe('app://offprint/index.html')
    const protocol = main.electron.protocolModule
    expect(protocol.privileged).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }) as unknown,
      }),
    ])
    const answer = protocol.handlers.get('app') as (request: Request) => Promise<Response>
    const served = await answer(new Request('app://offprint/index.html'))
    expect(served.status).toBe(200)
    expect(served.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await served.text()).toContain('<div id="root">')
    expect((await answer(new Request('app://offprint/../package.json'))).status).toBe(404)
    // Shown only once painted.
    expect(window.calls.indexOf('ready-to-show')).toBeLessThan(window.calls.indexOf('show'))
    // macOS routes a keydown the page lets through to the menu's key
    // equivalents: single keys there would fire while typing in a note.
    const accelerators = (main.electron.applicationMenu?.template ?? [])
      .flatMap((menu) => menu.submenu ?? [])
      .flatMap((item) => (item.accelerator === undefined ? [] : [item.accelerator]))
    const singleKeys = accelerators.filter((accelerator) => !accelerator.includes('CmdOrCtrl'))
    expect(singleKeys).toEqual(
      platform === 'darwin'
        ? []
        : ['S', 'U', 'I', 'R', 'T', 'C', 'Q', 'O', 'J', 'K', 'Alt+Left', 'Alt+Right', '?'],
    )
    expect(main.log()).toMatch(/Offprint 0\.1\.0 opened .*library \(0 papers\)/)
    const info = await page.offprint.getLibraryInfo({})
    expect(info).toMatchObject({ ok: true, value: { path: main.libraryDir, paperCount: 0 } })
  })

  it('answers every API method over IPC through its handler, and refuses other senders', async () => {
    const main = await start({ platform })
    const { window, page } = await firstWindow(main)
    expect([...main.electron.handlers.keys()].sort()).toEqual(apiMethods.map(channelFor).sort())
    for (const method of apiMethods) {
      const call = page.offprint[method] as (args: unknown) => Promise<ApiResponse<unknown>>
      const response = await call({})
      // Through the dispatcher: a value, or a validation error, never the sender refusal.
      if (!response.ok) expect(response.error.message, method).not.toBe('Untrusted sender')
      const fromElsewhere = await main.electron.invoke(
        window.webContents,
        channelFor(method),
        [{}],
        'https://example.org/',
      )
      expect(fromElsewhere, method).toEqual({
        ok: false,
        error: { code: 'internal', message: 'Untrusted sender' },
      })
      const fromSubframe = await main.electron.invoke(
        window.webContents,
        channelFor(method),
        [{}],
        window.webContents.url,
        false,
      )
      expect(fromSubframe, method).toEqual({
        ok: false,
        error: { code: 'internal', message: 'Untrusted sender' },
      })
    }
  })

  it('saves the note still waiting for its pause in typing when the user quits', async () => {
    const typed = 'The last words typed before Ctrl+Q'
    let paperId = ''
    // A page holding an unsaved draft (as useNoteDraft does for 400 ms): it
    // saves when main asks before quitting, and on beforeunload as it always did.
    const main = await start({
      platform,
      pageScript: (page) => {
        listeningPage(page)
        let pending = true
        const save = async (): Promise<void> => {
          if (!pending) return
          pending = false
          await page.offprint.saveNote({ paperId, body: typed })
        }
        ;(page.offprint as Partial<typeof page.offprint>).onFlushRequest?.(save)
        page.contents.once('destroyed', () => void save())
      },
    })
    paperId = await seedPaper(main.libraryDir)
    await firstWindow(main)
    main.electron.app.quit() // Ctrl/Cmd+Q, File > Quit
    await vi.waitFor(() => expect(main.electron.app.exitCode).toBe(0), WAIT)
    expect(main.electron.app.events.filter((name) => name.endsWith('quit'))).toEqual([
      'before-quit',
      'before-quit',
      'will-quit',
      'quit',
    ])
    expect(await noteOnDisk(main.libraryDir, paperId)).toBe(typed)
    expect(main.log()).toContain('quit: 1 of 1 page(s) saved their pending edits')
    expect(main.log()).not.toContain('The library is closed')
  })
})

describe('quitting with a page that does not answer', () => {
  it('waits its bounded time, logs it, and still closes the library and quits', async () => {
    // A page with a draft to save whose renderer then hangs (a script stuck in
    // a loop): it never hears the request. A page that hears it says "saving"
    // at once and is given longer (tests/unit/quitFlush.test.ts, on a clock).
    const main = await start({
      platform: 'linux',
      pageScript: (page) => {
        listeningPage(page)
        page.offprint.onFlushRequest(() => Promise.resolve())
      },
    })
    const { page } = await firstWindow(main)
    page.contents.hung = true
    main.electron.app.quit()
    await vi.waitFor(() => expect(main.electron.app.exitCode).toBe(0), WAIT)
    expect(main.log()).toContain(
      'quit: 0 of 1 page(s) saved their pending edits; 1 did not answer within 3000 ms',
    )
    expect(main.log()).toContain('quit: library closed')
  })
})
