// Dates as a Daily Papers page writes them: "Jan 26", "Oct 13, 2025", a day
// line followed by upvotes ("Jan 29 2"). A date without a year is the latest
// such day on or before the page's own date (or today, for a page just saved).
import { daysInMonth } from './isoDate'

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
}

// "Jan 26", "Oct 13, 2025", "Feb 28, 2025 2", "Jan 29 2" (no year, 2 upvotes).
// A year is only recognized after a comma, as the page writes it.
const DATE_LINE = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,\s*(\d{4}))?(?:\s+(\d{1,7}))?$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export interface DayMonth {
  month: number
  day: number
  year?: number
}

export interface DateLine extends DayMonth {
  upvotes: number
}

export interface YearMonthDay {
  year: number
  month: number
  day: number
}

export function parseDateLine(line: string): DateLine | undefined {
  const m = DATE_LINE.exec(line)
  if (!m) return undefined
  const month = MONTHS[(m[1] ?? '').toLowerCase()]
  if (month === undefined) return undefined
  const day = Number(m[2])
  const year = m[3] === undefined ? undefined : Number(m[3])
  // Without a year, Feb 29 is allowed (a leap year is found when resolving).
  if (day < 1 || day > daysInMonth(year ?? 2000, month)) return undefined
  const upvotes = m[4] === undefined ? 0 : Number(m[4])
  return year === undefined ? { month, day, upvotes } : { month, day, year, upvotes }
}

export function parseIsoOption(value: string, name: string): YearMonthDay {
  const m = ISO_DATE.exec(value)
  const ymd = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined
  if (
    !ymd ||
    ymd.month < 1 ||
    ymd.month > 12 ||
    ymd.day < 1 ||
    ymd.day > daysInMonth(ymd.year, ymd.month)
  ) {
    throw new RangeError(`${name} must be an ISO date (YYYY-MM-DD), got "${value}"`)
  }
  return ymd
}

export function localToday(): YearMonthDay {
  const now = new Date()
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() }
}

export function iso({ year, month, day }: YearMonthDay): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Gives a date its own year, or the latest year that puts it on or before `ref`. */
export function resolveDate(date: DayMonth, ref: YearMonthDay): YearMonthDay | undefined {
  if (date.year !== undefined) return { year: date.year, month: date.month, day: date.day }
  const afterRef = date.month > ref.month || (date.month === ref.month && date.day > ref.day)
  // Feb 29 may need to go back a few years to find a leap year.
  for (let year = afterRef ? ref.year - 1 : ref.year; year >= ref.year - 8; year--) {
    if (date.day <= daysInMonth(year, date.month)) return { year, month: date.month, day: date.day }
  }
  return undefined
}
