// The built main process under the Electron stand-in: windows that go away
// and come back (macOS), files handed over by the OS or a second launch, a
// library that cannot be opened, the losing instance, a crashed page, the
// context menu, Windows session end and the preload's sandbox.
import { readdirSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { apiMethods } from '../../src/shared/api'
import type { LibraryEvent } from '../../src/shared/model'
import { Library } from '../../src/main/core/library'
import { LEGACY_LOCK_FILE } from '../../src/main/core/store/libraryLock'
import { FakeEvent, type MenuTemplateItem } from './support/fakeElectron'
import {
  listeningPage,
  liveWindow,
  shownPage,
  stoppedAfterEachTest,
  WAIT,
  type MainRun,
} from './support/mainProcess'
import type { Page } from './support/page'

/** Starts the built main process; each run is stopped after its test. */
const start = stoppedAfterEachTest()

const BIB = '@article{knuth84, title = {Literate Programming}, author = {Knuth, Donald}}\n'

function openedFiles(page: Page): string[] {
  return page.events.flatMap((event: LibraryEvent) =>
    event.type === 'open-file'
      ? [`${event.fileName}: ${event.content.ok ? 'ok' : event.content.message}`]
      : [],
  )
}

function menuItem(main: MainRun, id: string): MenuTemplateItem {
  const items = (main.electron.applicationMenu?.template ?? []).flatMap(
    (menu) => menu.submenu ?? [],
  )
  const item = items.find((candidate) => candidate.id === id)
  if (item === undefined) throw new Error(`no menu item ${id}`)
  return item
}

describe('macOS: after Cmd+W closed the window', () => {
  async function closedWindow(): Promise<MainRun> {
    const main = await start({ platform: 'darwin' })
    main.ready()
    const first = await shownPage(main)
    first.contents.window.close() // Cmd+W
    expect(main.electron.liveWindows()).toEqual([])
    expect(main.electron.app.exitCode).toBeUndefined() // macOS apps stay running
    return main
  }

  it('a file opened from Finder comes up in a new window', async () => {
    const main = await closedWindow()
    const file = join(main.dir, 'refs.bib')
    await writeFile(file, BIB)
    const event = new FakeEvent()
    main.electron.app.emit('open-file', event, file)
    expect(event.defaultPrevented).toBe(true)
    const page = await shownPage(main)
    await vi.waitFor(() => expect(openedFiles(page)).toEqual(['refs.bib: ok']), WAIT)
    expect(main.log()).not.toContain('destroyed')
  })

  it('a menu command opens a new window and reaches its page; File > Import… gets a live parent', async () => {
    const main = await closedWindow()
    menuItem(main, 'toggle-star').click?.()
    menuItem(main, 'mark-read').click?.() // a second click before the window is there
    const page = await shownPage(main)
    await vi.waitFor(
      () =>
        expect(page.events).toEqual([
          { type: 'menu-command', command: 'toggle-star' },
          { type: 'menu-command', command: 'mark-read' },
        ]),
      WAIT,
    )
    expect(main.electron.windows).toHaveLength(2) // the closed one and one new one
    liveWindow(main).close()
    menuItem(main, 'import').click?.()
    await vi.waitFor(() => expect(main.electron.openDialogs).toHaveLength(1), WAIT)
    expect(main.electron.openDialogs[0]?.window?.isDestroyed()).toBe(false)
    expect(main.log()).not.toContain('destroyed')
  })

  it('clicking the Dock icon (activate) brings a new window', async () => {
    const main = await closedWindow()
    main.electron.app.emit('activate', new FakeEvent(), false)
    await shownPage(main)
    expect(main.electron.windows).toHaveLength(2)
  })
})

describe.each(['linux', 'win32'] as const)('files and launches on %s', (platform) => {
  it('takes the file: URIs a file manager passes (%U), decoded', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'offprint-uri-'))
    const file = join(folder, 'My Refs é.bib')
    await writeFile(file, BIB)
    try {
      // As the desktop entry's `Exec=offprint %U` passes it: file:///…/My%20Refs%20%C3%A9.bib
      const main = await start({ platform, args: [pathToFileURL(file).href] })
      main.ready()
      const page = await shownPage(main)
      await vi.waitFor(() => expect(openedFiles(page)).toEqual(['My Refs é.bib: ok']), WAIT)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })

  it('keeps the files of a second launch made while the library was still opening', async () => {
    const main = await start({ platform })
    const file = join(main.dir, 'early.bib')
    await writeFile(file, BIB)
    main.ready()
    // The library opens asynchronously after ready; this launch comes first.
    main.electron.app.emit(
      'second-instance',
      new FakeEvent(),
      ['offprint', 'early.bib'],
      main.dir,
      {},
    )
    const page = await shownPage(main)
    await vi.waitFor(() => expect(openedFiles(page)).toEqual(['early.bib: ok']), WAIT)
  })

  it('brings the window forward and imports the files of a later second launch', async () => {
    const main = await start({ platform })
    const file = join(main.dir, 'later.bib')
    await writeFile(file, BIB)
    main.ready()
    const page = await shownPage(main)
    const window = liveWindow(main)
    window.minimized = true
    main.electron.app.emit('second-instance', new FakeEvent(), ['offprint', file], '/', {})
    await vi.waitFor(() => expect(openedFiles(page)).toEqual(['later.bib: ok']), WAIT)
    expect(window.calls).toContain('restore')
    expect(window.minimized).toBe(false)
  })

  it('as the losing second instance, exits at once without opening the library', async () => {
    const main = await start({ platform, primaryInstance: false })
    expect(main.electron.app.exitCode).toBe(0)
    main.ready()
    await new Promise((resolve) => setImmediate(resolve))
    expect(main.electron.app.listenerCount('ready')).toBe(0)
    expect(main.electron.handlers.size).toBe(0)
    expect(main.electron.windows).toEqual([])
    expect(main.log()).toBe('')
  })

  it('says why when the library cannot be opened, and exits with 1', async () => {
    const main = await start({ platform })
    await writeFile(join(main.dir, 'a-file'), 'not a folder')
    process.argv.push('--library', join(main.dir, 'a-file', 'library'))
    main.ready()
    await vi.waitFor(() => expect(main.electron.app.exitCode).toBe(1), WAIT)
    expect(main.electron.errorBoxes).toHaveLength(1)
    expect(main.electron.errorBoxes[0]?.title).toBe('Offprint could not open its library')
    expect(main.electron.errorBoxes[0]?.content).toContain('Nothing was changed.')
    expect(main.electron.windows).toEqual([])
  })

  it('refuses a library another Offprint process has open, naming its pid', async () => {
    const main = await start({ platform })
    await mkdir(main.libraryDir, { recursive: true })
    // pid 1 is always running (it is never this test's process).
    await writeFile(
      join(main.libraryDir, LEGACY_LOCK_FILE),
      JSON.stringify({ pid: 1, started: '', host: hostname() }),
    )
    main.ready()
    await vi.waitFor(() => expect(main.electron.app.exitCode).toBe(1), WAIT)
    expect(main.electron.errorBoxes[0]?.content).toContain(
      'is open in another Offprint process (pid 1)',
    )
  })

  it('offers a reload with what happened when the page crashed, and reloads', async () => {
    const main = await start({ platform })
    main.ready()
    const page = await shownPage(main)
    page.contents.emit('render-process-gone', new FakeEvent(), { reason: 'crashed', exitCode: 139 })
    await vi.waitFor(() => expect(page.contents.reloads).toBe(1), WAIT)
    expect(main.electron.messageBoxes.map((box) => box.options.message)).toEqual([
      'The Offprint window crashed.',
    ])
    expect(main.electron.messageBoxes[0]?.options.buttons).toEqual(['Reload', 'Quit'])
    expect(main.log()).toContain('renderer process gone: crashed (exit code 139)')
  })

  it('shows spelling suggestions and the edit commands on right-click in a text field', async () => {
    const main = await start({ platform })
    main.ready()
    const page = await shownPage(main)
    const flags = { canUndo: true, canRedo: false, canCut: true, canCopy: true, canPaste: true }
    page.contents.emit('context-menu', new FakeEvent(), {
      isEditable: true,
      selectionText: '',
      misspelledWord: 'teh',
      dictionarySuggestions: ['the', 'tech'],
      editFlags: { ...flags, canSelectAll: true },
    })
    const menu = main.electron.builtMenus.at(-1)
    expect(menu?.popups).toHaveLength(1)
    expect(menu?.template.map((item) => item.label ?? item.role ?? item.type)).toEqual([
      'the',
      'tech',
      'Add to Dictionary',
      'separator',
      'undo',
      'redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'separator',
      'selectAll',
    ])
    menu?.template[0]?.click?.()
    menu?.template[2]?.click?.()
    expect(page.contents.replaced).toEqual(['the'])
    expect(main.electron.session.defaultSession.dictionaryWords).toEqual(['teh'])
  })

  it('maximizes a window saved maximized only once it is painted', async () => {
    const main = await start({ platform })
    const library = await Library.open(main.libraryDir)
    const place = { x: 10, y: 10, width: 900, height: 700, maximized: true }
    await library.api.updateSettings({ patch: { window: place } })
    await library.close()
    main.ready()
    await shownPage(main)
    const calls = liveWindow(main).calls.filter((call) =>
      ['ready-to-show', 'maximize', 'show'].includes(call),
    )
    expect(calls).toEqual(['ready-to-show', 'maximize', 'show'])
  })
})

