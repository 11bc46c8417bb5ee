// Online imports: "Get Daily Papers…" (the window, the palette) and the CLI's
// `daily` fetch a day, a week or a month of Hugging Face's Daily Papers and
// import them like a file, previewed or at once, through the imports service
// (the same matching, merging, report and undo-free durable commit).
import type { DailyPeriod, ServiceOrigins } from '../../../shared/model'
import { dailyPeriodName, dailyPeriodText } from '../../../shared/model'
import { HfFormatError } from '../imports/hf/apiJson'
import { localIsoDate } from '../imports/importedPapers'
import { readImport } from '../imports/readImport'
import type { ImportsService } from '../imports/importsService'
import type { ParseControl, ParsedImport } from '../imports/parsedRecord'
import { BadInputError } from '../kernel/errors'
import type { LibraryKernel } from '../kernel/kernel'
import type { Service } from '../kernel/service'
import type { LookupService } from '../lookup/lookupService'
import { fetchDailyPapers, daysOf } from './dailyPapers'
import { FinalFetchError, RetryableFetchError } from './politeFetch'
import { serviceUrl } from './serviceOrigins'

/** What a feed import is called in its report: "arXiv cs.AI". */
function feedName(categories: string): string {
  return `arXiv ${categories}`
}

/** A fetch's failure as the user reads it ("Could not get …: offline: …"); anything else as it is. */
function failedFetch(what: string, error: unknown): unknown {
  return error instanceof RetryableFetchError ||
    error instanceof FinalFetchError ||
    error instanceof HfFormatError
    ? new BadInputError(`Could not get ${what}: ${error.message}`, { cause: error })
    : error
}

type OnlineMethod = 'previewDailyPapers' | 'importDailyPapers' | 'importArxivFeed'

export class OnlineService implements Service<OnlineMethod> {
  constructor(
    private readonly kernel: LibraryKernel,
    private readonly imports: ImportsService,
    private readonly lookups: LookupService,
  ) {}

  readonly handlers: Service<OnlineMethod>['handlers'] = {
    previewDailyPapers: ({ previewId, period }) =>
      this.imports.preview(previewId, dailyPeriodName(period), (control) =>
        this.readDailyPapers(period, control),
      ),

    importArxivFeed: ({ categories, syntax }) =>
      this.imports.importNow(feedName(categories), (control) =>
        this.readArxivFeed(categories, syntax ?? 'rss', control),
      ),

    importDailyPapers: ({ period }) =>
      this.imports.importNow(dailyPeriodName(period), (control) =>
        this.readDailyPapers(period, control),
      ),
  }

  /** The origins as settings written before this call have them (a changed address is used at once). */
  private async origins(): Promise<ServiceOrigins> {
    await this.kernel.queue.idle()
    return this.lookups.lookup.origins()
  }

  /** Today's announcements of `categories` from $OFFPRINT_ARXIV_RSS/rss/… (or /atom/…). */
  private async readArxivFeed(
    categories: string,
    syntax: 'rss' | 'atom',
    control: ParseControl,
  ): Promise<ParsedImport> {
    const url = serviceUrl((await this.origins()).arxivRss, `/${syntax}/${categories}`)
    let text: string
    try {
      text = await this.lookups.lookup.fetcher.get(
        url,
        syntax === 'rss' ? 'application/rss+xml' : 'application/atom+xml',
        control.signal,
      )
    } catch (error) {
      throw failedFetch(`the arXiv feed of ${categories}`, error)
    }
    return readImport(text, {
      ...control,
      fileName: feedName(categories),
      today: localIsoDate(this.kernel.now()),
    })
  }

  private async readDailyPapers(period: DailyPeriod, control: ParseControl): Promise<ParsedImport> {
    const today = localIsoDate(this.kernel.now())
    const days = daysOf(period, today)
    const what = `the Daily Papers of ${dailyPeriodText(period)}`
    if (days.length === 0) {
      throw new BadInputError(
        `Nothing to fetch: ${what} ${
          dailyPeriodText(period) > today
            ? `are still to come (today is ${today})`
            : 'were before Hugging Face began listing Daily Papers (May 2023)'
        }`,
      )
    }
    let parsed: ParsedImport
    try {
      parsed = await fetchDailyPapers(
        this.lookups.lookup.fetcher,
        (await this.origins()).huggingFace,
        days,
        control,
      )
    } catch (error) {
      throw failedFetch(what, error)
    }
    if (parsed.records.length === 0 && parsed.skipped.length === 0) {
      throw new BadInputError(`Hugging Face lists no papers for ${dailyPeriodText(period)}`)
    }
    return parsed
  }
}
