// The app's origin: the renderer is served from `app://offprint/…`, a custom
// scheme registered as standard and secure, so the page's origin is that scheme
// and host alone. CSP `'self'` then means the renderer's own files and nothing
// else; under `file://` it meant every file on the disk.
//
// This module decides, without touching the disk, which file of the built
// renderer (out/renderer) a request names, if any. Anything that is not plainly
// one of those files is refused: another host, a query, a percent-encoded
// slash, backslash or NUL, a dot segment, a hidden file, a type the renderer
// does not ship. rendererFiles.ts then reads the file (refusing symlinks that
// lead out of the folder) and the app's protocol handler and the e2e harness
// both answer with it.

export const APP_SCHEME = 'app'
export const APP_HOST = 'offprint'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** The one page of the app: the window loads it, and IPC answers only its top frame. */
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`

/**
 * How the scheme is registered (protocol.registerSchemesAsPrivileged, before
 * `ready`). `standard` gives it origins, relative URLs and `'self'`; `secure`
 * makes it a secure context like https; `supportFetchAPI` and `corsEnabled`
 * let the page load its module script (`<script type="module" crossorigin>`)
 * from its own origin; `codeCache` keeps V8's compiled code between starts.
 * Never `bypassCSP`, service workers or extensions.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  codeCache: true,
} as const

/**
 * The page's Content-Security-Policy, sent as a response header with every
 * answer. src/renderer/index.html carries the same policy in its meta tag (a
 * unit test holds the two equal), so a page opened without the header, such as
 * the dev server's, is still covered.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "media-src 'none'",
  "worker-src 'self'",
  "manifest-src 'none'",
].join('; ')

/** The types the built renderer ships; a file of any other type is not served. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
  json: 'application/json; charset=utf-8',
}

/**
 * A file name the build writes: letters, digits, `-`, `_` and dots, not
 * starting with a dot (so no `.`, `..` or hidden file), with an extension.
 */
const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*\.([a-z0-9]+)$/
/** A folder name of the same kind (the build has one: assets). */
const FOLDER_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/
/** Deeper than the build ever writes. */
const MAX_SEGMENTS = 4

export type RendererRequest =
  | { kind: 'file'; segments: string[]; contentType: string }
  | { kind: 'refused'; status: 404 | 405; reason: string }

function refused(reason: string, status: 404 | 405 = 404): RendererRequest {
  return { kind: 'refused', status, reason }
}

/**
 * Which renderer file `url` names, as path segments under the renderer folder,
 * or why it names none. `origin` is the app's (`app://offprint`); the e2e
 * harness passes the https origin it serves the same files from.
 */
export function resolveRendererRequest(
  url: string,
  method: string,
  origin: string = APP_ORIGIN,
): RendererRequest {
  if (method !== 'GET' && method !== 'HEAD') return refused(`method ${method}`, 405)
  let parsed: URL
  let expected: URL
  try {
    parsed = new URL(url)
    expected = new URL(origin)
  } catch {
    return refused('not a URL')
  }
  if (
    parsed.protocol !== expected.protocol ||
    parsed.host.toLowerCase() !== expected.host.toLowerCase() ||
    parsed.username !== '' ||
    parsed.password !== ''
  ) {
    return refused('not the app origin')
  }
  // The renderer's files are never asked for with a query; one only hides a path.
  if (parsed.search !== '' || (url.split('#')[0] ?? '').includes('?')) return refused('query')
  const path = parsed.pathname === '/' ? '/index.html' : parsed.pathname
  const encoded = path.slice(1).split('/')
  if (encoded.length > MAX_SEGMENTS) return refused('too deep')
  const segments: string[] = []
  for (const part of encoded) {
    let name: string
    try {
      name = decodeURIComponent(part)
    } catch {
      return refused('bad percent-encoding')
    }
    segments.push(name)
  }
  const folders = segments.slice(0, -1)
  const fileName = segments.at(-1) ?? ''
  if (!folders.every((folder) => FOLDER_NAME.test(folder))) return refused('not a folder name')
  const extension = FILE_NAME.exec(fileName)?.[1]
  if (extension === undefined) return refused('not a file name')
  const contentType = CONTENT_TYPES[extension]
  if (contentType === undefined) return refused(`type .${extension}`)
  return { kind: 'file', segments, contentType }
}
