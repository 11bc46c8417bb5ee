// The navigation, window-open and permission rules (navigationRules.ts),
// applied to every web contents the app ever creates, through the app's
// `web-contents-created` event: the main window, and anything else that might
// appear (a devtools window, a window some future feature opens), not only the
// window index.ts builds.
//
// The Electron objects are described by the little this module uses of them,
// so a test drives it with plain stand-ins; Electron's own App and WebContents
// fit these shapes (index.ts passes them as they are).
import {
  decideWindowOpen,
  externalUrlToOpen,
  isNavigationAllowed,
  isPermissionGranted,
} from './navigationRules'

export interface PreventableEvent {
  preventDefault(): void
}

export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void
}

export interface GuardedWebContents {
  readonly session: GuardedSession
  getURL(): string
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
  on(
    event: 'will-navigate',
    listener: (details: PreventableEvent & { url: string }) => void,
  ): unknown
  on(
    event: 'will-frame-navigate',
    listener: (details: PreventableEvent & { url: string; isMainFrame: boolean }) => void,
  ): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
}

export interface GuardedApp {
  on(
    event: 'web-contents-created',
    listener: (event: unknown, contents: GuardedWebContents) => void,
  ): unknown
}

/** Hands a URL to the system browser or mail client (shell.openExternal in the app). */
export type OpenExternally = (url: string) => void

/**
 * Applies the rules to one web contents: window.open is always denied (safe
 * links go to the browser), navigation away from the page is stopped (safe
 * links go to the browser), subframes never navigate, <webview> never attaches,
 * and no permission is granted.
 */
export function guardWebContents(contents: GuardedWebContents, open: OpenExternally): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url)
    if (decision.openExternally !== undefined) open(decision.openExternally)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (details) => {
    if (isNavigationAllowed(details.url, contents.getURL())) return
    details.preventDefault()
    const external = externalUrlToOpen(details.url)
    if (external !== undefined) open(external)
  })
  // The page has no frames (CSP frame-src 'none'); should one exist, it stays where it is.
  contents.on('will-frame-navigate', (details) => {
    if (!details.isMainFrame) details.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionGranted(permission)),
  )
  contents.session.setPermissionCheckHandler((_contents, permission) =>
    isPermissionGranted(permission),
  )
}

/** Guards every web contents from now on; call before the first window is created. */
export function guardAllWebContents(app: GuardedApp, open: OpenExternally): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, open))
}
