// What happens after a delay (a note saved after a pause in typing, a paper
// marked read after a few seconds), tested on a clock the test moves: the
// page's timers run on Playwright's page.clock, stopped, and time passes only
// with `page.clock.runFor`. A busy machine can then neither make the delay
// pass early nor late, and the test waits on state, never on time.
import type { Page } from 'playwright-core'
import type { ApiDispatch } from '../../../src/main/core/kernel/dispatch'
import type { OffprintBridge } from '../../../src/shared/api/contract'

/**
 * From now on the page's timers, Date and performance.now stand still until the
 * test moves them (`page.clock.runFor`, `ticking`) or lets them run again
 * (`page.clock.resume()`, before a reload). Timers the page set before this
 * keep running on real time.
 */
export async function stopPageClock(page: Page): Promise<void> {
  await page.clock.install()
  await page.clock.pauseAt(Date.now() + 1000)
}

/**
 * `read`, after letting the stopped clock move by one millisecond, for
 * expect.poll: the page's "next tick" work needs time to pass (TanStack Query
 * hands its results to React with setTimeout 0). A poll looks at most a few
 * hundred times, so a test moves the clock this way by well under a second,
 * far from the delays it tests, which it passes with `page.clock.runFor`.
 */
export function ticking<T>(page: Page, read: () => Promise<T>): () => Promise<T> {
  return async () => {
    await page.clock.runFor(1)
    return read()
  }
}

/**
 * Resolves once every call the page made to the core until now has reached
 * it: the page's calls travel in order, so one more round trip comes after
 * them all. Then "the page never asked for X" is something a test can assert.
 */
export async function pageCallsArrived(page: Page): Promise<void> {
  await page.evaluate(() =>
    (window as unknown as { offprint: OffprintBridge }).offprint.getSettings({}),
  )
}

/** For `interceptDispatch`: writes down every method the page calls, in order. */
export function recordingCalls(calls: string[]): (dispatch: ApiDispatch) => ApiDispatch {
  return (dispatch) => (method, args) => {
    calls.push(method)
    return dispatch(method, args)
  }
}
