// Benchmark rows for linked notes: similar papers (the target: ≤ 50 ms
// per query at 50k papers), the rebuild of their weights after a change, and a
// keystroke of the `[[` autocomplete. Reference, measured in the same run on
// the same data: one scan of every abstract (String#includes), the least that
// comparing a paper with the whole library could cost.
import type { Library } from '../../src/main/core/library'
import type { Paper } from '../../src/shared/model'
import { median, percentile, time } from './measure'
import type { BenchRow } from './benchRow'

const QUERIES = 200

export async function benchLinkedNotes(
  library: Library,
  papers: readonly Paper[],
  record: (row: Omit<BenchRow, 'ratio'>) => void,
): Promise<void> {
  const count = papers.length
  const ids = Array.from({ length: QUERIES }, (_, i) => papers[(i * 7919) % count]?.id ?? '')
  const scans: number[] = []
  for (let i = 0; i < 20; i++) {
    scans.push(await time(() => papers.filter((paper) => paper.abstract.includes('robot policy'))))
  }
  const scan = median(scans)
  const reference = 'one String#includes scan of every abstract'

  const first = await time(() => library.api.getRelatedPapers({ id: ids[0] ?? '' }))
  record({
    papers: count,
    operation: 'similar papers, first query (counts words, builds the index)',
    timeMs: first,
    referenceMs: scan,
    reference,
    target: 'once per session',
  })
  const queries: number[] = []
  for (const id of ids) queries.push(await time(() => library.api.getRelatedPapers({ id })))
  for (const p of [50, 95]) {
    record({
      papers: count,
      operation: `similar papers for one paper (p${p} of ${QUERIES})`,
      timeMs: percentile(queries, p),
      referenceMs: scan,
      reference,
      target: '≤ 50 ms',
    })
  }

  // A trashed paper changes every weight (IDF): the next query rebuilds them from cached counts.
  const changed = ids[1] ?? ''
  await library.api.moveToTrash({ paperIds: [changed] })
  const rebuild = await time(() => library.api.getRelatedPapers({ id: ids[2] ?? '' }))
  await library.api.restoreFromTrash({ paperIds: [changed] })
  record({
    papers: count,
    operation: 'similar papers, first query after a paper changed (rebuild)',
    timeMs: rebuild,
    referenceMs: scan,
    reference,
    target: 'in slices: the app keeps answering',
  })

  const keystrokes: number[] = []
  for (const query of ['t', 'to', 'too', 'tool', 'tool r', 'tool re', 'tool ret', 'tool retr']) {
    keystrokes.push(await time(() => library.api.suggestLinkTargets({ query })))
  }
  record({
    papers: count,
    operation: '[[ autocomplete, one keystroke (median)',
    timeMs: median(keystrokes),
    referenceMs: scan,
    reference,
    target: '≤ 50 ms',
  })
}
