// Benchmark rows for one library on several machines: merging 1,000 records
// another device changed (and this one changed too, in other fields) into the
// library (issue 19's target: ≤ 1 s at 100,000 papers), and opening a library
// whose folder holds three devices' journals against opening it with none.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { formatStamp } from '../../src/main/core/store/hlc'
import { journalFileOf, journalLine } from '../../src/main/core/store/journal'
import { LibraryStore } from '../../src/main/core/store/libraryStore'
import type { Paper } from '../../src/shared/model'
import type { BenchRow } from './benchRow'
import { median, time } from './measure'

const CONFLICTING = 1000
/** Papers each of the three devices changed (their journals hold them: about 3 MB each). */
const PER_DEVICE = 2000
const OPENS = 3

/** A journal of `device` that changes `papers`' titles, stamped after everything local. */
function journalOf(device: string, papers: readonly Paper[], wall: number): string {
  const lines: string[] = []
  for (let start = 0; start < papers.length; start += 100) {
    const batch = papers.slice(start, start + 100).map((paper) => ({
      ...paper,
      title: `${paper.title} (edited on ${device})`,
    }))
    const stamp = formatStamp(wall, start, device)
    lines.push(
      journalLine({
        device,
        changes: { papers: { put: batch } },
        revs: {
          papers: Object.fromEntries(
            batch.map((p) => [p.id, { at: '', fields: { title: stamp } }]),
          ),
        },
      }),
    )
  }
  return lines.join('')
}

export async function benchSyncMerge(
  dir: string,
  papers: readonly Paper[],
  record: (row: Omit<BenchRow, 'ratio'>) => void,
): Promise<void> {
  const count = papers.length
  const journals = join(dir, 'journals')
  await mkdir(journals, { recursive: true })

  // Merge: this device stars 1,000 papers; another device retitled the same ones.
  const store = await LibraryStore.open(dir, { device: 'bench', checkpointDelayMs: 60_000 })
  const conflicting = papers.slice(0, Math.min(CONFLICTING, count))
  await store.commit({ papers: { put: conflicting.map((paper) => ({ ...paper, starred: true })) } })
  const incoming = journalOf('other', conflicting, Date.now() + 60_000)
  await writeFile(join(dir, journalFileOf('other')), incoming)
  const parse = await time(() =>
    incoming
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as unknown),
  )
  const merge = await time(() => store.mergeFromDisk())
  const merged = store.papers.get(conflicting[0]?.id ?? '')
  if (merged?.starred !== true || !merged.title.endsWith('(edited on other)')) {
    throw new Error('the merge lost a side')
  }
  await store.close()
  record({
    papers: count,
    operation: `merge ${conflicting.length} records changed on two devices (other fields on each) into the library`,
    timeMs: merge,
    referenceMs: parse,
    reference: "JSON.parse of the other device's journal lines alone",
    target: '≤ 1 s',
  })

  // Open with three devices' journals against the same library without them.
  const opens = async (): Promise<number> => {
    const samples: number[] = []
    for (let i = 0; i < OPENS; i++) {
      samples.push(
        await time(async () => {
          const opened = await LibraryStore.open(dir, {
            device: 'bench',
            checkpointDelayMs: 60_000,
          })
          await opened.close()
        }),
      )
    }
    return median(samples)
  }
  await rm(journals, { recursive: true, force: true })
  await mkdir(journals)
  const plain = await opens()
  const wall = Date.now() + 120_000
  for (const [index, device] of ['laptop', 'desktop', 'tablet'].entries()) {
    const edited = papers.slice(index * PER_DEVICE, (index + 1) * PER_DEVICE)
    await writeFile(join(dir, journalFileOf(device)), journalOf(device, edited, wall))
  }
  await opens() // the first open merges and checkpoints; the journals stay (they are kept)
  const withJournals = await opens()
  const bytes = (
    await Promise.all(
      ['laptop', 'desktop', 'tablet'].map((d) => readFile(join(dir, journalFileOf(d)))),
    )
  ).reduce((sum, b) => sum + b.length, 0)
  record({
    papers: count,
    operation: `open with three devices' journals (${(bytes / 1e6).toFixed(1)} MB, already merged; median of ${OPENS})`,
    timeMs: withJournals,
    referenceMs: plain,
    reference: 'open of the same library with no journal (median of 3)',
    target: 'report',
  })
  await rename(journals, `${journals}-bench`)
  await rm(`${journals}-bench`, { recursive: true, force: true })
}
