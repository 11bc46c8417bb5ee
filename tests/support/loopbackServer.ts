// One place for the stand-ins of the network services: an HTTP server on
// 127.0.0.1 at a free port, the lookup options that send every service
// (Hugging Face, the arXiv API and RSS, doi.org) to it with no pauses, and a
// close that ends kept-alive connections too (so a test's teardown never
// waits on a client's socket).
import { createServer, type RequestListener } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { LookupOptions } from '../../src/main/core/lookup/identifierLookup'

export interface LoopbackServer {
  /** http://127.0.0.1:PORT */
  origin: string
  /** 127.0.0.1:PORT, as the app's messages name it. */
  host: string
  close(): Promise<void>
}

export async function listenOnLoopback(handler: RequestListener): Promise<LoopbackServer> {
  const server = createServer(handler)
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

/** Lookup options with every service at `origin` and no pause between requests. */
export function loopbackLookup(origin: string, overrides: LookupOptions = {}): LookupOptions {
  return {
    origins: () => ({ huggingFace: origin, arxivApi: origin, arxivRss: origin }),
    doiResolverUrl: `${origin}/doi`,
    arxivIntervalMs: 0,
    doiIntervalMs: 0,
    otherIntervalMs: 0,
    timeoutMs: 5000,
    ...overrides,
  }
}
