// Highlights in notes: the `[[paper:ID#hl=HIGHLIGHT_ID|p. 12]]` link (read by
// the shared grammar; that backlinks count it is in highlightLinks.test.ts),
// the quote a highlight becomes in the note, and the geometry that turns a
// text selection into the rectangles a highlight record keeps.
import { describe, expect, it } from 'vitest'
import type { Highlight } from '../../src/shared/model'
import {
  formatHighlightLink,
  parseWikiLinks,
  wikiLinkTargetKey,
} from '../../src/shared/text/wikiLinks'
import {
  highlightQuote,
  highlightsQuote,
  pageLabelOf,
} from '../../src/renderer/src/features/pdf/highlightQuote'
import {
  mergeLineRects,
  toPdfRect,
  toScreenRect,
  type PageTransform,
} from '../../src/renderer/src/features/pdf/highlightGeometry'
import { appendBlock } from '../../src/renderer/src/features/notes/appendBlock'

const PAPER = '3f2a9c1e-1b7d-4f4e-9a55-0c8d2e7f6b10'
const HL = 'h7Qm2xK9'

function highlight(overrides: Partial<Highlight>): Highlight {
  return {
    id: HL,
    paperId: PAPER,
    attachmentId: 'a1',
    sha256: 'ab'.repeat(32),
    position: { pageIndex: 11, rects: [[72, 700, 300, 712]] },
    text: 'Tool learning needs a reward.',
    color: 'yellow',
    comment: '',
    createdAt: '2026-12-06T12:00:00.000Z',
    updatedAt: '2026-12-06T12:00:00.000Z',
    ...overrides,
  }
}

describe('a link to a highlight', () => {
  it('reads as a link to the paper that also names the highlight', () => {
    const body = `> Rewards matter ([[paper:${PAPER}#hl=${HL}|p. 12]])`
    const [link] = parseWikiLinks(body)
    expect(link?.target).toEqual({ kind: 'paper', id: PAPER, highlightId: HL })
    expect(link?.label).toBe('p. 12')
    // Resolved and counted as the paper itself.
    expect(link && wikiLinkTargetKey(link.target)).toBe(`paper:${PAPER}`)
  })

  it('is written the way it is read back', () => {
    const written = formatHighlightLink(PAPER, HL, 'p. [xii]')
    expect(written).toBe(`[[paper:${PAPER}#hl=${HL}|p. \\[xii\\]]]`)
    expect(parseWikiLinks(written)[0]?.label).toBe('p. [xii]')
  })

  it('is a hand-typed title when the fragment is not a highlight id', () => {
    expect(parseWikiLinks(`[[paper:${PAPER}#page=3]]`)[0]?.target).toEqual({
      kind: 'title',
      title: `paper:${PAPER}#page=3`,
    })
    expect(parseWikiLinks(`[[note:${PAPER}#hl=${HL}]]`)[0]?.target.kind).toBe('title')
  })
})

describe('a highlight quoted in the note', () => {
  it('is a blockquote ending in its link, with the page as the PDF labels it', () => {
    expect(highlightQuote(highlight({}))).toBe(
      `> Tool learning needs a reward. ([[paper:${PAPER}#hl=${HL}|p. 12]])`,
    )
    expect(pageLabelOf(highlight({ pageLabel: 'xii' }))).toBe('p. xii')
  })

  it('puts the comment under the quote, and joins words the PDF broke across lines', () => {
    const quoted = highlightQuote(
      highlight({
        text: 'a learned extrac-\ntion of\n  rewards',
        comment: 'Compare with ToolGen.',
      }),
    )
    expect(quoted).toBe(
      `> a learned extraction of rewards ([[paper:${PAPER}#hl=${HL}|p. 12]])\n\nCompare with ToolGen.`,
    )
  })

  it('cannot break out of its quote: markdown and link brackets in the PDF text are escaped', () => {
    const quoted = highlightQuote(highlight({ text: '# Heading [[note:x|y]] <img src=x> `code`' }))
    expect(quoted.split('\n')).toHaveLength(1)
    expect(parseWikiLinks(quoted).map((link) => link.target)).toEqual([
      { kind: 'paper', id: PAPER, highlightId: HL },
    ])
    expect(
      quoted.startsWith('> \\# Heading \\[\\[note:x\\|y\\]\\] \\<img src=x\\> \\`code\\`'),
    ).toBe(true)
  })

  it('all at once come in page order, top of the page first', () => {
    const lower = highlight({
      id: 'low',
      text: 'lower',
      position: { pageIndex: 2, rects: [[72, 100, 200, 110]] },
    })
    const upper = highlight({
      id: 'up',
      text: 'upper',
      position: { pageIndex: 2, rects: [[72, 600, 200, 610]] },
    })
    const first = highlight({
      id: 'first',
      text: 'first',
      position: { pageIndex: 0, rects: [[72, 50, 200, 60]] },
    })
    const text = highlightsQuote([lower, upper, first])
    expect(text.split('\n\n').map((block) => /^> (\w+)/.exec(block)?.[1])).toEqual([
      'first',
      'upper',
      'lower',
    ])
  })

  it('is appended to the note as a paragraph of its own', () => {
    expect(appendBlock('', '> q')).toBe('> q\n')
    expect(appendBlock('My notes.\n\n\n', '> q')).toBe('My notes.\n\n> q\n')
  })
})

describe('the rectangles of a selection', () => {
  // A US Letter page at 150% zoom: pdf.js's viewport flips y (PDF user space grows upward).
  const scale = 1.5
  const height = 792
  const page: PageTransform = {
    toPdf: (x, y) => [x / scale, height - y / scale],
    toScreen: ([x1, y1, x2, y2]) => [
      x1 * scale,
      (height - y1) * scale,
      x2 * scale,
      (height - y2) * scale,
    ],
  }

  it('are one per line, however many text spans the line has', () => {
    const lines = mergeLineRects([
      { left: 100, top: 100, right: 180, bottom: 118 },
      { left: 180, top: 101, right: 400, bottom: 117 },
      { left: 100, top: 122, right: 250, bottom: 140 },
      // A caret-wide rect at a line's end is no text.
      { left: 400, top: 100, right: 400.5, bottom: 118 },
    ])
    expect(lines).toEqual([
      { left: 100, top: 100, right: 400, bottom: 118 },
      { left: 100, top: 122, right: 250, bottom: 140 },
    ])
  })

  it('are kept in PDF points from the bottom-left, and drawn back where they were', () => {
    const stored = toPdfRect({ left: 150, top: 300, right: 450, bottom: 330 }, page)
    expect(stored).toEqual([100, 572, 300, 592])
    expect(toScreenRect(stored, page)).toEqual({ left: 150, top: 300, right: 450, bottom: 330 })
  })
})
