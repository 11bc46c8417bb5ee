// `offprint daily [DATE | --week YYYY-Www | --month YYYY-MM]`: fetches the
// Hugging Face Daily Papers of a day (today when no date is given), an ISO
// week or a month, from $OFFPRINT_HF_API (else the settings' origin, else
// huggingface.co), and imports them in one step, like `import`.
import { dailyPeriodSchema } from '../../../shared/api/schemas'
import type { DailyPeriod } from '../../../shared/model'
import { localIsoDate } from '../../core/imports/importedPapers'
import type { Command, CommandLine } from '../commandLine'
import { UsageError } from '../errors'
import { libraryDirOf, withLibrary } from '../session'
import { formatImportReport } from './import'

const USAGE = 'offprint daily [YYYY-MM-DD | --week YYYY-Www | --month YYYY-MM] --library DIR'

/** The period the command line asks for: one of a date, --week or --month; today by default. */
export function dailyPeriodOf(line: CommandLine, today: string): DailyPeriod {
  const given = [line.operands.length > 0, line.week !== undefined, line.month !== undefined]
  if (given.filter(Boolean).length > 1 || line.operands.length > 1) {
    throw new UsageError(`daily takes one date, one --week or one --month: ${USAGE}`)
  }
  const period: DailyPeriod =
    line.week !== undefined
      ? { kind: 'week', week: line.week }
      : line.month !== undefined
        ? { kind: 'month', month: line.month }
        : { kind: 'day', date: line.operands[0] ?? today }
  if (!dailyPeriodSchema.safeParse(period).success) {
    const shape = { day: 'YYYY-MM-DD', week: 'YYYY-Www (e.g. 2026-W06)', month: 'YYYY-MM' }
    throw new UsageError(`daily: a ${period.kind} is written ${shape[period.kind]}: ${USAGE}`)
  }
  return period
}

export const dailyCommand: Command = async (line, io) => {
  const period = dailyPeriodOf(line, localIsoDate(new Date()))
  const dir = libraryDirOf(line, io)
  return withLibrary(dir, io, async (session) => {
    const report = await session.call('importDailyPapers', { period })
    for (const reportLine of formatImportReport(report)) io.out(reportLine)
    return 0
  })
}
