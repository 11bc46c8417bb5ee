// Benchmark rows for citations: a note citing 200 papers formatted in a style
// already loaded (the target: ≤ 100 ms), APA and IEEE, and the first
// call that loads the style. Reference, measured in the same run on the same
// note: marked turning its markdown into HTML, work the preview does anyway.
import { Marked } from 'marked'
import type { Library } from '../../src/main/core/library'
import type { Paper } from '../../src/shared/model'
import { parseCitations } from '../../src/shared/text/pandocCitations'
import type { BenchRow } from './benchRow'
import { median, time } from './measure'

const CITATIONS = 200
const RUNS = 15

export async function benchCitations(
  library: Library,
  papers: readonly Paper[],
  record: (row: Omit<BenchRow, 'ratio'>) => void,
): Promise<void> {
  const count = papers.length
  const keys: string[] = []
  for (let i = 0; i < CITATIONS; i++) {
    const paper = papers[(i * 7919) % count]
    if (paper !== undefined)
      keys.push((await library.api.getCitationKey({ paperId: paper.id })).key)
  }
  // A literature review: sentences each citing one or two papers, some with a page.
  const body = keys
    .map((key, i) =>
      i % 3 === 0
        ? `Work ${i} matters [see @${key}, p. ${i + 1}].`
        : i % 3 === 1
          ? `@${key} disagrees.`
          : `Both agree [@${key}; @${keys[i - 1] ?? key}].`,
    )
    .join(' ')
  const citations = parseCitations(body).map(({ mode, items }) => ({ mode, items }))
  const marked = new Marked({ gfm: true, async: false })
  const renders: number[] = []
  for (let i = 0; i < RUNS; i++) renders.push(await time(() => marked.parse(body)))
  const reference = `marked rendering the same note (${(body.length / 1000).toFixed(0)} KB)`

  for (const style of ['apa', 'ieee']) {
    const load = await time(() => library.api.formatCitations({ style, citations }))
    record({
      papers: count,
      operation: `${CITATIONS} citations in ${style}, first call (loads the style)`,
      timeMs: load,
      referenceMs: median(renders),
      reference,
      target: 'once per style and session',
    })
    const runs: number[] = []
    for (let i = 0; i < RUNS; i++) {
      runs.push(await time(() => library.api.formatCitations({ style, citations })))
    }
    record({
      papers: count,
      operation: `a note with ${CITATIONS} citations formatted in ${style} (median of ${RUNS})`,
      timeMs: median(runs),
      referenceMs: median(renders),
      reference,
      target: '≤ 100 ms after the style is loaded',
    })
  }
}
