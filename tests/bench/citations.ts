// Benchmark rows for citations: a note citing 200 papers formatted in a style
// already loaded (the target: ≤ 100 ms), APA and IEEE, and the first
// call that loads the style. Reference, measured in the same run on the same
// note: marked turning its markdown into HTML, work the preview does anyway.
// Each timed request differs from the one before (as the preview asks only
// when the citations change), so no answer is merely handed back again:
// "a page edited" changes one citation's locator, the works cited stay;
// "another paper cited" changes the works, and the whole note is formatted.
// CPU time (user + system of this process) stands beside wall time: the
// build machine is shared, and its load inflates wall time far more.
import { Marked } from 'marked'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { cpuUsage } from 'node:process'
import type { Library } from '../../src/main/core/library'
import type { CitationRequest, Paper } from '../../src/shared/model'
import { parseCitations } from '../../src/shared/text/pandocCitations'
import type { BenchRow } from './benchRow'
import { median, time } from './measure'

const CITATIONS = 200
const RUNS = 15
/** Runs of the whole note formatted afresh (seconds each on a busy machine). */
const FULL_RUNS = 3

interface Measured {
  wall: number
  cpu: number
}

async function measured(task: () => unknown): Promise<Measured> {
  const start = cpuUsage()
  const wall = await time(task)
  const { user, system } = cpuUsage(start)
  return { wall, cpu: (user + system) / 1000 }
}

