// list and search print the same thing: papers in full (--json) or one line each.
import type { Paper } from '../../../shared/model'
import type { CommandLine } from '../commandLine'
import { CommandError } from '../errors'
import { oneLine, printJsonOrLines } from '../io'
import type { CliIo } from '../io'
import type { Session } from '../session'

/** Prints the papers `ids` names, in that order, through getPaper. */
export async function printPapers(
  session: Session,
  ids: readonly string[],
  line: CommandLine,
  io: CliIo,
): Promise<void> {
  const papers: Paper[] = []
  for (const id of ids) {
    const response = await session.request('getPaper', { id })
    if (response.ok) papers.push(response.value)
    // A paper gone between the two calls is left out, not an error.
    else if (response.error.code !== 'not-found') throw new CommandError(response.error.message)
  }
  printJsonOrLines(io, line.json, papers, formatPaperLine)
}

/** "2026-01-26     12  GenAgent: …": date, upvotes, title. */
export function formatPaperLine(paper: Paper): string {
  const date = (paper.published ?? 'no date').padEnd(10)
  return `${date}  ${String(paper.upvotes).padStart(5)}  ${oneLine(paper.title)}`
}
