// Dates as the formats write them ("2017", month = dec, "2017-12-04", RIS
// "2017/12/04/", CSL date-parts) turned into ISO 8601 at the precision the
// source has: YYYY, YYYY-MM or YYYY-MM-DD. Keeping the precision is what lets an
// export write back exactly what was imported.

/** The month macros of BibTeX, in order (also the first three letters of each English name). */
export const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
]

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** 1-12 from "12", "dec", "December", "Dec."; undefined otherwise. */
export function monthNumber(value: string | undefined): number | undefined {
  const text = (value ?? '').trim().toLowerCase()
  if (text === '') return undefined
  if (/^\d{1,2}$/.test(text)) {
    const n = Number(text)
    return n >= 1 && n <= 12 ? n : undefined
  }
  const at = MONTHS.indexOf(text.slice(0, 3))
  return at === -1 ? undefined : at + 1
}

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** ISO from numeric parts, dropping what is missing or impossible. */
export function isoFromParts(year?: number, month?: number, day?: number): string | undefined {
  if (year === undefined || !Number.isInteger(year) || year < 1000 || year > 9999) return undefined
  if (month === undefined || month < 1 || month > 12) return String(year)
  if (day === undefined || day < 1 || day > daysInMonth(year, month)) return `${year}-${pad(month)}`
  return `${year}-${pad(month)}-${pad(day)}`
}

/**
 * ISO date from a full date string (BibLaTeX `date`, "2017-12-04", "2017/12/04",
 * ranges keep their start) or, failing that, separate year / month / day.
 */
export function isoDateOf(
  date: string | undefined,
  year?: string,
  month?: string,
  day?: string,
): string | undefined {
  const full = /^\s*(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?/.exec(date ?? '')
  if (full?.[1] !== undefined) {
    return isoFromParts(
      Number(full[1]),
      full[2] === undefined ? undefined : Number(full[2]),
      full[3] === undefined ? undefined : Number(full[3]),
    )
  }
  const y = /\d{4}/.exec(year ?? '')?.[0]
  if (y === undefined) return undefined
  const d = /^\s*(\d{1,2})\s*$/.exec(day ?? '')?.[1]
  return isoFromParts(Number(y), monthNumber(month), d === undefined ? undefined : Number(d))
}

/** [year, month?, day?] of an ISO date of any precision. */
export function isoParts(iso: string): number[] {
  return iso
    .split('-')
    .slice(0, 3)
    .map(Number)
    .filter((n) => Number.isFinite(n))
}
