// The Daily Papers of a day, an ISO week or a month, from the Hugging Face API:
// one request per day ($origin/api/daily_papers?date=YYYY-MM-DD&limit=100),
// paced by the polite fetcher, days after today left out. The answers are read
// by the HF API JSON reader of the imports (one parser for the file and the
// fetch); a paper listed on several days is one paper.
import type { DailyPeriod } from '../../../shared/model'
import { HfFormatError, hfApiRecords } from '../imports/hf/apiJson'
import { daysInMonth } from '../imports/isoDate'
import type { ParseControl, ParsedImport } from '../imports/parsedRecord'
import { throwIfCancelled } from '../imports/yieldingLoop'
import type { PoliteFetcher } from './politeFetch'
import { serviceUrl } from './serviceOrigins'

/** More papers than Hugging Face has ever listed on one day; the API's largest page. */
const PAPERS_PER_DAY = 100

function iso(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** The days of an ISO week (Monday first), e.g. 2026-W06 → 2026-02-02 … 2026-02-08. */
function weekDays(week: string): string[] {
  const match = /^(\d{4})-W(\d{2})$/.exec(week)
  const year = Number(match?.[1])
  const number = Number(match?.[2])
  // 4 January is always in week 1.
  const jan4 = new Date(Date.UTC(year, 0, 4))
  const monday = Date.UTC(year, 0, 4 - ((jan4.getUTCDay() + 6) % 7) + (number - 1) * 7)
  return Array.from({ length: 7 }, (_, day) => iso(new Date(monday + day * 86_400_000)))
}

/** The first day Hugging Face listed Daily Papers (nothing is asked for before it). */
export const FIRST_DAILY_PAPERS_DAY = '2023-05-01'

/**
 * The days of a period that can have papers: from May 2023 (when Daily Papers
 * began) up to `today` (YYYY-MM-DD); nothing is listed for days to come.
 */
export function daysOf(period: DailyPeriod, today: string): string[] {
  let days: string[]
  switch (period.kind) {
    case 'day':
      days = [period.date]
      break
    case 'week':
      days = weekDays(period.week)
      break
    case 'month': {
      const [year, month] = period.month.split('-').map(Number)
      days = Array.from({ length: daysInMonth(year ?? 0, month ?? 0) }, (_, day) =>
        iso(new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day + 1))),
      )
      break
    }
  }
  return days.filter((day) => day <= today && day >= FIRST_DAILY_PAPERS_DAY)
}

/** The papers of `days`, one request each; fails on the first day that cannot be fetched. */
export async function fetchDailyPapers(
  fetcher: PoliteFetcher,
  origin: string,
  days: readonly string[],
  control: ParseControl = {},
): Promise<ParsedImport> {
  const entries: unknown[] = []
  for (const [index, day] of days.entries()) {
    throwIfCancelled(control.signal)
    const url = serviceUrl(origin, '/api/daily_papers')
    url.searchParams.set('date', day)
    url.searchParams.set('limit', String(PAPERS_PER_DAY))
    const body = await fetcher.get(url, 'application/json', control.signal)
    let value: unknown
    try {
      value = JSON.parse(body)
    } catch {
      throw new HfFormatError(`${url.host} answered for ${day} with something that is not JSON`)
    }
    if (!Array.isArray(value)) {
      throw new HfFormatError(`${url.host} answered for ${day} with something that is not a list`)
    }
    entries.push(...(value as unknown[]))
    control.onProgress?.(index + 1, days.length)
  }
  return { format: 'hf-api-json', ...hfApiRecords(entries), identifiers: [] }
}
