// Where the window may go. The app is a single page: it never navigates, never
// opens windows, and hands web links to the system browser, but only for
// schemes that cannot run code or reach the file system.
import { isSafeExternalUrl } from '../../shared/externalUrl'

export { isSafeExternalUrl }

export type WindowOpenDecision = { action: 'deny'; openExternally?: string }

/** window.open / target=_blank: always deny in-app; safe web links go to the browser. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return isSafeExternalUrl(url) ? { action: 'deny', openExternally: url } : { action: 'deny' }
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

/**
 * IPC calls are answered only for our own window's main frame, loaded from the
 * app's bundle (file:) or the dev server. Anything else is a frame that should
 * not exist.
 */
export function isTrustedSender(frameUrl: string, devServerUrl: string | undefined): boolean {
  let parsed: URL
  try {
    parsed = new URL(frameUrl)
  } catch {
    return false
  }
  if (parsed.protocol === 'file:') return true
  if (devServerUrl === undefined) return false
  try {
    return parsed.origin === new URL(devServerUrl).origin
  } catch {
    return false
  }
}
