// Where the window may go. The app is a single page: it never navigates, never
// opens windows, and hands web links to the system browser, but only for
// schemes that cannot run code or reach the file system.
import { externalUrlToOpen, isSafeExternalUrl } from '../../../shared/text/externalUrl'
import { APP_SCHEME } from './appOrigin'

export { externalUrlToOpen, isSafeExternalUrl }

export type WindowOpenDecision = { action: 'deny'; openExternally?: string }

/**
 * window.open / target=_blank: always deny in-app; safe web links go to the
 * browser (a `mailto:` link with its address only, see externalUrlToOpen).
 */
export function decideWindowOpen(url: string): WindowOpenDecision {
  const external = externalUrlToOpen(url)
  return external === undefined ? { action: 'deny' } : { action: 'deny', openExternally: external }
}

/**
 * will-navigate: the app never leaves its page. A reload of the app's own page
 * (same URL, e.g. during development) is the only navigation allowed.
 */
export function isNavigationAllowed(targetUrl: string, currentUrl: string): boolean {
  return stripHash(targetUrl) === stripHash(currentUrl)
}

function stripHash(url: string): string {
  const hash = url.indexOf('#')
  return hash === -1 ? url : url.slice(0, hash)
}

/** Permission requests (camera, notifications, geolocation, …): none are needed. */
export function isPermissionGranted(_permission: string): boolean {
  return false
}

/** Who sent an IPC call: the frame's URL, and whether it is a window's top frame. */
export interface IpcSender {
  url: string
  isMainFrame: boolean
}

/**
 * IPC calls are answered only for the top frame of the app's own page:
 * app://offprint/index.html (see appOrigin.ts) or, in development, the dev
 * server's origin.
 * A subframe, another file, or anything remote is a frame that should not
 * exist, and gets no access to the library.
 */
export function isTrustedSender(sender: IpcSender, appPageUrl: string): boolean {
  if (!sender.isMainFrame) return false
  let frame: URL
  let app: URL
  try {
    frame = new URL(sender.url)
    app = new URL(appPageUrl)
  } catch {
    return false
  }
  if (frame.protocol !== app.protocol) return false
  // A custom scheme has no origin in Node's URL (it is not "special"): compare its parts.
  if (app.protocol === `${APP_SCHEME}:`) {
    return frame.host === app.host && frame.pathname === app.pathname && frame.search === ''
  }
  return (app.protocol === 'http:' || app.protocol === 'https:') && frame.origin === app.origin
}
