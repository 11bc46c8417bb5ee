// Highlights on PDFs: records in the library (journaled, so crash-safe like
// every record), one undo step each, listed in page order, and found again
// by their quoted text when the PDF is replaced by another version.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HighlightRect } from '../../src/shared/model'
import { Library } from '../../src/main/core/library'
import { FONT_SIZE, LINE_HEIGHT, TEXT_LEFT, TEXT_TOP, makePdf } from '../support/pdfFixtures'
import { syntheticListing } from '../support/syntheticListing'

let dir: string
let library: Library
let paperId: string
let attachmentId: string

const QUOTE = 'The zanzibar heuristic halves the error.'
const rectOnLine = (line: number, x2 = TEXT_LEFT + 200): HighlightRect => [
  TEXT_LEFT,
  TEXT_TOP - line * LINE_HEIGHT,
  x2,
  TEXT_TOP - line * LINE_HEIGHT + FONT_SIZE,
]

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64')
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-highlights-'))
  library = await Library.open(dir)
  await library.api.importText({ text: syntheticListing(1, 'Paper ') })
  paperId = (await library.api.listPaperIds({ sort: 'title' }))[0] ?? ''
  const pdf = await makePdf({
    pages: [
      ['Abstract', 'We study things.'],
      ['Method', 'First we warm up.', QUOTE],
    ],
  })
  const attached = await library.api.attachPdf({ paperId, fileName: 'v1.pdf', data: base64(pdf) })
  attachmentId = attached.attachment.id
})

afterEach(async () => {
  await library.close()
  await rm(dir, { recursive: true, force: true })
})

function highlightOn(pageIndex: number, line: number, text: string, comment?: string) {
  return library.api.createHighlight({
    paperId,
    attachmentId,
    position: { pageIndex, rects: [rectOnLine(line)] },
    text,
    color: 'yellow',
    ...(comment === undefined ? {} : { comment }),
  })
}

describe('highlights', () => {
  it('are kept with their page, rectangles, quoted text, colour and comment across a reopen', async () => {
    const made = await highlightOn(1, 2, QUOTE, 'key idea')
    await library.close()
    library = await Library.open(dir)
    expect(await library.api.getHighlight({ id: made.id })).toEqual({
      id: made.id,
      paperId,
      attachmentId,
      sha256: made.sha256,
      position: { pageIndex: 1, rects: [[72, 734, 272, 746]] },
      text: QUOTE,
      color: 'yellow',
      comment: 'key idea',
      createdAt: made.createdAt,
      updatedAt: made.createdAt,
    })
  })

  it('that run onto the next page keep the lines of both pages, and are named by the first', async () => {
    const made = await library.api.createHighlight({
      paperId,
      attachmentId,
      // Corners in any order, as on the first page: stored as [x1, y1, x2, y2].
      position: { pageIndex: 0, rects: [rectOnLine(1)], nextPageRects: [[272, 746, 72, 734]] },
      text: 'We study things. Method',
      color: 'green',
    })
    await library.close()
    library = await Library.open(dir)
    const kept = await library.api.getHighlight({ id: made.id })
    expect(kept.position).toEqual({
      pageIndex: 0,
      rects: [[72, 752, 272, 764]],
      nextPageRects: [[72, 734, 272, 746]],
    })
    expect(
      (await library.api.listHighlights({ paperId })).map((h) => h.position.pageIndex),
    ).toEqual([0])
  })

  it('are listed in page order: page, then top to bottom', async () => {
    await highlightOn(1, 2, 'third')
    await highlightOn(0, 1, 'second')
    await highlightOn(1, 1, 'between')
    await highlightOn(0, 0, 'first')
    const listed = await library.api.listHighlights({ paperId })
    expect(listed.map((h) => h.text)).toEqual(['first', 'second', 'between', 'third'])
  })

  it('are made, recoloured, commented and deleted as undo steps', async () => {
    const made = await highlightOn(1, 2, QUOTE)
    expect((await library.api.getUndoState({})).undo).toBe('Highlight on p. 2')
    await library.api.updateHighlight({ id: made.id, color: 'blue' })
    await library.api.updateHighlight({ id: made.id, comment: 'why?' })
    expect((await library.api.getUndoState({})).undo).toBe(
      'Change the comment of the highlight on p. 2',
    )
    await library.api.undo({})
    expect(await library.api.getHighlight({ id: made.id })).toMatchObject({
      color: 'blue',
      comment: '',
    })
    await library.api.deleteHighlight({ id: made.id })
    expect(await library.api.listHighlights({ paperId })).toEqual([])
    await library.api.undo({})
    expect((await library.api.listHighlights({ paperId })).map((h) => h.id)).toEqual([made.id])
  })

  it('go with their PDF when it is removed, and come back with its undo', async () => {
    await highlightOn(1, 2, QUOTE)
    const outcome = await library.api.detachPdf({ id: attachmentId })
    expect(outcome.label).toBe('Remove “v1.pdf” and 1 highlight')
    expect(await library.api.listHighlights({ paperId })).toEqual([])
    await library.api.undo({})
    expect((await library.api.listHighlights({ paperId })).map((h) => h.text)).toEqual([QUOTE])
  })

  it('refuse a PDF of another paper', async () => {
    await library.api.importText({ text: syntheticListing(1, 'Other ') })
    const ids = await library.api.listPaperIds({ sort: 'title' })
    const other = ids.find((id) => id !== paperId) ?? ''
    await expect(
      library.api.createHighlight({
        paperId: other,
        attachmentId,
        position: { pageIndex: 0, rects: [rectOnLine(0)] },
        text: 'x',
        color: 'red',
      }),
    ).rejects.toThrow('That PDF is attached to another paper')
  })
})

describe('replacing the PDF', () => {
  it('finds each highlight again by its quoted text: on its new page, over the line that holds it', async () => {
    const made = await highlightOn(1, 2, QUOTE)
    const lost = await highlightOn(0, 1, 'We study things.')
    // The new version has a title page first, and the abstract reworded.
    const v2 = await makePdf({
      pages: [['A Title Page'], ['Abstract', 'We examine things.'], ['Method', QUOTE]],
    })
    const replaced = await library.api.replacePdf({
      id: attachmentId,
      fileName: 'v2.pdf',
      data: base64(v2),
    })
    expect([replaced.reanchored, replaced.lost]).toEqual([1, 1])
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica)
    const width = font.widthOfTextAtSize(QUOTE, FONT_SIZE)
    const moved = await library.api.getHighlight({ id: made.id })
    expect(moved.anchor).toBe('reanchored')
    expect(moved.sha256).toBe(replaced.attachment.sha256)
    expect(moved.position.pageIndex).toBe(2)
    const [rect] = moved.position.rects
    expect(rect?.map((n) => Math.round(n))).toEqual([72, 752, Math.round(72 + width), 764])
    expect(await library.api.getHighlight({ id: lost.id })).toMatchObject({
      anchor: 'lost',
      position: { pageIndex: 0, rects: [rectOnLine(1)] },
    })
  })
})
