// GET requests the way the services ask to be used: one request at a time per
// service with a pause between (arXiv: 3 s), an answer of 429 or 503 with
// Retry-After waited out when the wait is short, conditional requests (the
// ETag / Last-Modified of the last answer sent back, a 304 served from memory),
// a timeout, and failures sorted by what the user can do about them: worth
// retrying later (offline, timeout, busy: the lookup queue) or not (404,
// refused). Cancellable throughout.
import { ImportCancelledError } from '../imports/yieldingLoop'
import { RateLimiter } from '../lookup/rateLimiter'

/** Worth trying again later: offline, timed out, busy. */
export class RetryableFetchError extends Error {}
/** Not worth trying again: the service has no such thing, or refuses. */
export class FinalFetchError extends Error {}

export interface PoliteFetchOptions {
  /** Pause between two requests to one host (asked when the host is first met). */
  intervalFor?: (host: string) => number
  timeoutMs?: number
  userAgent?: string
  /** The longest Retry-After waited out before a retry; longer asks fail as retryable. */
  maxRetryAfterMs?: number
}

const DEFAULTS = {
  intervalFor: (): number => 1000,
  timeoutMs: 20_000,
  userAgent: 'Offprint/0.1 (desktop reader for research papers)',
  maxRetryAfterMs: 30_000,
}

interface CachedAnswer {
  etag?: string
  lastModified?: string
  body: string
}

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), or undefined. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000)
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} minutes`
}

export class PoliteFetcher {
  private readonly limiters = new Map<string, RateLimiter>()
  private readonly cache = new Map<string, CachedAnswer>()
  private readonly options: Required<PoliteFetchOptions>

  constructor(options: PoliteFetchOptions = {}) {
    this.options = { ...DEFAULTS, ...options }
  }

  private limiter(host: string): RateLimiter {
    let limiter = this.limiters.get(host)
    if (limiter === undefined) {
      limiter = new RateLimiter(this.options.intervalFor(host))
      this.limiters.set(host, limiter)
    }
    return limiter
  }

  /** The body of `url`, or a RetryableFetchError / FinalFetchError saying why not. */
  async get(url: URL, accept: string, signal?: AbortSignal): Promise<string> {
    try {
      return (await this.attempt(url, accept, signal, true, false)) as string
    } catch (error) {
      throw this.classify(error, url, signal)
    }
  }

  /** The body of `url` as bytes (a PDF), never cached; failures as get's. */
  async getBytes(url: URL, accept: string, signal?: AbortSignal): Promise<Uint8Array> {
    try {
      return (await this.attempt(url, accept, signal, true, true)) as Uint8Array
    } catch (error) {
      throw this.classify(error, url, signal)
    }
  }

  private async attempt(
    url: URL,
    accept: string,
    signal: AbortSignal | undefined,
    mayRetry: boolean,
    binary: boolean,
  ): Promise<string | Uint8Array> {
    await this.limiter(url.host).take(signal)
    const key = url.href
    const cached = binary ? undefined : this.cache.get(key)
    const headers: Record<string, string> = { Accept: accept, 'User-Agent': this.options.userAgent }
    if (cached?.etag !== undefined) headers['If-None-Match'] = cached.etag
    if (cached?.lastModified !== undefined) headers['If-Modified-Since'] = cached.lastModified
    const timeout = AbortSignal.timeout(this.options.timeoutMs)
    const response = await fetch(url, {
      headers,
      signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
      redirect: 'follow',
    })
    if (response.status === 304 && cached !== undefined) return cached.body
    if (response.status === 429 || response.status >= 500) {
      const wait = retryAfterMs(response.headers.get('Retry-After'), Date.now())
      if (mayRetry && wait !== undefined && wait <= this.options.maxRetryAfterMs) {
        // The service said when: no request to it before then, this one included.
        this.limiter(url.host).holdFor(wait)
        return this.attempt(url, accept, signal, false, binary)
      }
      throw new RetryableFetchError(
        `${url.host} is busy or down (HTTP ${response.status}${
          wait === undefined ? '' : `, asks to wait ${describeWait(wait)}`
        }); it will be retried`,
      )
    }
    if (response.status === 404)
      throw new FinalFetchError(`${url.host} has no record for it (HTTP 404)`)
    if (!response.ok)
      throw new FinalFetchError(`${url.host} refused the request (HTTP ${response.status})`)
    if (binary) return new Uint8Array(await response.arrayBuffer())
    const body = await response.text()
    const etag = response.headers.get('ETag') ?? undefined
    const lastModified = response.headers.get('Last-Modified') ?? undefined
    if (etag !== undefined || lastModified !== undefined) {
      this.cache.set(key, {
        body,
        ...(etag === undefined ? {} : { etag }),
        ...(lastModified === undefined ? {} : { lastModified }),
      })
    }
    return body
  }

  /** Any failure as one of the two kinds; cancellation stays cancellation. */
  private classify(error: unknown, url: URL, signal?: AbortSignal): Error {
    if (signal?.aborted === true) return new ImportCancelledError()
    if (error instanceof RetryableFetchError || error instanceof FinalFetchError) return error
    if (error instanceof Error && error.name === 'TimeoutError') {
      return new RetryableFetchError(`${url.host} did not answer in time; it will be retried`)
    }
    if (error instanceof TypeError) {
      // fetch() failing before any response: no network, DNS, refused connection.
      return new RetryableFetchError(
        `offline: could not reach ${url.host}; it will be retried when you are online`,
      )
    }
    return new FinalFetchError(error instanceof Error ? error.message : String(error))
  }
}
