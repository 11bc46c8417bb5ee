// A stand-in for export.arxiv.org, doi.org, huggingface.co and rss.arxiv.org
// on 127.0.0.1, serving recorded responses: tests/fixtures/lookup (arXiv API
// entries, doi.org CSL-JSON) and the real answers in tests/fixtures/formats
// (Hugging Face /api/daily_papers of three days, rss.arxiv.org feeds, an
// arXiv API answer). Every
// answer carries an ETag and a conditional request for it gets 304. It can also
// answer "busy" (503), "too many requests" with a Retry-After, or hold
// requests, and it logs every request it got.
import { readFile, readdir } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import type { LookupOptions } from '../../src/main/core/lookup/identifierLookup'
import { listenOnLoopback, loopbackLookup } from '../support/loopbackServer'

const FIXTURES = resolve(__dirname, '../fixtures/lookup')
export const FORMATS = resolve(__dirname, '../fixtures/formats')

/** The recorded /api/daily_papers answers, by the day they list; any other day is []. */
export const DAILY_PAPERS: Record<string, string> = {
  '2026-05-08': 'hf-api-daily-papers-pretty.json',
  '2026-06-12': 'hf-api-daily-papers-2026-06-12.json',
  '2026-07-31': 'hf-api-daily-papers-2026-07.json',
}

/** The recorded announcement feeds, by path ("/rss/bad" is arXiv's error answer). */
const FEEDS: Record<string, string> = {
  '/rss/cs.AI+cs.LG+math': 'arxiv-rss-2024-11-28.xml',
  '/atom/cs.AI': 'arxiv-atom-cs.AI-2025-08-20.xml',
  '/rss/test': 'arxiv-rss-empty.xml',
  '/rss/astroph': 'arxiv-rss-error.xml',
}

/**
 * Real arXiv API answers, served whole (byte for byte) to a title search that
 * one of their entries answers; other searches get the hand-written entries.
 */
const RECORDED_QUERIES = ['arxiv-api-cs.RO-neural-2025-10-17.xml']

/** A title as the lookup searches it: no quotes, parentheses or colons, spaces squashed, any case. */
function searchWords(title: string): string {
  return title
    .replace(/["():]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

/** The recorded answer one of whose entries has the searched title, as arXiv sent it. */
async function recordedAnswer(words: string): Promise<string | undefined> {
  for (const name of RECORDED_QUERIES) {
    const body = await readFile(resolve(FORMATS, name), 'utf8')
    const titles = [...body.matchAll(/<entry>[\s\S]*?<title>([\s\S]*?)<\/title>/g)]
    if (titles.some((m) => searchWords(m[1] ?? '') === searchWords(words))) return body
  }
  return undefined
}

/** A recorded answer, with its ETag; 304 when the client has it already. */
export function answerWithEtag(
  response: ServerResponse,
  ifNoneMatch: string | undefined,
  body: string,
  type: string,
): void {
  const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`
  if (ifNoneMatch === etag) {
    response.writeHead(304, { ETag: etag }).end()
    return
  }
  response.writeHead(200, { 'Content-Type': type, ETag: etag }).end(body)
}

export interface StubServer {
  options: LookupOptions
  /** http://127.0.0.1:PORT, what OFFPRINT_HF_API and the other origins are set to. */
  origin: string
  /** 127.0.0.1:PORT, as messages name it. */
  host: string
  requests: { path: string; accept: string; userAgent: string; ifNoneMatch?: string }[]
  /**
   * 'ok' serves fixtures; 'busy' answers 503; 'hang' never answers;
   * 'too-many' answers 429 with `retryAfter` once, then serves as 'ok'.
   */
  mode: 'ok' | 'busy' | 'hang' | 'too-many'
  /** The Retry-After header of 'too-many' (seconds). */
  retryAfter: string
  close(): Promise<void>
}

async function fixture(path: string): Promise<string | undefined> {
  try {
    return await readFile(resolve(FIXTURES, path), 'utf8')
  } catch {
    return undefined
  }
}

/** The recorded entries whose title holds the searched words, in order (as arXiv's ti:"…" does). */
async function titleSearch(words: string): Promise<string[]> {
  const wanted = words.toLowerCase().split(/\s+/).join(' ')
  const found: string[] = []
  for (const name of await readdir(resolve(FIXTURES, 'arxiv'))) {
    const entry = (await fixture(`arxiv/${name}`)) ?? ''
    const title = /<title>([\s\S]*?)<\/title>/.exec(entry)?.[1] ?? ''
    if (title.toLowerCase().replace(/\s+/g, ' ').includes(wanted)) {
      found.push(name.replace(/\.xml$/, '').replace('_', '/'))
    }
  }
  return found
}

export async function startStubServer(): Promise<StubServer> {
  const stub: StubServer = {
    options: {},
    origin: '',
    host: '',
    requests: [],
    mode: 'ok',
    retryAfter: '0',
    close: async () => undefined,
  }
  const server = await listenOnLoopback((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const ifNoneMatch = request.headers['if-none-match']
    stub.requests.push({
      path: `${url.pathname}${url.search}`,
      accept: request.headers.accept ?? '',
      userAgent: request.headers['user-agent'] ?? '',
      ...(ifNoneMatch === undefined ? {} : { ifNoneMatch }),
    })
    if (stub.mode === 'hang') return
    if (stub.mode === 'busy') {
      response.writeHead(503).end('busy')
      return
    }
    if (stub.mode === 'too-many') {
      stub.mode = 'ok'
      response.writeHead(429, { 'Retry-After': stub.retryAfter }).end('slow down')
      return
    }
    const serve = (body: string, type: string): void =>
      answerWithEtag(response, ifNoneMatch, body, type)
    void (async () => {
      if (url.pathname === '/api/daily_papers') {
        const day = DAILY_PAPERS[url.searchParams.get('date') ?? '']
        serve(
          day === undefined ? '[]' : await readFile(resolve(FORMATS, day), 'utf8'),
          'application/json',
        )
        return
      }
      const feed = FEEDS[url.pathname]
      if (feed !== undefined) {
        serve(await readFile(resolve(FORMATS, feed), 'utf8'), 'application/xml')
        return
      }
      if (url.pathname === '/api/query') {
        const search = /^ti:"(.*)"$/.exec(url.searchParams.get('search_query') ?? '')?.[1]
        const recorded = search === undefined ? undefined : await recordedAnswer(search)
        if (recorded !== undefined) {
          serve(recorded, 'application/atom+xml; charset=utf-8')
          return
        }
        const ids =
          search === undefined
            ? (url.searchParams.get('id_list') ?? '').split(',')
            : await titleSearch(search)
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
  stub.origin = server.origin
  stub.host = server.host
  stub.options = loopbackLookup(server.origin)
  stub.close = server.close
  return stub
}

/** Lookup options pointing at a port where nothing listens: what being offline looks like. */
export async function offlineOptions(): Promise<LookupOptions> {
  const stub = await startStubServer()
  await stub.close()
  return stub.options
}
