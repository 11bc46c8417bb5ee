// Notes for the citation engine's tests: 40 citations over the synthetic
// library's works (in text, and bracketed with a page), the bundled styles,
// and citeproc-js's own case changes, sorting and sort keys to format a
// reference with (citeprocCase.ts and citeprocMemo.ts replace them once an
// engine is made: this module is imported before any is).
import CSL from 'citeproc'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { expect } from 'vitest'
import type { CslEngine, ResolvedCitation } from '../../src/main/core/citations/cslEngine'
import { cslItem } from '../../src/main/core/exports/cslJsonExport'
import { synthesize } from '../bench/syntheticLibrary'

const CSL_DIR = resolve('resources/csl')

const CITEPROC_OWN = {
  toLocaleLowerCase: CSL.toLocaleLowerCase,
  toLocaleUpperCase: CSL.toLocaleUpperCase,
  getSortCompare: CSL.getSortCompare,
  getSortKeys: CSL.getSortKeys,
}

/** The bundled style `id` and the en-US locale, as the app reads them. */
export async function bundledStyle(id: string): Promise<{ xml: string; locale: string }> {
  return {
    xml: await readFile(join(CSL_DIR, `${id}.csl`), 'utf8'),
    locale: await readFile(join(CSL_DIR, 'locales-en-US.xml'), 'utf8'),
  }
}

const papers = synthesize(1000).papers
export const works = new Map(
  papers.map((paper) => [paper.id, { ...cslItem(paper, paper.id), id: paper.id }]),
)
export const paperAt = (i: number): string => papers[(i * 7919) % papers.length]?.id ?? ''

/** 40 citations, in text and bracketed with a page; each offset cites other works. */
export const note = (offset: number): ResolvedCitation[] =>
  Array.from({ length: 40 }, (_, i) =>
    i % 2 === 0
      ? { mode: 'in-text', items: [{ paperId: paperAt(i + offset) }] }
      : { mode: 'normal', items: [{ paperId: paperAt(i + offset), locator: String(i) }] },
  )

/** The note at `offset` with citation `at`'s page changed (the works cited stay). */
export const withPage = (offset: number, at: number, page: string): ResolvedCitation[] =>
  note(offset).map((citation, i) =>
    i === at
      ? { mode: citation.mode, items: citation.items.map((item) => ({ ...item, locator: page })) }
      : citation,
  )

export const formatWith = (
  engine: CslEngine,
  citations: readonly ResolvedCitation[],
): ReturnType<CslEngine['format']> =>
  engine.format(
    citations,
    (id) => works.get(id),
    () => '',
    'html',
  )

/** What `run` formats with citeproc-js's own functions in place of citeprocCase.ts's and citeprocMemo.ts's. */
export function withCiteprocOwn<T>(run: () => T): T {
  const ours = {
    toLocaleLowerCase: CSL.toLocaleLowerCase,
    toLocaleUpperCase: CSL.toLocaleUpperCase,
    getSortCompare: CSL.getSortCompare,
    getSortKeys: CSL.getSortKeys,
  }
  expect(ours.getSortCompare).not.toBe(CITEPROC_OWN.getSortCompare)
  Object.assign(CSL, CITEPROC_OWN)
  try {
    return run()
  } finally {
    Object.assign(CSL, ours)
  }
}
