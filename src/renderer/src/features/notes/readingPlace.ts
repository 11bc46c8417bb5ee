// Where the reader is in a scrolled preview: the first block of the rendered
// note still in view, and how far its top stands from the pane's top. When
// the citations fill in (or another style formats them), the preview's HTML
// is replaced and the blocks above may grow or shrink; putting that block
// back where it stood keeps the line being read still. (The browser's own
// scroll anchoring cannot: the node it anchored to is gone with the old HTML.)

export interface ReadingPlace {
  /** Index of the block among the content's children. */
  block: number
  /** Its top, in pixels below the top of the scrolling pane (negative: partly scrolled past). */
  offset: number
}

/** The reader's place, or undefined at the very top (nothing to keep there). */
export function readingPlace(pane: HTMLElement, content: HTMLElement): ReadingPlace | undefined {
  if (pane.scrollTop === 0) return undefined
  const top = pane.getBoundingClientRect().top
  const blocks = content.children
  let low = 0
  let high = blocks.length
  while (low < high) {
    const middle = (low + high) >> 1
    const bottom = blocks[middle]?.getBoundingClientRect().bottom ?? top
    if (bottom <= top) low = middle + 1
    else high = middle
  }
  const block = blocks[low]
  if (block === undefined) return undefined
  return { block: low, offset: block.getBoundingClientRect().top - top }
}

/** Scrolls the pane so the block of `place` stands where it stood. */
export function keepReadingPlace(
  pane: HTMLElement,
  content: HTMLElement,
  place: ReadingPlace,
): void {
  const block = content.children[place.block]
  if (block === undefined) return
  const shift = block.getBoundingClientRect().top - pane.getBoundingClientRect().top - place.offset
  if (shift !== 0) pane.scrollTop += shift
}
