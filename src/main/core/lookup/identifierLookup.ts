// Looks identifiers up online: arXiv ids through the arXiv API (an Atom feed,
// many ids per request), DOIs through doi.org content negotiation (CSL-JSON,
// which Crossref, DataCite and mEDRA all serve), through the polite fetcher
// (one request per 3 s to arXiv, Retry-After, conditional requests), at the
// origins the settings or the environment name (a test's stub server).
//
// Failures are sorted by what the user can do about them: "offline" / "busy"
// identifiers are worth retrying later (they go to the lookup queue), "not
// found" ones are reported as skipped.
import { parseArxivAtom } from '../imports/arxivAtom'
import { parseCslJson } from '../imports/cslJson'
import { formatIdentifier } from '../imports/identifiers'
import type { Identifier } from '../imports/identifiers'
import type { ParsedRecord } from '../imports/parsedRecord'
import type { ServiceOrigins } from '../../../shared/model'
import { DEFAULT_SERVICE_ORIGINS } from '../../../shared/model'
import { ImportCancelledError } from '../imports/yieldingLoop'
import { FinalFetchError, PoliteFetcher, RetryableFetchError } from '../online/politeFetch'
import { serviceUrl } from '../online/serviceOrigins'
import { normalizeTitle } from '../../../shared/text/normalizeTitle'

export interface LookupOptions {
  /** Where the services are, asked before every request (settings + environment). */
  origins?: () => ServiceOrigins
  /** The DOI resolver; `${doiResolverUrl}/${doi}` is requested. */
  doiResolverUrl?: string
  /** Pause between two requests to arXiv (their terms ask for 3 s). */
  arxivIntervalMs?: number
  doiIntervalMs?: number
  /** Pause between two requests to any other service (Hugging Face). */
  otherIntervalMs?: number
  /** The longest Retry-After waited out before one retry. */
  maxRetryAfterMs?: number
  /** Per-request timeout. */
  timeoutMs?: number
  /** Identifies the app to the services, as both ask. */
  userAgent?: string
}

export const DEFAULT_LOOKUP: Required<LookupOptions> = {
  origins: () => DEFAULT_SERVICE_ORIGINS,
  doiResolverUrl: 'https://doi.org',
  arxivIntervalMs: 3000,
  doiIntervalMs: 250,
  otherIntervalMs: 500,
  maxRetryAfterMs: 30_000,
  timeoutMs: 20_000,
  userAgent: 'Offprint/0.1 (desktop reader for research papers)',
}

/** Answers of a title search looked at for the one with the same title. */
const TITLE_CANDIDATES = 5

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

export class IdentifierLookup {
  private readonly options: Required<LookupOptions>
  /** The one client of every online request: each service's pace is kept across them all. */
  readonly fetcher: PoliteFetcher

  constructor(options: LookupOptions = {}) {
    this.options = { ...DEFAULT_LOOKUP, ...options }
    const hostOf = (origin: string): string => new URL(origin).host
    this.fetcher = new PoliteFetcher({
      intervalFor: (host) => {
        const origins = this.origins()
        // arXiv's API and its feeds are one service to be polite to.
        if (host === hostOf(origins.arxivApi) || host === hostOf(origins.arxivRss))
          return this.options.arxivIntervalMs
        if (host === hostOf(this.options.doiResolverUrl)) return this.options.doiIntervalMs
        return this.options.otherIntervalMs
      },
      timeoutMs: this.options.timeoutMs,
      userAgent: this.options.userAgent,
      maxRetryAfterMs: this.options.maxRetryAfterMs,
    })
  }

  /** Where the services are now (the settings may have changed since the last request). */
  origins(): ServiceOrigins {
    return this.options.origins()
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
          const failure = this.classify(error, control.signal)
          if (failure.retry) down.set('arxiv', failure.reason)
          fail(failure.reason, failure.retry)
        }
      }
      progress(batch.length)
    }

    // One request each: a DOI to doi.org, a title to arXiv's search.
    for (const identifier of identifiers.filter((id) => id.kind !== 'arxiv')) {
      const name = formatIdentifier(identifier)
      const service = identifier.kind === 'doi' ? 'doi' : 'arxiv'
      const outage = down.get(service)
      if (outage !== undefined) {
        failures.push({ identifier: name, reason: outage, retry: true })
      } else {
        try {
          records.push(
            identifier.kind === 'doi'
              ? await this.fetchDoi(identifier.id, control.signal)
              : await this.fetchArxivTitle(identifier.id, control.signal),
          )
        } catch (error) {
          const failure = this.classify(error, control.signal)
          if (failure.retry) down.set(service, failure.reason)
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
    const url = serviceUrl(this.origins().arxivApi, '/api/query')
    url.searchParams.set('id_list', ids.join(','))
    url.searchParams.set('max_results', String(ids.length))
    const body = await this.fetcher.get(url, 'application/atom+xml', signal)
    const feed = await parseArxivAtom(body)
    const found = new Map<string, ParsedRecord>()
    for (const record of feed.records) {
      if (record.arxivId !== undefined) found.set(record.arxivId, record)
    }
    return found
  }

  /**
   * The arXiv record of the paper titled `title`: arXiv's title search, and of
   * its answers the one whose title is the same (ignoring case, punctuation and
   * Unicode forms). It only enriches the library's paper of that title.
   */
  private async fetchArxivTitle(title: string, signal?: AbortSignal): Promise<ParsedRecord> {
    const url = serviceUrl(this.origins().arxivApi, '/api/query')
    // A phrase search on the title's words; quotes and search operators are not words.
    const words = title
      .replace(/["():]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
    url.searchParams.set('search_query', `ti:"${words}"`)
    url.searchParams.set('max_results', String(TITLE_CANDIDATES))
    const body = await this.fetcher.get(url, 'application/atom+xml', signal)
    const wanted = normalizeTitle(title)
    const found = (await parseArxivAtom(body)).records.find(
      (record) => normalizeTitle(record.title) === wanted,
    )
    if (found === undefined) throw new FinalFetchError('arXiv has no paper with this title')
    return { ...found, enrichOnly: true }
  }

  private async fetchDoi(doi: string, signal?: AbortSignal): Promise<ParsedRecord> {
    // A DOI's suffix may hold any printable character; '/' stays a path separator.
    const path = doi.split('/').map(encodeURIComponent).join('/')
    const body = await this.fetcher.get(
      new URL(`${this.options.doiResolverUrl}/${path}`),
      'application/vnd.citationstyles.csl+json',
      signal,
    )
    const parsed = await parseCslJson(body)
    const record = parsed.records[0]
    if (record === undefined) {
      throw new FinalFetchError(
        `doi.org answered without a usable record (${parsed.skipped[0]?.reason ?? 'empty'})`,
      )
    }
    return { ...record, doi: record.doi ?? doi }
  }

  private classify(error: unknown, signal?: AbortSignal): Omit<LookupFailure, 'identifier'> {
    if (signal?.aborted === true || error instanceof ImportCancelledError) {
      throw new ImportCancelledError()
    }
    if (error instanceof RetryableFetchError) return { reason: error.message, retry: true }
    return { reason: error instanceof Error ? error.message : String(error), retry: false }
  }
}
