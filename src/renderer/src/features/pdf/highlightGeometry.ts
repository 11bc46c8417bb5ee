// Where a highlight is, in both of the reader's coordinate systems: the page
// as shown (CSS pixels from the page's top-left, at the current zoom) and the
// PDF's own user space (points from the bottom-left, as Zotero's reader stores
// positions and as the highlight record keeps them). Pure arithmetic: the
// page's transform comes from pdf.js's viewport, passed in as two functions.
import type { HighlightRect } from '../../../../shared/model'

/** A rectangle on the page as shown: CSS pixels from its top-left. */
export interface ScreenRect {
  left: number
  top: number
  right: number
  bottom: number
}

/** What pdf.js's PageViewport offers for converting (convertToPdfPoint and its inverse). */
export interface PageTransform {
  toPdf(x: number, y: number): [number, number]
  toScreen(rect: HighlightRect): [number, number, number, number]
}

/** Shorter than this (CSS px) a rect is an empty line end or a caret, not text. */
const MIN_SIZE = 1

/**
 * The selection's client rects (one per text span, often overlapping) merged
 * into one rectangle per line: rects whose vertical extents overlap by more
 * than half the smaller one's height are on the same line. In reading order.
 */
export function mergeLineRects(rects: readonly ScreenRect[]): ScreenRect[] {
  const sized = rects
    .filter((rect) => rect.right - rect.left >= MIN_SIZE && rect.bottom - rect.top >= MIN_SIZE)
    .sort((a, b) => a.top - b.top || a.left - b.left)
  const lines: ScreenRect[] = []
  for (const rect of sized) {
    const line = lines.find((candidate) => sameLine(candidate, rect))
    if (line === undefined) {
      lines.push({ ...rect })
      continue
    }
    line.left = Math.min(line.left, rect.left)
    line.right = Math.max(line.right, rect.right)
    line.top = Math.min(line.top, rect.top)
    line.bottom = Math.max(line.bottom, rect.bottom)
  }
  return lines.sort((a, b) => a.top - b.top || a.left - b.left)
}

function sameLine(a: ScreenRect, b: ScreenRect): boolean {
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
  const smaller = Math.min(a.bottom - a.top, b.bottom - b.top)
  return overlap > smaller / 2
}

/** Two decimals of a point are far below what a screen shows, and keep records small. */
function round(value: number): number {
  return Math.round(value * 100) / 100
}

/** A rect of the page as shown, in PDF user space: [x1, y1, x2, y2] with x1 < x2, y1 < y2. */
export function toPdfRect(rect: ScreenRect, page: PageTransform): HighlightRect {
  const [ax, ay] = page.toPdf(rect.left, rect.top)
  const [bx, by] = page.toPdf(rect.right, rect.bottom)
  return [
    round(Math.min(ax, bx)),
    round(Math.min(ay, by)),
    round(Math.max(ax, bx)),
    round(Math.max(ay, by)),
  ]
}

/** A stored rect on the page as shown now (any zoom or rotation). */
export function toScreenRect(rect: HighlightRect, page: PageTransform): ScreenRect {
  const [ax, ay, bx, by] = page.toScreen(rect)
  return {
    left: Math.min(ax, bx),
    top: Math.min(ay, by),
    right: Math.max(ax, bx),
    bottom: Math.max(ay, by),
  }
}

/** Whether a point of the page as shown falls in any of the highlight's rects. */
export function hitsRects(x: number, y: number, rects: readonly ScreenRect[]): boolean {
  return rects.some(
    (rect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom,
  )
}
