// Every web contents the app creates gets the navigation, window-open and
// permission rules, not only the main window: the `web-contents-created` hook,
// driven with stand-ins for Electron's app and web contents.
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import {
  guardAllWebContents,
  type GuardedSession,
  type GuardedWebContents,
} from '../../src/main/app/window/webContentsGuards'

const PAGE = 'app://offprint/index.html'

/** A web contents as far as the guards see it: events, a window-open handler, a session. */
class StandInContents extends EventEmitter implements GuardedWebContents {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined
  requestHandler: Parameters<GuardedSession['setPermissionRequestHandler']>[0] | undefined
  checkHandler: Parameters<GuardedSession['setPermissionCheckHandler']>[0] | undefined
  readonly session: GuardedSession = {
    setPermissionRequestHandler: (handler) => (this.requestHandler = handler),
    setPermissionCheckHandler: (handler) => (this.checkHandler = handler),
  }

  constructor(private readonly url: string) {
    super()
  }

  getURL(): string {
    return this.url
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler
  }

  /** Emits `event` as Electron would and says whether a listener prevented it. */
  navigate(event: 'will-navigate' | 'will-frame-navigate', url: string, isMainFrame = true) {
    let prevented = false
    this.emit(event, { url, isMainFrame, preventDefault: () => (prevented = true) })
    return prevented
  }
}

function startApp() {
  const app = new EventEmitter()
  const opened: string[] = []
  guardAllWebContents(app, (url) => opened.push(url))
  const create = (url = PAGE): StandInContents => {
    const contents = new StandInContents(url)
    app.emit('web-contents-created', {}, contents)
    return contents
  }
  return { create, opened }
}

describe('every web contents', () => {
  it('gets the rules when it is created, whichever window it belongs to', () => {
    const { create } = startApp()
    for (const contents of [create(), create('devtools://devtools/bundled/index.html')]) {
      expect(contents.windowOpenHandler).toBeDefined()
      expect(contents.listenerCount('will-navigate')).toBe(1)
      expect(contents.listenerCount('will-frame-navigate')).toBe(1)
      expect(contents.listenerCount('will-attach-webview')).toBe(1)
    }
  })

  it('opens no window, and sends a web link to the browser instead', () => {
    const { create, opened } = startApp()
    const contents = create()
    expect(contents.windowOpenHandler?.({ url: 'https://arxiv.org/abs/2504.13958' })).toEqual({
      action: 'deny',
    })
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({
      action: 'deny',
    })
    expect(opened).toEqual(['https://arxiv.org/abs/2504.13958'])
  })

  it('stays on its page: a link click goes to the browser, a local file nowhere', () => {
    const { create, opened } = startApp()
    const contents = create()
    expect(contents.navigate('will-navigate', 'https://elsewhere.example/x')).toBe(true)
    expect(contents.navigate('will-navigate', 'file:///home/me/secret.html')).toBe(true)
    expect(contents.navigate('will-navigate', 'app://offprint/other.html')).toBe(true)
    expect(contents.navigate('will-navigate', `${PAGE}#notes`)).toBe(false)
    expect(opened).toEqual(['https://elsewhere.example/x'])
  })

  it('keeps subframes where they are and refuses <webview>', () => {
    const { create } = startApp()
    const contents = create()
    expect(contents.navigate('will-frame-navigate', 'https://elsewhere.example/', false)).toBe(true)
    expect(contents.navigate('will-frame-navigate', `${PAGE}#x`, true)).toBe(false)
    let prevented = false
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
  })

  it('is granted no permission, asked or checked', () => {
    const { create } = startApp()
    const contents = create()
    const answers: boolean[] = []
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      contents.requestHandler?.(contents, permission, (granted) => answers.push(granted))
      answers.push(contents.checkHandler?.(contents, permission) ?? true)
    }
    expect(answers).toEqual(Array(8).fill(false))
  })

  it('opens a mailto: link with its address only', () => {
    const { create, opened } = startApp()
    const contents = create()
    contents.windowOpenHandler?.({
      url: 'mailto:ada@example.org?attach=/home/me/.ssh/id_rsa&bcc=spy@evil.example',
    })
    contents.navigate('will-navigate', 'mailto:ada@example.org,spy@evil.example?subject=Hi')
    expect(opened).toEqual(['mailto:ada@example.org', 'mailto:ada@example.org'])
  })
})
