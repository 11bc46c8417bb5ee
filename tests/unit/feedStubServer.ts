// A stand-in for huggingface.co, rss.arxiv.org and export.arxiv.org on
// 127.0.0.1 for the feed tests, serving recorded answers unchanged: Hugging
// Face /api/daily_papers of three days, rss.arxiv.org's feed of every archive
// (28 Nov 2024), its empty weekend feed and its error answer, a cs.AI Atom feed
// cut off mid-entry (malformed XML), and two real arXiv API answers: to the
// author query search_query=au:"A. Del Maestro" (served for every au:
// search; kept inside the Python test module it was recorded in) and to
// search_query=all:science (inside a JavaScript module; every other search).
// The stub serves the XML between the quotes. Any path can be made to
// answer 429 or 503 (with Retry-After) a number of times; answers carry an ETag
// and a matching If-None-Match gets 304. Every request is logged.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { LookupOptions } from '../../src/main/core/lookup/identifierLookup'
import { listenOnLoopback, loopbackLookup } from '../support/loopbackServer'

import { DAILY_PAPERS, FORMATS, answerWithEtag } from './lookupStubServer'

const FEEDS = resolve(__dirname, '../fixtures/feeds')

/** rss.arxiv.org paths: every category list the tests follow gets the one real feed of that day. */
const RSS: Record<string, string> = {
  '/rss/cs.AI+cs.LG+math': 'arxiv-rss-2024-11-28.xml',
  '/rss/math': 'arxiv-rss-2024-11-28.xml',
  '/rss/test': 'arxiv-rss-empty.xml',
  '/rss/astroph': 'arxiv-rss-error.xml',
  '/rss/cs.AI': 'arxiv-atom-cs.AI-2025-08-20.xml',
}

export interface FailureRule {
  status: 429 | 503
  retryAfter?: string
  /** How many requests get it (then the path answers normally). */
  times: number
}

export interface FeedStub {
  origin: string
  host: string
  /** Lookup options: every origin this stub, no pauses. */
  options: LookupOptions
  requests: string[]
  /** Paths (without query) that answer a failure for a while. */
  failures: Map<string, FailureRule>
  close(): Promise<void>
}

/** The recorded answer to all:science: the XML inside the template literal of the recorded file. */
async function apiAnswer(): Promise<string> {
  const file = await readFile(resolve(FEEDS, 'arxiv-api-query-all-science.js'), 'utf8')
  return file.slice(file.indexOf('`') + 1, file.lastIndexOf('`'))
}

/**
 * The recorded answer to au:"A. Del Maestro": the XML inside the Python
 * string of that name, with the backslashes its author doubled (`\\delta`, so
 * that Python reads `\delta`) read back as one, as arXiv sent them.
 */
async function authorAnswer(): Promise<string> {
  const file = await readFile(resolve(FEEDS, 'arxivapi-tests-helpers.py'), 'utf8')
  const name = file.indexOf('ARXIV_REMOTE_A_DEL_MAESTRO_AUTHOR_QUERY_RESPONSE')
  const start = file.indexOf('"""', name) + 3
  return file.slice(start, file.indexOf('"""', start)).replaceAll('\\\\', '\\')
}

export async function startFeedStub(): Promise<FeedStub> {
  const stub: FeedStub = {
    origin: '',
    host: '',
    options: {},
    requests: [],
    failures: new Map(),
    close: async () => undefined,
  }
  const server = await listenOnLoopback((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    stub.requests.push(`${url.pathname}${url.search}`)
    const failure = stub.failures.get(url.pathname)
    if (failure !== undefined && failure.times > 0) {
      failure.times--
      response
        .writeHead(
          failure.status,
          failure.retryAfter === undefined ? {} : { 'Retry-After': failure.retryAfter },
        )
        .end('busy')
      return
    }
    const serve = (body: string, type: string): void =>
      answerWithEtag(response, request.headers['if-none-match'], body, type)
    void (async () => {
      if (url.pathname === '/api/daily_papers') {
        const day = DAILY_PAPERS[url.searchParams.get('date') ?? '']
        serve(
          day === undefined ? '[]' : await readFile(resolve(FORMATS, day), 'utf8'),
          'application/json',
        )
      } else if (RSS[url.pathname] !== undefined) {
        serve(
          await readFile(resolve(FORMATS, RSS[url.pathname] ?? ''), 'utf8'),
          'application/rss+xml',
        )
      } else if (url.pathname === '/api/query') {
        const byAuthor = url.searchParams.get('search_query')?.startsWith('au:') === true
        serve(await (byAuthor ? authorAnswer() : apiAnswer()), 'application/atom+xml')
      } else {
        response.writeHead(404).end()
      }
    })()
  })
  stub.origin = server.origin
  stub.host = server.host
  stub.options = loopbackLookup(server.origin)
  stub.close = server.close
  return stub
}
