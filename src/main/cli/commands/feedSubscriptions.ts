// `offprint feed add SPEC`, `feed list [--json]`, `feed refresh [ID...]`,
// `feed remove ID`: the subscriptions of the Today inbox. SPEC is hf-daily
// (hf-weekly, hf-monthly), arxiv:cs.CL+cs.LG or arxiv-query:au:Bengio; the
// services' origins come from the settings and OFFPRINT_HF_API,
// OFFPRINT_ARXIV_API and OFFPRINT_ARXIV_RSS, as for `daily` and `feed CATS`.
import type { FeedCheck, FeedStatus } from '../../../shared/model'
import type { CommandLine } from '../commandLine'
import { UsageError } from '../errors'
import type { CliIo } from '../io'
import { oneLine, printJson, printJsonOrLines } from '../io'
import { libraryDirOf, withExistingLibrary, withLibrary } from '../session'
import { collectionOption } from './addToCollection'

export const FEED_SUBCOMMANDS = new Set(['add', 'list', 'refresh', 'remove'])

function feedLine(feed: FeedStatus): string {
  const last =
    feed.lastSuccessAt === undefined ? 'never checked' : `last checked ${feed.lastSuccessAt}`
  const failed =
    feed.lastError === undefined ? '' : `; last check failed: ${oneLine(feed.lastError)}`
  return `${feed.id}  ${feed.name} (${feed.spec}, every ${feed.everyHours} h): ${feed.newItems} new; ${last}${failed}`
}

function checkLine(check: FeedCheck): string {
  switch (check.outcome) {
    case 'ok':
      return `${check.name}: ${check.added} new, ${check.updated} seen before`
    case 'failed':
      return `${check.name}: failed: ${oneLine(check.error ?? '')}`
    case 'weekend':
      return `${check.name}: not checked (arXiv announces nothing on weekends; --force checks anyway)`
    case 'not-due':
      return `${check.name}: not due yet`
  }
}

export async function feedSubcommand(line: CommandLine, io: CliIo): Promise<number> {
  const [subcommand, ...operands] = line.operands
  switch (subcommand) {
    case 'add': {
      const [spec, ...extra] = operands
      if (spec === undefined || extra.length > 0) {
        throw new UsageError(
          'usage: offprint feed add SPEC [--name NAME] [--every HOURS] [--collection NAME] --library DIR',
        )
      }
      return withLibrary(libraryDirOf(line, io), io, async (session) => {
        const feed = await session.call('addFeed', {
          spec,
          ...(line.name === undefined ? {} : { name: line.name }),
          ...(line.everyHours === undefined ? {} : { everyHours: line.everyHours }),
          ...(await collectionOption(session, line.collection, io)),
        })
        io.out(
          `Following ${feed.name} (${feed.spec}), checked every ${feed.everyHours} h: ${feed.id}`,
        )
        return 0
      })
    }
    case 'list':
      return withExistingLibrary(line, io, async (session) => {
        const feeds = await session.call('listFeeds', {})
        if (feeds.length === 0 && !line.json)
          io.out('No feeds (add one: offprint feed add hf-daily)')
        else printJsonOrLines(io, line.json, feeds, feedLine)
        return 0
      })
    case 'refresh':
      return withExistingLibrary(line, io, async (session) => {
        const report = await session.call('refreshFeeds', {
          ids: operands,
          ...(line.force === true ? { force: true } : {}),
        })
        if (line.json) {
          printJson(io, report)
        } else {
          for (const check of report.checks) io.out(checkLine(check))
          if (report.expired > 0) io.out(`${report.expired} skipped items expired`)
        }
        return report.checks.some((check) => check.outcome === 'failed') ? 1 : 0
      })
    case 'remove': {
      const [id, ...extra] = operands
      if (id === undefined || extra.length > 0)
        throw new UsageError('usage: offprint feed remove ID --library DIR')
      return withExistingLibrary(line, io, async (session) => {
        const feed = await session.call('removeFeed', { id })
        io.out(`No longer following ${feed.name}`)
        return 0
      })
    }
    default:
      throw new UsageError(`feed: unknown subcommand ${subcommand ?? ''}`)
  }
}
