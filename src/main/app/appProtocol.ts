// Electron glue for the app:// protocol: the scheme is registered as
// privileged before `ready`, and its handler answers from the built renderer
// through serveRendererRequest (window/rendererFiles.ts), the same function the
// e2e harness serves the page with.
import { protocol } from 'electron'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './window/appOrigin'
import { serveAttachmentRequest } from './window/attachmentFiles'
import type { AttachmentFileLookup } from './window/attachmentFiles'
import { serveRendererRequest } from './window/rendererFiles'

/** Must run before the app's `ready` event (Electron's rule for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } },
  ])
}

/** What handleAppScheme needs of an Electron session. */
export interface ProtocolSession {
  protocol: {
    handle(scheme: string, handler: (request: Request) => Promise<Response>): void
  }
}

/**
 * After `ready`: answer app://offprint/… in `session` from `rendererDir`
 * (out/renderer), and app://offprint/attachments/<sha256>.pdf with the open
 * library's PDFs (`attachments()` is its lookup, undefined while none is open).
 */
export function handleAppScheme(
  session: ProtocolSession,
  rendererDir: string,
  attachments: () => AttachmentFileLookup | undefined = () => undefined,
): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const asked = { url: request.url, method: request.method }
    const response =
      (await serveAttachmentRequest(attachments(), asked)) ??
      (await serveRendererRequest(rendererDir, asked))
    return new Response(response.body === undefined ? null : new Uint8Array(response.body), {
      status: response.status,
      headers: response.headers,
    })
  })
}
