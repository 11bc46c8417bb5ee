// A note edited citation by citation: the engine answers from its last state
// (the bibliography kept, only the edited clusters formatted again), and what
// the reader sees is exactly what a freshly loaded style formats for the same
// note. The styles and locale are the bundled CSL project files.
import CSL from 'citeproc'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { keptSorts } from '../../src/main/core/citations/citeprocMemo'
import { CslEngine, type ResolvedCitation } from '../../src/main/core/citations/cslEngine'
import {
  formatWith as formatNoteWith,
  note,
  paperAt,
  withCiteprocOwn,
  withPage,
  works,
} from '../support/citationNotes'

const CSL_DIR = resolve('resources/csl')

/** Works whose citations disambiguate: two by Smith in 2020, and two Lees with other given names. */
const WORKS: Record<string, Record<string, unknown>> = {
  sapolsky: {
    id: 'sapolsky',
    type: 'book',
    title: 'Behave: The biology of humans at our best and worst',
    author: [{ family: 'Sapolsky', given: 'Robert M.' }],
    publisher: 'Penguin Books',
    issued: { 'date-parts': [[2017]] },
  },
  mccauley: {
    id: 'mccauley',
    type: 'article-journal',
    title:
      'Language learning as language use: A cross-linguistic model of child language development',
    author: [
      { family: 'McCauley', given: 'Stewart M.' },
      { family: 'Christiansen', given: 'Morten H.' },
    ],
    'container-title': 'Psychological Review',
    volume: '126',
    issue: '1',
    page: '1-51',
    issued: { 'date-parts': [[2019]] },
  },
  smithA: {
    id: 'smithA',
    type: 'article-journal',
    title: 'Reading slowly',
    author: [{ family: 'Smith', given: 'Jane' }],
    'container-title': 'Journal of Reading',
    issued: { 'date-parts': [[2020]] },
  },
  smithB: {
    id: 'smithB',
    type: 'article-journal',
    title: 'Reading quickly',
    author: [{ family: 'Smith', given: 'Jane' }],
    'container-title': 'Journal of Reading',
    issued: { 'date-parts': [[2020]] },
  },
  leeA: {
    id: 'leeA',
    type: 'article-journal',
    title: 'Notes as drafts',
    author: [{ family: 'Lee', given: 'Ann' }],
    'container-title': 'Writing Studies',
    issued: { 'date-parts': [[2021]] },
  },
  leeB: {
    id: 'leeB',
    type: 'article-journal',
    title: 'Drafts as notes',
    author: [{ family: 'Lee', given: 'Bo' }],
    'container-title': 'Writing Studies',
    issued: { 'date-parts': [[2021]] },
  },
}

const cite = (
  ...ids: Array<string | { id: string; locator?: string; prefix?: string }>
): ResolvedCitation => ({
  mode: 'normal',
  items: ids.map((item) =>
    typeof item === 'string'
      ? { paperId: item }
      : {
          paperId: item.id,
          ...(item.locator === undefined ? {} : { locator: item.locator }),
          ...(item.prefix === undefined ? {} : { prefix: item.prefix }),
        },
  ),
})

const seeSapolsky = cite({ id: 'sapolsky', prefix: 'see' })
const leeAndMcCauley = cite('leeA', 'mccauley')
const smithAndSapolsky = cite('smithB', 'sapolsky')
const smithAtPage = (page: string): ResolvedCitation => cite({ id: 'smithA', locator: page })

/** The note as first written, then each edit a writer makes to it in turn. */
const DRAFTS: ResolvedCitation[][] = [
  [cite('sapolsky'), cite('smithA'), leeAndMcCauley, cite('smithB')],
  // a page added to the second citation
  [cite('sapolsky'), smithAtPage('12'), leeAndMcCauley, cite('smithB')],
  // "see" before the first
  [seeSapolsky, smithAtPage('12'), leeAndMcCauley, cite('smithB')],
  // the last citation now cites a work cited before it as well
  [seeSapolsky, smithAtPage('12'), leeAndMcCauley, smithAndSapolsky],
  // a second Lee enters: the Lees need their given names
  [seeSapolsky, smithAtPage('12'), leeAndMcCauley, smithAndSapolsky, cite('leeB')],
  // the page changed again, with the Lees in
  [seeSapolsky, smithAtPage('13'), leeAndMcCauley, smithAndSapolsky, cite('leeB')],
  // a citation inserted first: McCauley is now the first work cited
  [
    cite('mccauley'),
    seeSapolsky,
    smithAtPage('13'),
    leeAndMcCauley,
    smithAndSapolsky,
    cite('leeB'),
  ],
  // the last citation deleted: the second Lee is cited no more
  [cite('mccauley'), seeSapolsky, smithAtPage('13'), leeAndMcCauley, smithAndSapolsky],
  // the same citation twice, and one in the middle deleted
  [cite('mccauley'), seeSapolsky, leeAndMcCauley, smithAndSapolsky, smithAndSapolsky],
  // a work no longer cited, and one not cited before in its place: in a
  // numeric style the works after it move up a number, the others keep theirs
  [cite('mccauley'), seeSapolsky, smithAndSapolsky, smithAndSapolsky, cite('leeB')],
]

let locale: string
const styles = new Map<string, string>()

beforeAll(async () => {
  locale = await readFile(join(CSL_DIR, 'locales-en-US.xml'), 'utf8')
  for (const style of ['apa', 'ieee', 'chicago-author-date']) {
    styles.set(style, await readFile(join(CSL_DIR, `${style}.csl`), 'utf8'))
  }
})

const formatNote = (engine: CslEngine, offset: number): ReturnType<CslEngine['format']> =>
  formatNoteWith(engine, note(offset))

