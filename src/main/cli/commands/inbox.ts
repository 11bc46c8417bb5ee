// `offprint inbox [--json] [--by relevance|upvotes|date] [--state S] [--limit N]`:
// the Today inbox ranked against the library, each item with its id, title,
// arXiv id, sources, score and reason; `inbox keep ID...`, `inbox skip ID...`
// (also `star`, `up`, `down`) triage items, one undo step per call.
import type { InboxItem, TriageAction } from '../../../shared/model'
import type { Command } from '../commandLine'
import { UsageError } from '../errors'
import { oneLine, printJson } from '../io'
import { withExistingLibrary } from '../session'
import { collectionOption } from './addToCollection'

const ACTIONS: Record<string, TriageAction> = {
  keep: 'keep',
  skip: 'skip',
  star: 'star',
  up: 'thumbs-up',
  down: 'thumbs-down',
}

function itemLine(item: InboxItem): string {
  const id = item.arxivId === undefined ? '' : ` arXiv:${item.arxivId}`
  return `${item.id}  ${item.score.toFixed(3)}  ${oneLine(item.title)}${id} [${item.sources.join(', ')}] (${oneLine(item.reason)})`
}

export const inboxCommand: Command = async (line, io) => {
  const [verb, ...ids] = line.operands
  if (verb === undefined) {
    return withExistingLibrary(line, io, async (session) => {
      const page = await session.call('listInbox', {
        ...(line.inboxSort === undefined ? {} : { sort: line.inboxSort }),
        ...(line.inboxState === undefined ? {} : { state: line.inboxState }),
        ...(line.limit === undefined ? {} : { limit: line.limit }),
      })
      if (line.json) {
        printJson(
          io,
          page.items.map((item) => ({
            id: item.id,
            title: item.title,
            ...(item.arxivId === undefined ? {} : { arxivId: item.arxivId }),
            sources: item.sources,
            score: item.score,
            reason: item.reason,
            upvotes: item.upvotes,
            state: item.state,
            ...(item.paperId === undefined ? {} : { paperId: item.paperId }),
          })),
        )
      } else {
        io.out(`${page.counts.new} new, ${page.counts.kept} kept, ${page.counts.skipped} skipped`)
        for (const item of page.items) io.out(itemLine(item))
      }
      return 0
    })
  }
  const action = ACTIONS[verb]
  if (action === undefined || ids.length === 0) {
    throw new UsageError('usage: offprint inbox [keep|skip|star|up|down ID...] --library DIR')
  }
  return withExistingLibrary(line, io, async (session) => {
    const outcome = await session.call('triageInbox', {
      action,
      ids,
      ...(await collectionOption(session, line.collection, io)),
    })
    io.out(outcome.label)
    return 0
  })
}
