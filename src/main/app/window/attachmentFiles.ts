// Serves the open library's PDFs to the window at `<app origin>/attachments/
// <sha256>.pdf` (ATTACHMENT_URL_PATH), beside the renderer's own files, so the
// page loads them from `'self'` and the CSP needs nothing more. Only a request
// of exactly that form, for a hash that an attachment record of the open
// library names, is answered: no other file of the library folder, no other
// folder, no path a request could make up (`..`, `%2e%2e`, `%2f`, absolute
// paths, a query) can be reached, and a file of the attachments folder that
// no record names is not served either.
import { readFile, realpath, stat } from 'node:fs/promises'
import { dirname, sep } from 'node:path'
import { ATTACHMENT_URL_PATH } from '../../../shared/model'
import { APP_ORIGIN } from './appOrigin'
import { COMMON_HEADERS, refusal } from './rendererFiles'
import type { RendererResponse } from './rendererFiles'

/** Where the open library keeps the file of an attachment with this hash (undefined: it has none). */
export type AttachmentFileLookup = (sha256: string) => Promise<string | undefined>

const ATTACHMENT_PATH = /^\/attachments\/([0-9a-f]{64})\.pdf$/

export type AttachmentRequest =
  | { kind: 'attachment'; sha256: string }
  /** A request under /attachments/ that is not one of ours: refused, never passed on. */
  | { kind: 'refused'; status: 404 | 405; reason: string }
  /** Not under /attachments/: the renderer's files answer it. */
  | { kind: 'other' }

/** Which attachment `url` asks for, if it is a request for one at all. */
export function resolveAttachmentRequest(
  url: string,
  method: string,
  origin: string = APP_ORIGIN,
): AttachmentRequest {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { kind: 'other' }
  }
  // The raw path, before the URL parser resolves dot segments or decodes anything.
  const rawPath = rawPathOf(url)
  const underAttachments =
    parsed.pathname.startsWith(ATTACHMENT_URL_PATH) ||
    rawPath.toLowerCase().startsWith(ATTACHMENT_URL_PATH) ||
    /^\/attachments(%2f|\\)/i.test(rawPath)
  if (!underAttachments) return { kind: 'other' }
  if (
    parsed.origin !== new URL(origin).origin ||
    parsed.username !== '' ||
    parsed.password !== ''
  ) {
    return { kind: 'refused', status: 404, reason: 'not the app origin' }
  }
  if (method !== 'GET' && method !== 'HEAD') {
    return { kind: 'refused', status: 405, reason: `method ${method}` }
  }
  if (parsed.search !== '' || url.includes('?'))
    return { kind: 'refused', status: 404, reason: 'query' }
  const match = ATTACHMENT_PATH.exec(rawPath)
  if (match === null || parsed.pathname !== rawPath) {
    return { kind: 'refused', status: 404, reason: 'not an attachment name' }
  }
  return { kind: 'attachment', sha256: match[1] ?? '' }
}

/** The path part of `url` as written (scheme://host/PATH?query#fragment). */
function rawPathOf(url: string): string {
  const afterScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/\\?#]*/i, '')
  return afterScheme.split(/[?#]/)[0] ?? ''
}

/**
 * The answer to a request for an attachment, or undefined when `request` is
 * not under /attachments/ (the renderer's files answer it).
 */
export async function serveAttachmentRequest(
  lookup: AttachmentFileLookup | undefined,
  request: { url: string; method: string },
  origin: string = APP_ORIGIN,
): Promise<RendererResponse | undefined> {
  const decision = resolveAttachmentRequest(request.url, request.method, origin)
  if (decision.kind === 'other') return undefined
  if (decision.kind === 'refused' || lookup === undefined) {
    return refusal(decision.kind === 'refused' ? decision.status : 404)
  }
  try {
    const path = await lookup(decision.sha256)
    if (path === undefined) return refusal(404)
    // The file itself, in its own folder: not a link that leads elsewhere.
    const real = await realpath(path)
    const folder = await realpath(dirname(path))
    if (!real.startsWith(folder + sep) || !(await stat(real)).isFile()) return refusal(404)
    return {
      status: 200,
      headers: {
        ...COMMON_HEADERS,
        'Content-Type': 'application/pdf',
        'Cache-Control': 'private, max-age=31536000, immutable',
      },
      body: request.method === 'HEAD' ? undefined : await readFile(real),
    }
  } catch {
    return refusal(404)
  }
}
