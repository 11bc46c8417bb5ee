// A test clock that moves forward a fixed step on every call, so every
// timestamp a library writes is distinct and known in advance.

/** "Today" for the Daily Papers fixture: the page is dated Feb 9, 2026. */
export const FIXTURE_TODAY = new Date('2026-02-10T12:00:00Z')

/** A clock that ticks `stepMs` (one second unless told) per call, starting after `start`. */
export function steppingClock(start: Date | string = FIXTURE_TODAY, stepMs = 1000): () => Date {
  let t = new Date(start).getTime()
  return () => new Date((t += stepMs))
}
