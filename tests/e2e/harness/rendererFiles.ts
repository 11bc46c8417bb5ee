// Serves the built renderer (out/renderer) to Chromium the way the app serves
// it: every request for the page's origin is answered by serveRendererRequest,
// the function behind the app's app:// protocol handler (src/main/app/
// appProtocol.ts), with the same files, MIME types, 404s and headers (the CSP
// among them). No server, no port, no network: Playwright's request
// interception hands each request to it.
//
// Only the origin's scheme differs. Plain Chromium cannot register a custom
// scheme (Electron's protocol.registerSchemesAsPrivileged has no command-line
// equivalent), and Playwright intercepts only http(s) requests. So the page is
// served from https://offprint.invalid: like app://offprint, a standard, secure
// origin whose `'self'` is that origin alone, where file:// is another origin.
// (`.invalid` never resolves, so nothing can reach a real host by mistake.)
import { fileURLToPath } from 'node:url'
import {
  serveAttachmentRequest,
  type AttachmentFileLookup,
} from '../../../src/main/app/window/attachmentFiles'
import {
  serveRendererRequest,
  type RendererResponse,
} from '../../../src/main/app/window/rendererFiles'

export const APP_ORIGIN = 'https://offprint.invalid'
export const APP_PAGE = `${APP_ORIGIN}/index.html`
export const RENDERER_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url))

/** Whether `url` is on the page's origin (and so answered here, found or not). */
export function isAppOrigin(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN
  } catch {
    return false
  }
}

/**
 * The app's answer to a request for the page's origin: the renderer's files,
 * and /attachments/<sha256>.pdf from the library behind the page (`attachments`).
 */
export async function serveAppRequest(
  url: string,
  method: string,
  attachments?: AttachmentFileLookup,
): Promise<RendererResponse> {
  return (
    (await serveAttachmentRequest(attachments, { url, method }, APP_ORIGIN)) ??
    (await serveRendererRequest(RENDERER_DIR, { url, method }, APP_ORIGIN))
  )
}