/** The note at `offset` after the writer's edits: a page changed, a citation added first. */
const editedNote = (offset: number): ResolvedCitation[] => {
  const edited = note(offset)
  edited[3] = { mode: 'normal', items: [{ paperId: paperAt(3 + offset), locator: '99' }] }
  return [{ mode: 'normal', items: [{ paperId: paperAt(offset + 500) }] }, ...edited]
}

function formatted(
  engine: CslEngine,
  draft: readonly ResolvedCitation[],
): ReturnType<CslEngine['format']> {
  return engine.format(
    draft,
    (id) => WORKS[id],
    () => '',
    'html',
  )
}

describe('a note edited citation by citation', () => {
  for (const style of ['apa', 'ieee', 'chicago-author-date']) {
    // Loading a style takes seconds on a busy machine, once per draft here.
    it(
      `reads in ${style} after every edit exactly as a freshly loaded style formats it`,
      {
        timeout: 240_000,
      },
      () => {
        const xml = styles.get(style) ?? ''
        const warm = new CslEngine(xml, locale)
        for (const draft of DRAFTS) {
          expect(formatted(warm, draft)).toEqual(formatted(new CslEngine(xml, locale), draft))
        }
      },
    )
  }

  it('shows the page the writer just typed, and the year suffixes and given names the others need (APA)', () => {
    const warm = new CslEngine(styles.get('apa') ?? '', locale)
    const texts = DRAFTS.map((draft) => formatted(warm, draft).citations)
    expect(texts[0]).toEqual([
      '(Sapolsky, 2017)',
      // "Reading quickly" comes first in the References, so it is 2020a
      '(Smith, 2020b)',
      '(Lee, 2021; McCauley &#38; Christiansen, 2019)',
      '(Smith, 2020a)',
    ])
    expect(texts[1]?.[1]).toBe('(Smith, 2020b, p. 12)')
    expect(texts[5]).toEqual([
      '(see Sapolsky, 2017)',
      '(Smith, 2020b, p. 13)',
      '(A. Lee, 2021; McCauley &#38; Christiansen, 2019)',
      '(Sapolsky, 2017; Smith, 2020a)',
      '(B. Lee, 2021)',
    ])
  })

  it('formats a paper again once its record changes', () => {
    const warm = new CslEngine(styles.get('apa') ?? '', locale)
    const draft = [cite('sapolsky')]
    expect(formatted(warm, draft).bibliography[0]).toContain('2017')
    const revised = { ...WORKS['sapolsky'], issued: { 'date-parts': [[2018]] } }
    const after = warm.format(
      draft,
      (id) => (id === 'sapolsky' ? revised : WORKS[id]),
      () => '',
      'html',
    )
    expect(after.citations).toEqual(['(Sapolsky, 2018)'])
  })

  // APA's is the sixth note below.
  for (const style of ['ieee', 'chicago-author-date']) {
    it(
      `reads a note opened again after another, then edited, in ${style} exactly as citeproc-js with its own functions formats it`,
      { timeout: 240_000 },
      () => {
        const xml = styles.get(style) ?? ''
        const warm = new CslEngine(xml, locale)
        const opened = formatNote(warm, 211)
        expect(opened.citations).toHaveLength(40)
        expect(opened.bibliography).toHaveLength(40)
        // Another note, citing half the same works; then back to the first,
        // which citeproc-js does not format again.
        expect(formatNote(warm, 231).bibliography).not.toEqual(opened.bibliography)
        const rebuilt = vi.spyOn(CSL.Engine.prototype, 'rebuildProcessorState')
        expect(formatNote(warm, 211)).toEqual(opened)
        // A page edited, the works the same: before, the other note had
        // emptied this one's registry, and IEEE failed ("reading 'seq'").
        const paged = formatNoteWith(warm, withPage(211, 3, '98'))
        const edited = warm.format(
          editedNote(211),
          (id) => works.get(id),
          () => '',
          'html',
        )
        expect(edited.citations[4]).not.toBe(opened.citations[3])
        // The edits were made citation by citation.
        expect(rebuilt).not.toHaveBeenCalled()
        rebuilt.mockRestore()
        expect(paged).toEqual(
          withCiteprocOwn(() => formatNoteWith(new CslEngine(xml, locale), withPage(211, 3, '98'))),
        )
        expect(edited).toEqual(
          withCiteprocOwn(() =>
            new CslEngine(xml, locale).format(
              editedNote(211),
              (id) => works.get(id),
              () => '',
              'html',
            ),
          ),
        )
      },
    )
  }

  it('formats note after note, each as a fresh citeproc-js does (APA, 1,000 works)', () => {
    const xml = styles.get('apa') ?? ''
    const warm = new CslEngine(xml, locale)
    // Each note cites half the works of the one before. The sixth note made
    // citeproc-js fail on a work the fifth had dropped.
    for (let n = 0; n < 5; n++) formatNote(warm, n * 20)
    const sixth = formatNote(warm, 5 * 20)
    expect(sixth.citations).toHaveLength(40)
    // The fresh engine runs citeproc-js's own case changes, sorting and sort keys.
    expect(sixth).toEqual(withCiteprocOwn(() => formatNote(new CslEngine(xml, locale), 5 * 20)))
  })

  it("keeps a work's sort keys across notes only where the note cannot change them", () => {
    expect([...keptSorts(styles.get('apa') ?? '')]).toEqual(['citation_sort', 'bibliography_sort'])
    // IEEE orders a citation's works by their numbers; Chicago's dates carry year suffixes.
    expect([...keptSorts(styles.get('ieee') ?? '')]).toEqual([])
    expect([...keptSorts(styles.get('chicago-author-date') ?? '')]).toEqual([])
  })
})