export async function benchCitations(
  library: Library,
  papers: readonly Paper[],
  record: (row: Omit<BenchRow, 'ratio'>) => void,
): Promise<void> {
  const count = papers.length
  const keyAt = async (i: number): Promise<string> => {
    const paper = papers[(i * 7919) % count]
    if (paper === undefined) throw new Error('the synthetic library has no papers')
    return (await library.api.getCitationKey({ paperId: paper.id })).key
  }
  const keysFrom = async (offset: number): Promise<string[]> => {
    const keys: string[] = []
    for (let i = 0; i < CITATIONS; i++) keys.push(await keyAt(offset + i))
    return keys
  }
  const keys = await keysFrom(0)
  // A literature review: sentences each citing one or two papers, some with a page.
  const note = (page: number, last: string, cited = keys): string =>
    cited
      .map((key, i) =>
        i === CITATIONS - 1
          ? `Finally [@${last}, p. ${page}].`
          : i % 3 === 0
            ? `Work ${i} matters [see @${key}, p. ${i + 1}].`
            : i % 3 === 1
              ? `@${key} disagrees.`
              : `Both agree [@${key}; @${cited[i - 1] ?? key}].`,
      )
      .join(' ')
  const lastKey = keys[CITATIONS - 1] ?? ''
  const requestOf = (body: string): CitationRequest[] =>
    parseCitations(body).map(({ mode, items }) => ({ mode, items }))
  const body = note(1, lastKey)
  const marked = new Marked({ gfm: true, async: false })
  const renders: Measured[] = []
  for (let i = 0; i < RUNS; i++) renders.push(await measured(() => marked.parse(body)))
  const referenceMs = median(renders.map((r) => r.wall))
  const referenceCpu = median(renders.map((r) => r.cpu))
  const reference = `marked rendering the same note (${(body.length / 1000).toFixed(0)} KB)`
  const rows = (operation: string, runs: readonly Measured[], target: string): void => {
    record({
      papers: count,
      operation: `${operation}, wall`,
      timeMs: median(runs.map((r) => r.wall)),
      referenceMs,
      reference,
      target,
    })
    record({
      papers: count,
      operation: `${operation}, CPU`,
      timeMs: median(runs.map((r) => r.cpu)),
      referenceMs: referenceCpu,
      reference: `${reference}, CPU`,
      target,
    })
  }

  // Notes are formatted ahead once the library asks, as the app does.
  await library.prepareCitations()
  let fresh = CITATIONS
  for (const style of ['apa', 'ieee']) {
    const format = (text: string): Promise<unknown> =>
      library.api.formatCitations({ style, citations: requestOf(text) })
    rows(
      `${CITATIONS} citations in ${style}, first call (loads the style)`,
      [await measured(() => format(body))],
      'once per style and session',
    )
    const edits: Measured[] = []
    for (let i = 0; i < RUNS; i++) {
      edits.push(await measured(() => format(note(i + 2, lastKey))))
    }
    rows(
      `a note with ${CITATIONS} citations in ${style}, a page edited (median of ${RUNS})`,
      edits,
      '≤ 100 ms after the style is loaded',
    )
    const changed: Measured[] = []
    for (let i = 0; i < FULL_RUNS; i++) {
      const other = await keyAt(fresh++)
      changed.push(await measured(() => format(note(1, other))))
    }
    rows(
      `a note with ${CITATIONS} citations in ${style}, another paper cited (median of ${FULL_RUNS})`,
      changed,
      'the whole note formatted again',
    )
    // A note opened for the first time: other works, every cluster new.
    const opened: Measured[] = []
    const notes: string[][] = []
    for (let i = 0; i < FULL_RUNS; i++) {
      const others = await keysFrom(CITATIONS * (i + 2) + (style === 'apa' ? 0 : 17))
      notes.push(others)
      opened.push(await measured(() => format(note(1, others[CITATIONS - 1] ?? '', others))))
    }
    rows(
      `a note with ${CITATIONS} citations in ${style}, a note never formatted before (pasted) (median of ${FULL_RUNS})`,
      opened,
      '≤ 100 ms after the style is loaded',
    )
    // Going back to each of those notes in turn, as it was.
    const reopened: Measured[] = []
    for (const others of notes) {
      reopened.push(await measured(() => format(note(1, others[CITATIONS - 1] ?? '', others))))
    }
    rows(
      `a note with ${CITATIONS} citations in ${style}, a recent note opened again (median of ${FULL_RUNS})`,
      reopened,
      '≤ 100 ms after the style is loaded',
    )
    // A new note whose works the notes above cited (half of one, half of the next).
    const known: Measured[] = []
    for (let i = 0; i + 1 < notes.length; i++) {
      const works = [
        ...(notes[i] ?? []).slice(CITATIONS / 2),
        ...(notes[i + 1] ?? []).slice(0, CITATIONS / 2),
      ].reverse()
      known.push(await measured(() => format(note(2, works[CITATIONS - 1] ?? '', works))))
    }
    rows(
      `a note with ${CITATIONS} citations in ${style}, new, of works cited before (median of ${FULL_RUNS - 1})`,
      known,
      '≤ 100 ms after the style is loaded',
    )

    // Notes written from outside (sync, the CLI), formatted ahead in the
    // background; then opened by the user. The 1,000 papers are all cited by
    // the rows above by then, so their entries are made already: formatting
    // ahead works never cited costs 1.2-1.4x formatting them at once (README).
    await library.api.updateSettings({ patch: { citationStyle: style } })
    await library.citationsPrepared()
    const bodies: string[] = []
    for (let i = 0; i < FULL_RUNS; i++) {
      const others = await keysFrom(CITATIONS * (i + 8) + (style === 'apa' ? 0 : 17))
      bodies.push(note(1, others[CITATIONS - 1] ?? '', others))
    }
    const stalls = monitorEventLoopDelay({ resolution: 1 })
    stalls.enable()
    const ahead = await measured(async () => {
      for (const text of bodies) {
        const written = await library.api.createNote({ title: 'Written elsewhere' })
        await library.api.updateNote({ id: written.id, body: text })
      }
      await library.citationsPrepared()
    })
    stalls.disable()
    record({
      papers: count,
      operation: `${FULL_RUNS} notes with ${CITATIONS} citations in ${style} (works cited before) formatted in the background`,
      timeMs: ahead.wall,
      cpuMs: ahead.cpu,
      reference: 'written, then formatted ahead a slice at a time',
      target: 'never blocking a request for long',
    })
    record({
      papers: count,
      operation: `  the longest event-loop stall meanwhile (${style})`,
      timeMs: stalls.max / 1e6,
      reference: 'monitorEventLoopDelay, 1 ms resolution',
      target: 'a request waits behind one slice at most',
    })
    const preparedOpened: Measured[] = []
    for (const text of bodies) preparedOpened.push(await measured(() => format(text)))
    rows(
      `a note with ${CITATIONS} citations in ${style}, a note opened, prepared in the background (median of ${FULL_RUNS})`,
      preparedOpened,
      '≤ 100 ms after the style is loaded',
    )
  }
}
