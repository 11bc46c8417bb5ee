// Answers a request for the app's origin with a file of the built renderer, or
// 404. Plain Node (no Electron), so the app's protocol handler (appProtocol.ts)
// and the e2e harness serve the page through this same function.
import { readFile, realpath, stat } from 'node:fs/promises'
import { join, sep } from 'node:path'
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, resolveRendererRequest } from './appOrigin'

export interface RendererResponse {
  status: 200 | 404 | 405
  headers: Record<string, string>
  /** Absent for HEAD and for refusals. */
  body: Buffer | undefined
}

/** Sent with every answer: the CSP (as well as the page's meta tag), and no type sniffing. */
export const COMMON_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
}

/** A 404 or 405 with the common headers and no body. */
export function refusal(status: 404 | 405): RendererResponse {
  return {
    status,
    headers: { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    body: undefined,
  }
}

/**
 * The answer to `request` from the renderer folder `rendererDir`. The named
 * file must be a regular file whose real path (symlinks resolved) is still
 * inside the folder's real path.
 */
export async function serveRendererRequest(
  rendererDir: string,
  request: { url: string; method: string },
  origin: string = APP_ORIGIN,
): Promise<RendererResponse> {
  const decision = resolveRendererRequest(request.url, request.method, origin)
  if (decision.kind === 'refused') return refusal(decision.status)
  try {
    const root = await realpath(rendererDir)
    const file = await realpath(join(root, ...decision.segments))
    if (!file.startsWith(root + sep) || !(await stat(file)).isFile()) return refusal(404)
    return {
      status: 200,
      headers: { ...COMMON_HEADERS, 'Content-Type': decision.contentType },
      body: request.method === 'HEAD' ? undefined : await readFile(file),
    }
  } catch {
    return refusal(404)
  }
}
