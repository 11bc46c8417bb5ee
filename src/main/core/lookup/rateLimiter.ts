// Spaces requests to one service: arXiv asks for one API call every 3 seconds,
// Crossref for a polite pace. Waiting is cancellable.

export class RateLimiter {
  private next = 0

  constructor(private readonly intervalMs: number) {}

  /** No request before `ms` from now (a service's Retry-After). */
  holdFor(ms: number): void {
    this.next = Math.max(this.next, Date.now() + ms)
  }

  /** Resolves when a request may go out; rejects with the signal's reason if cancelled first. */
  async take(signal?: AbortSignal): Promise<void> {
    const now = Date.now()
    const at = Math.max(now, this.next)
    this.next = at + this.intervalMs
    if (at > now) await sleep(at - now, signal)
    signal?.throwIfAborted()
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal?.reason instanceof Error ? signal.reason : new Error('cancelled'))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
