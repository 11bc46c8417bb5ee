// When a feed is checked: at start and every `everyHours` after a success;
// after a failure sooner, waiting twice as long after each failure in a row
// (5 min, 10, 20… never longer than the feed's own interval); and arXiv's
// announcement feeds never on a Saturday or a Sunday in New York, when they
// are empty. Pure functions of the clock, so tests drive them with a fake one.
import type { Feed } from '../../../shared/model'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
/** The first retry after a failure. */
const FIRST_RETRY_MS = 5 * MINUTE

/** True when the feed's next check is due at `now`. */
export function isDue(feed: Feed, now: Date): boolean {
  return feed.nextCheckAt === undefined || Date.parse(feed.nextCheckAt) <= now.getTime()
}

/** The weekday in New York (arXiv's clock): 0 Sunday … 6 Saturday. */
function newYorkWeekday(now: Date): number {
  const name = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    weekday: 'short',
  }).format(now)
  return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(name)
}

/**
 * arXiv announces nothing on Saturdays and Sundays: its announcement feeds are
 * not asked for then (an API query still is: the API answers every day).
 */
export function isArxivWeekend(feed: Feed, now: Date): boolean {
  if (feed.kind !== 'arxiv') return false
  const day = newYorkWeekday(now)
  return day === 0 || day === 6
}

/** When a feed skipped for the weekend is next due: the next Monday in New York. */
export function afterWeekend(now: Date): Date {
  let at = now.getTime()
  // Hour by hour is plenty: at most 48 steps.
  do at += HOUR
  while (newYorkWeekday(new Date(at)) === 0 || newYorkWeekday(new Date(at)) === 6)
  return new Date(at)
}

/** The feed after a successful check at `now`. */
export function afterSuccess(feed: Feed, now: Date): Feed {
  const next: Feed = {
    ...feed,
    lastCheckAt: now.toISOString(),
    lastSuccessAt: now.toISOString(),
    failures: 0,
    nextCheckAt: new Date(now.getTime() + feed.everyHours * HOUR).toISOString(),
  }
  delete next.lastError
  return next
}

/** The feed after a failed check at `now`: the reason kept, the next try backed off. */
export function afterFailure(feed: Feed, now: Date, reason: string): Feed {
  const failures = feed.failures + 1
  const wait = Math.min(feed.everyHours * HOUR, FIRST_RETRY_MS * 2 ** (failures - 1))
  return {
    ...feed,
    lastCheckAt: now.toISOString(),
    lastError: reason,
    failures,
    nextCheckAt: new Date(now.getTime() + wait).toISOString(),
  }
}
