// A note formatted ahead of the user (CslEngine.prepare), a slice at a time,
// while the writer edits another note between the slices: opened, it reads
// exactly as a freshly loaded style (running citeproc-js's own functions)
// formats it, citeproc-js formats nothing for the opening, and the note's
// edits afterwards are still answered cluster by cluster.
import CSL from 'citeproc'
import { describe, expect, it, vi } from 'vitest'
import { CslEngine } from '../../src/main/core/citations/cslEngine'
import {
  bundledStyle,
  formatWith,
  note,
  withCiteprocOwn,
  withPage,
  works,
} from '../support/citationNotes'

const WRITING = 0
const AHEAD = 300

describe('a note formatted ahead of the user', () => {
  // Chicago, whose citations test their position (position="first"), is
  // checked at its opening; the edits around it are the same mechanics as
  // APA's and IEEE's, and each fresh Chicago costs seconds to load.
  for (const [style, edits] of [
    ['apa', true],
    ['ieee', true],
    ['chicago-author-date', false],
  ] as const) {
    it(
      `reads in ${style}, opened, as a freshly loaded style formats it, with nothing formatted at the opening`,
      { timeout: 240_000 },
      async () => {
        const { xml, locale } = await bundledStyle(style)
        const warm = new CslEngine(xml, locale)
        formatWith(warm, note(WRITING))
        const steps = warm.prepare(note(AHEAD), (id) => works.get(id), 'html', 'ahead')
        let slices = 0
        let typed: ReturnType<CslEngine['format']> | undefined
        while (steps.next().done !== true) {
          // The writer changes a page of the note being written, between two slices.
          if (++slices === 3) typed = formatWith(warm, withPage(WRITING, 5, '77'))
        }
        expect(slices).toBeGreaterThan(3)
        expect(typed?.citations[5]).toContain('77')

        const formatted = vi.spyOn(CSL.Engine.prototype, 'processCitationCluster')
        const rebuilt = vi.spyOn(CSL.Engine.prototype, 'rebuildProcessorState')
        const opened = formatWith(warm, note(AHEAD))
        expect(formatted).not.toHaveBeenCalled()
        // A page edited in the note just opened: that cluster alone.
        const paged = formatWith(warm, withPage(AHEAD, 7, '98'))
        expect(formatted).toHaveBeenCalledTimes(1)
        expect(rebuilt).not.toHaveBeenCalled()
        formatted.mockRestore()
        rebuilt.mockRestore()

        expect(opened.citations).toHaveLength(40)
        expect(opened).toEqual(
          withCiteprocOwn(() => formatWith(new CslEngine(xml, locale), note(AHEAD))),
        )
        if (!edits) return
        expect(paged).toEqual(
          withCiteprocOwn(() => formatWith(new CslEngine(xml, locale), withPage(AHEAD, 7, '98'))),
        )
        expect(typed).toEqual(
          withCiteprocOwn(() => formatWith(new CslEngine(xml, locale), withPage(WRITING, 5, '77'))),
        )
      },
    )
  }

  it('opened while it is formatted ahead, formats only what is left of it', async () => {
    const { xml, locale } = await bundledStyle('ieee')
    const warm = new CslEngine(xml, locale)
    formatWith(warm, note(WRITING))
    const steps = warm.prepare(note(AHEAD), (id) => works.get(id), 'html', 'ahead')
    steps.next()
    steps.next()
    const formatted = vi.spyOn(CSL.Engine.prototype, 'processCitationCluster')
    const rebuilt = vi.spyOn(CSL.Engine.prototype, 'rebuildProcessorState')
    const opened = formatWith(warm, note(AHEAD))
    expect(formatted.mock.calls.length).toBeLessThan(40)
    expect(rebuilt).not.toHaveBeenCalled()
    formatted.mockRestore()
    rebuilt.mockRestore()
    // The background's next step finds the note done.
    expect(steps.next().done).toBe(true)
    expect(opened).toEqual(
      withCiteprocOwn(() => formatWith(new CslEngine(xml, locale), note(AHEAD))),
    )
  })

  it('is skipped for a note the engine holds already', async () => {
    const { xml, locale } = await bundledStyle('ieee')
    const warm = new CslEngine(xml, locale)
    formatWith(warm, note(WRITING))
    const formatted = vi.spyOn(CSL.Engine.prototype, 'processCitationCluster')
    // The same note with one page changed: a request answers it as an edit.
    const steps = warm.prepare(withPage(WRITING, 5, '77'), (id) => works.get(id), 'html', 'same')
    expect(steps.next().done).toBe(true)
    expect(formatted).not.toHaveBeenCalled()
    formatted.mockRestore()
  })
})