describe('Windows: logging out', () => {
  it('saves the page’s pending note and closes the library when the session ends', async () => {
    let saved = 0
    const main = await start({
      platform: 'win32',
      pageScript: (page) => {
        listeningPage(page)
        ;(page.offprint as Partial<typeof page.offprint>).onFlushRequest?.(async () => {
          saved++
        })
      },
    })
    main.ready()
    const page = await shownPage(main)
    expect(lockFiles(main.libraryDir)).toHaveLength(1)
    // No before-quit comes: Electron emits these on the window instead.
    page.contents.window.emit('query-session-end', new FakeEvent())
    page.contents.window.emit('session-end', new FakeEvent())
    await vi.waitFor(() => expect(main.log()).toContain('quit: library closed'), WAIT)
    expect(saved).toBe(2) // asked at query-session-end, and again at session-end
    expect(lockFiles(main.libraryDir)).toEqual([])
  })
})

describe('the built preload', () => {
  it('requires only electron and exposes only window.offprint: the API, subscribe and onFlushRequest', async () => {
    const main = await start({ platform: 'linux' })
    main.ready()
    const page = await shownPage(main)
    expect(page.required).toEqual(['electron'])
    expect([...page.exposed.keys()]).toEqual(['offprint'])
    expect(Object.keys(page.offprint).sort()).toEqual(
      [...apiMethods, 'onFlushRequest', 'subscribe'].sort(),
    )
    expect(Object.isFrozen(page.offprint)).toBe(true)
  })
})

/** The device locks in a library folder (offprint.DEVICE.lock, one per open device). */
function lockFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => /^offprint\..+\.lock$/.test(name))
}
