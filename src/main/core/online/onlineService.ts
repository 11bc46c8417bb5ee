// Online imports: "Get Daily Papers…" (the window, the palette) and the CLI's
// `daily` fetch a day, a week or a month of Hugging Face's Daily Papers and
// import them like a file, previewed or at once, through the imports service
// (the same matching, merging, report and undo-free durable commit).
import type { DailyPeriod } from '../../../shared/model'
import { dailyPeriodName, dailyPeriodText } from '../../../shared/model'
import { HfFormatError } from '../imports/hf/apiJson'
import { localIsoDate } from '../imports/importedPapers'
import type { ImportsService } from '../imports/importsService'
import type { ParseControl, ParsedImport } from '../imports/parsedRecord'
import { BadInputError } from '../kernel/errors'
import type { LibraryKernel } from '../kernel/kernel'
import type { Service } from '../kernel/service'
import type { LookupService } from '../lookup/lookupService'
import { fetchDailyPapers, daysOf } from './dailyPapers'
import { FinalFetchError, RetryableFetchError } from './politeFetch'

type OnlineMethod = 'previewDailyPapers' | 'importDailyPapers'

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

    importDailyPapers: ({ period }) =>
      this.imports.importNow(dailyPeriodName(period), (control) =>
        this.readDailyPapers(period, control),
      ),
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
        this.lookups.lookup.origins().huggingFace,
        days,
        control,
      )
    } catch (error) {
      if (
        error instanceof RetryableFetchError ||
        error instanceof FinalFetchError ||
        error instanceof HfFormatError
      ) {
        throw new BadInputError(`Could not get ${what}: ${error.message}`, { cause: error })
      }
      throw error
    }
    if (parsed.records.length === 0 && parsed.skipped.length === 0) {
      throw new BadInputError(`Hugging Face lists no papers for ${dailyPeriodText(period)}`)
    }
    return parsed
  }
}
