// `offprint feed CATEGORIES [--atom]`: today's arXiv announcements of one or
// more categories ("cs.AI", "cs.AI+cs.LG") from $OFFPRINT_ARXIV_RSS (else the
// settings' origin, else rss.arxiv.org), imported in one step like `import`:
// new and cross-listed papers added, replacements updating the papers you have.
import type { Command } from '../commandLine'
import { libraryDirOf, withLibrary } from '../session'
import { FEED_SUBCOMMANDS, feedSubcommand } from './feedSubscriptions'
import { formatImportReport } from './import'
import { oneOperand } from './operands'

export const feedCommand: Command = async (line, io) => {
  // `feed add|list|refresh|remove …`: the subscriptions (feedSubscriptions.ts).
  if (FEED_SUBCOMMANDS.has(line.operands[0] ?? '')) return feedSubcommand(line, io)
  const categories = oneOperand(line, 'feed', 'categories')
  const dir = libraryDirOf(line, io)
  return withLibrary(dir, io, async (session) => {
    const report = await session.call('importArxivFeed', {
      categories,
      syntax: line.atom ? 'atom' : 'rss',
    })
    for (const reportLine of formatImportReport(report)) io.out(reportLine)
    return 0
  })
}
