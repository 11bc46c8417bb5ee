// Electron glue for the app:// protocol: the scheme is registered as
// privileged before `ready`, and its handler answers from the built renderer
// through serveRendererRequest (window/rendererFiles.ts), the same function the
// e2e harness serves the page with.
import { protocol } from 'electron'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './window/appOrigin'
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

/** After `ready`: answer app://offprint/… in `session` from `rendererDir` (out/renderer). */
export function handleAppScheme(session: ProtocolSession, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const response = await serveRendererRequest(rendererDir, {
      url: request.url,
      method: request.method,
    })
    return new Response(response.body === undefined ? null : new Uint8Array(response.body), {
      status: response.status,
      headers: response.headers,
    })
  })
}
