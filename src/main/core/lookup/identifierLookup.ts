// Looks identifiers up online: arXiv ids through the arXiv API (an Atom feed,
// many ids per request), DOIs through doi.org content negotiation (CSL-JSON,
// which Crossref, DataCite and mEDRA all serve). Node's fetch, rate-limited per
// service, cancellable, with base URLs a test points at a stub server.
//
// Failures are sorted by what the user can do about them: "offline" / "busy"
// identifiers are worth retrying later (they go to the lookup queue), "not
// found" ones are reported as skipped.
import { parseArxivAtom } from '../imports/arxivAtom'
import { parseCslJson } from '../imports/cslJson'
import { formatIdentifier } from '../imports/identifiers'
import type { Identifier } from '../imports/identifiers'
import type { ParsedRecord } from '../imports/parsedRecord'
import { ImportCancelledError } from '../imports/yieldingLoop'
import { RateLimiter } from './rateLimiter'

export interface LookupOptions {
  /** The arXiv API's query endpoint. */
  arxivApiUrl?: string
  /** The DOI resolver; `${doiResolverUrl}/${doi}` is requested. */
  doiResolverUrl?: string
  /** Pause between two requests to arXiv (their terms ask for 3 s). */
  arxivIntervalMs?: number
  doiIntervalMs?: number
  /** Per-request timeout. */
  timeoutMs?: number
  /** Identifies the app to the services, as both ask. */
  userAgent?: string
}

export const DEFAULT_LOOKUP: Required<LookupOptions> = {
  arxivApiUrl: 'https://export.arxiv.org/api/query',
  doiResolverUrl: 'https://doi.org',
  arxivIntervalMs: 3000,
  doiIntervalMs: 250,
  timeoutMs: 20_000,
  userAgent: 'Offprint/0.1 (desktop reader for research papers)',
}

/** arXiv's API takes a comma-separated id_list; this many per request keeps responses small. */
const ARXIV_BATCH = 20

export interface LookupFailure {
  identifier: string
  reason: string
  /** True when trying again later may work (offline, timeout, server busy). */
  retry: boolean
}

export interface LookupResult {
  records: ParsedRecord[]
  failures: LookupFailure[]
}

export interface LookupControl {
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}

class RetryableError extends Error {}
class NotFoundLookupError extends Error {}

export class IdentifierLookup {
  private readonly options: Required<LookupOptions>
  private readonly arxivLimiter: RateLimiter
  private readonly doiLimiter: RateLimiter

  constructor(options: LookupOptions = {}) {
    this.options = { ...DEFAULT_LOOKUP, ...options }
    this.arxivLimiter = new RateLimiter(this.options.arxivIntervalMs)
    this.doiLimiter = new RateLimiter(this.options.doiIntervalMs)
  }

  async lookUp(identifiers: Identifier[], control: LookupControl = {}): Promise<LookupResult> {
    const records: ParsedRecord[] = []
    const failures: LookupFailure[] = []
    const total = identifiers.length
    let done = 0
    const progress = (n: number): void => {
      done += n
      control.onProgress?.(done, total)
    }
    // Once a service is unreachable, the rest of its identifiers wait too, at once.
    const down = new Map<'arxiv' | 'doi', string>()

    const arxivIds = identifiers.filter((id) => id.kind === 'arxiv').map((id) => id.id)
    for (let i = 0; i < arxivIds.length; i += ARXIV_BATCH) {
      const batch = arxivIds.slice(i, i + ARXIV_BATCH)
      const fail = (reason: string, retry: boolean): void => {
        for (const id of batch)
          failures.push({ identifier: formatIdentifier({ kind: 'arxiv', id }), reason, retry })
      }
      const outage = down.get('arxiv')
      if (outage !== undefined) {
        fail(outage, true)
      } else {
        try {
          const found = await this.fetchArxiv(batch, control.signal)
          for (const id of batch) {
            const record = found.get(id)
            if (record) records.push(record)
            else
              failures.push({
                identifier: `arXiv:${id}`,
                reason: 'arXiv has no paper with this id',
                retry: false,
              })
          }
        } catch (error) {
          const failure = this.classify(error, 'arxiv', control.signal)
          if (failure.retry) down.set('arxiv', failure.reason)
          fail(failure.reason, failure.retry)
        }
      }
      progress(batch.length)
    }

    for (const identifier of identifiers.filter((id) => id.kind === 'doi')) {
      const name = formatIdentifier(identifier)
      const outage = down.get('doi')
      if (outage !== undefined) {
        failures.push({ identifier: name, reason: outage, retry: true })
      } else {
        try {
          records.push(await this.fetchDoi(identifier.id, control.signal))
        } catch (error) {
          const failure = this.classify(error, 'doi', control.signal)
          if (failure.retry) down.set('doi', failure.reason)
          failures.push({ identifier: name, ...failure })
        }
      }
      progress(1)
    }
    return { records, failures }
  }

