// Highlights found again in a replaced PDF by the words they quote. Spacing
// and line breaks differ between two versions of a PDF (and between what the
// reader selected and what extraction gives), so both sides are compared
// without white space; the page the highlight was on is tried first, then the
// others, nearest first. Found: the new page and the rectangles of the pieces
// of text the quote covers. Not found: the position is kept, marked 'lost'.
import type { Highlight, HighlightRect } from '../../../shared/model'
import type { PageText } from './pdfText/pageText'

/** The page's text without white space, and for each of its characters the offset in the page's text. */
interface Squeezed {
  text: string
  offsets: number[]
}

function squeeze(text: string): Squeezed {
  let out = ''
  const offsets: number[] = []
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? ''
    if (/\s/.test(char)) continue
    out += char
    offsets.push(i)
  }
  return { text: out, offsets }
}

/** Page indexes from `start` outwards: start, start+1, start-1, start+2, … */
function nearestFirst(start: number, count: number): number[] {
  const order: number[] = []
  for (let distance = 0; order.length < count; distance++) {
    for (const index of distance === 0 ? [start] : [start + distance, start - distance]) {
      if (index >= 0 && index < count) order.push(index)
    }
  }
  return order
}

/** Where `quote` is in the pages: page index and rectangles, or undefined. */
export function findQuote(
  pages: readonly PageText[],
  quote: string,
  startPage: number,
): { pageIndex: number; rects: HighlightRect[] } | undefined {
  const needle = squeeze(quote).text
  if (needle === '' || pages.length === 0) return undefined
  const from = Math.min(Math.max(startPage, 0), pages.length - 1)
  for (const pageIndex of nearestFirst(from, pages.length)) {
    const page = pages[pageIndex]
    if (page === undefined) continue
    const squeezed = squeeze(page.text)
    const at = squeezed.text.indexOf(needle)
    if (at < 0) continue
    const start = squeezed.offsets[at] ?? 0
    const end = (squeezed.offsets[at + needle.length - 1] ?? start) + 1
    const rects = page.pieces
      .filter((piece) => piece.start < end && piece.end > start)
      .map((piece) => piece.rect)
    return { pageIndex, rects }
  }
  return undefined
}

/** The highlights as they are on the replaced PDF `sha256`, whose text is `pages`. */
export function reanchorHighlights(
  highlights: readonly Highlight[],
  pages: readonly PageText[],
  sha256: string,
  at: string,
): Highlight[] {
  return highlights.map((highlight) => {
    const found = findQuote(pages, highlight.text, highlight.position.pageIndex)
    if (found === undefined || found.rects.length === 0) {
      return { ...highlight, sha256, anchor: 'lost', updatedAt: at }
    }
    // A page label belongs to the page the highlight was on.
    const moved: Highlight = { ...highlight }
    if (found.pageIndex !== highlight.position.pageIndex) delete moved.pageLabel
    return {
      ...moved,
      sha256,
      position: { pageIndex: found.pageIndex, rects: found.rects },
      anchor: 'reanchored',
      updatedAt: at,
    }
  })
}
