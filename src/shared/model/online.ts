// Online: which Daily Papers to fetch from Hugging Face ("Get Daily Papers…",
// the CLI's `daily`), as a day, an ISO week or a month.

/** A day (YYYY-MM-DD), an ISO week (YYYY-Www) or a month (YYYY-MM) of Daily Papers. */
export type DailyPeriod =
  { kind: 'day'; date: string } | { kind: 'week'; week: string } | { kind: 'month'; month: string }

/** How a period reads in reports and collection names: "2026-02-09", "2026-W06", "2026-02". */
export function dailyPeriodText(period: DailyPeriod): string {
  switch (period.kind) {
    case 'day':
      return period.date
    case 'week':
      return period.week
    case 'month':
      return period.month
  }
}

/** The name an import of a period goes by (its report, its suggested collection). */
export function dailyPeriodName(period: DailyPeriod): string {
  return `Daily Papers ${dailyPeriodText(period)}`
}