  private async fetchArxiv(
    ids: string[],
    signal?: AbortSignal,
  ): Promise<Map<string, ParsedRecord>> {
    await this.arxivLimiter.take(signal)
    const url = new URL(this.options.arxivApiUrl)
    url.searchParams.set('id_list', ids.join(','))
    url.searchParams.set('max_results', String(ids.length))
    const body = await this.get(url, 'application/atom+xml', signal)
    const feed = await parseArxivAtom(body)
    const found = new Map<string, ParsedRecord>()
    for (const record of feed.records) {
      if (record.arxivId !== undefined) found.set(record.arxivId, record)
    }
    return found
  }

  private async fetchDoi(doi: string, signal?: AbortSignal): Promise<ParsedRecord> {
    await this.doiLimiter.take(signal)
    // A DOI's suffix may hold any printable character; '/' stays a path separator.
    const path = doi.split('/').map(encodeURIComponent).join('/')
    const body = await this.get(
      new URL(`${this.options.doiResolverUrl}/${path}`),
      'application/vnd.citationstyles.csl+json',
      signal,
    )
    const parsed = await parseCslJson(body)
    const record = parsed.records[0]
    if (record === undefined) {
      throw new NotFoundLookupError(
        `doi.org answered without a usable record (${parsed.skipped[0]?.reason ?? 'empty'})`,
      )
    }
    return { ...record, doi: record.doi ?? doi }
  }

  private async get(url: URL, accept: string, signal?: AbortSignal): Promise<string> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs)
    const response = await fetch(url, {
      headers: { Accept: accept, 'User-Agent': this.options.userAgent },
      signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
      redirect: 'follow',
    })
    if (response.status === 404)
      throw new NotFoundLookupError(`${url.host} has no record for it (HTTP 404)`)
    if (response.status === 429 || response.status >= 500) {
      throw new RetryableError(
        `${url.host} is busy or down (HTTP ${response.status}); it will be retried`,
      )
    }
    if (!response.ok)
      throw new NotFoundLookupError(`${url.host} refused the request (HTTP ${response.status})`)
    return response.text()
  }

  private classify(
    error: unknown,
    service: 'arxiv' | 'doi',
    signal?: AbortSignal,
  ): Omit<LookupFailure, 'identifier'> {
    if (signal?.aborted === true) throw new ImportCancelledError()
    const host = new URL(
      service === 'arxiv' ? this.options.arxivApiUrl : this.options.doiResolverUrl,
    ).host
    if (error instanceof NotFoundLookupError) return { reason: error.message, retry: false }
    if (error instanceof RetryableError) return { reason: error.message, retry: true }
    if (error instanceof Error && error.name === 'TimeoutError') {
      return { reason: `${host} did not answer in time; it will be retried`, retry: true }
    }
    if (error instanceof TypeError) {
      // fetch() failing before any response: no network, DNS, refused connection.
      return {
        reason: `offline: could not reach ${host}; it will be retried when you are online`,
        retry: true,
      }
    }
    return { reason: error instanceof Error ? error.message : String(error), retry: false }
  }
}
