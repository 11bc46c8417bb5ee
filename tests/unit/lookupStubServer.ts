// A stand-in for export.arxiv.org and doi.org on 127.0.0.1, serving the
// recorded responses in tests/fixtures/lookup. It can also answer "busy"
// (503) or hold requests, and it logs every request it got.
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import type { LookupOptions } from '../../src/main/core/lookup/identifierLookup'

const FIXTURES = resolve(__dirname, '../fixtures/lookup')

export interface StubServer {
  options: LookupOptions
  requests: { path: string; accept: string; userAgent: string }[]
  /** 'ok' serves fixtures; 'busy' answers 503; 'hang' never answers. */
  mode: 'ok' | 'busy' | 'hang'
  close(): Promise<void>
}

async function fixture(path: string): Promise<string | undefined> {
  try {
    return await readFile(resolve(FIXTURES, path), 'utf8')
  } catch {
    return undefined
  }
}

export async function startStubServer(): Promise<StubServer> {
  const stub: StubServer = {
    options: {},
    requests: [],
    mode: 'ok',
    close: async () => undefined,
  }
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    stub.requests.push({
      path: `${url.pathname}${url.search}`,
      accept: request.headers.accept ?? '',
      userAgent: request.headers['user-agent'] ?? '',
    })
    if (stub.mode === 'hang') return
    if (stub.mode === 'busy') {
      response.writeHead(503).end('busy')
      return
    }
    void (async () => {
      if (url.pathname === '/api/query') {
        const ids = (url.searchParams.get('id_list') ?? '').split(',')
        const entries = await Promise.all(
          ids.map((id) => fixture(`arxiv/${id.replace('/', '_')}.xml`)),
        )
        response.writeHead(200, { 'Content-Type': 'application/atom+xml' })
        response.end(
          '<?xml version="1.0" encoding="UTF-8"?>\n' +
            '<feed xmlns="http://www.w3.org/2005/Atom">\n' +
            entries.filter((e) => e !== undefined).join('') +
            '</feed>\n',
        )
        return
      }
      if (url.pathname.startsWith('/doi/')) {
        const doi = decodeURIComponent(url.pathname.slice('/doi/'.length))
        const body = await fixture(`doi/${doi.replace(/\//g, '_')}.json`)
        if (body === undefined) response.writeHead(404).end('DOI not found')
        else
          response
            .writeHead(200, { 'Content-Type': 'application/vnd.citationstyles.csl+json' })
            .end(body)
        return
      }
      response.writeHead(404).end()
    })()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  stub.options = {
    origins: () => ({
      huggingFace: `http://127.0.0.1:${port}`,
      arxivApi: `http://127.0.0.1:${port}`,
      arxivRss: `http://127.0.0.1:${port}`,
    }),
    doiResolverUrl: `http://127.0.0.1:${port}/doi`,
    arxivIntervalMs: 0,
    doiIntervalMs: 0,
    timeoutMs: 5000,
  }
  stub.close = () =>
    new Promise<void>((done) => {
      server.closeAllConnections()
      server.close(() => done())
    })
  return stub
}

/** Lookup options pointing at a port where nothing listens: what being offline looks like. */
export async function offlineOptions(): Promise<LookupOptions> {
  const stub = await startStubServer()
  await stub.close()
  return stub.options
}
