// One check of one feed: the request (through the polite fetcher, so arXiv is
// asked at most once every 3 s, a 429/503 with Retry-After is waited out and an
// unchanged answer comes back as 304), then the parser the imports already use
// for that answer: the HF API JSON reader, arXiv's announcement feed reader, the
// arXiv API Atom reader. An empty arXiv feed is no papers, not an error.
import type { Feed, ImportFormat, ServiceOrigins } from '../../../shared/model'
import { parseArxivAtom } from '../imports/arxivAtom'
import { EmptyArxivFeedError, parseArxivFeed } from '../imports/arxivFeed'
import type { ParsedRecord } from '../imports/parsedRecord'
import { daysOf, fetchDailyPapers } from '../online/dailyPapers'
import type { PoliteFetcher } from '../online/politeFetch'
import { serviceUrl } from '../online/serviceOrigins'

/** Papers an arXiv query asks for, newest first. */
const QUERY_RESULTS = 100

export interface FetchedFeed {
  format: ImportFormat
  records: ParsedRecord[]
  /** Entries the parser could not read (a feed cut off mid-entry). */
  skipped: number
}

/** The ISO week (2026-W24) a day (YYYY-MM-DD) is in. */
function isoWeekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  const weekday = (date.getUTCDay() + 6) % 7
  const thursday = new Date(date.getTime() + (3 - weekday) * 86_400_000)
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1)
  const week = Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000)) + 1
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

export async function fetchFeed(
  feed: Feed,
  fetcher: PoliteFetcher,
  origins: ServiceOrigins,
  today: string,
  signal?: AbortSignal,
): Promise<FetchedFeed> {
  switch (feed.kind) {
    case 'hf-daily': {
      const period = feed.hfPeriod ?? 'day'
      const days = daysOf(
        period === 'day'
          ? { kind: 'day', date: today }
          : period === 'week'
            ? { kind: 'week', week: isoWeekOf(today) }
            : { kind: 'month', month: today.slice(0, 7) },
        today,
      )
      const parsed = await fetchDailyPapers(
        fetcher,
        origins.huggingFace,
        days,
        signal === undefined ? {} : { signal },
      )
      return { format: parsed.format, records: parsed.records, skipped: parsed.skipped.length }
    }
    case 'arxiv': {
      const url = serviceUrl(origins.arxivRss, `/rss/${feed.categories ?? ''}`)
      const text = await fetcher.get(url, 'application/rss+xml', signal)
      try {
        const parsed = await parseArxivFeed(text, signal === undefined ? {} : { signal })
        return { format: parsed.format, records: parsed.records, skipped: parsed.skipped.length }
      } catch (error) {
        if (error instanceof EmptyArxivFeedError)
          return { format: 'arxiv-feed', records: [], skipped: 0 }
        throw error
      }
    }
    case 'arxiv-query': {
      const url = serviceUrl(origins.arxivApi, '/api/query')
      url.searchParams.set('search_query', feed.query ?? '')
      url.searchParams.set('sortBy', 'submittedDate')
      url.searchParams.set('sortOrder', 'descending')
      url.searchParams.set('max_results', String(QUERY_RESULTS))
      const text = await fetcher.get(url, 'application/atom+xml', signal)
      const parsed = await parseArxivAtom(text, signal === undefined ? {} : { signal })
      return { format: parsed.format, records: parsed.records, skipped: parsed.skipped.length }
    }
  }
}
