// `offprint cite ID... [--style NAME] [--format text|html|bibtex]`: the papers
// as a formatted bibliography (what Quick Copy puts on the clipboard), or as
// BibTeX. Styles: apa (default: the library's chosen style), ieee,
// chicago-author-date, nature, acm, vancouver, or a .csl the user added.
import type { Command } from '../commandLine'
import { UsageError } from '../errors'
import { withExistingLibrary } from '../session'

export const citeCommand: Command = async (line, io) => {
  if (line.operands.length === 0) {
    throw new UsageError('cite takes one or more paper ids: offprint cite ID... --library DIR')
  }
  const format = line.citeFormat ?? 'text'
  return withExistingLibrary(line, io, async (session) => {
    const args = {
      paperIds: line.operands,
      format: format === 'bibtex' ? ('bibtex' as const) : ('bibliography' as const),
      ...(line.style === undefined ? {} : { style: line.style }),
    }
    const cited = await session.call('citePapers', args)
    io.out((format === 'html' ? cited.html : cited.text)?.trimEnd() ?? '')
    return 0
  })
}
