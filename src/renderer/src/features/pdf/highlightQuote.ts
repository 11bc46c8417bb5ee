// A highlight as it goes into the paper's note: the quoted words as a markdown
// blockquote ending in a link back to the spot in the PDF
// (`[[paper:ID#hl=HIGHLIGHT_ID|p. 12]]`), then the comment, if any, as a
// paragraph of its own. Pure string work: the quote and the comment are the
// user's (and the PDF's) text, written as text: markdown in them is escaped
// only as far as it could break the quote out of its block.
import type { Highlight } from '../../../../shared/model'
import { formatHighlightLink } from '../../../../shared/text/wikiLinks'

/** "p. 12": the page's label when the PDF has labels, else its number from 1. */
export function pageLabelOf(highlight: Pick<Highlight, 'pageLabel' | 'position'>): string {
  const label = highlight.pageLabel?.trim()
  return `p. ${label !== undefined && label !== '' ? label : String(highlight.position.pageIndex + 1)}`
}

/** The quoted text on one line: PDF text carries hard line breaks and hyphenation. */
function quotedLine(text: string): string {
  return (
    text
      // "extrac-\ntion" was one word broken at the line's end.
      .replace(/(\p{Ll})-\s*\n\s*(\p{Ll})/gu, '$1$2')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

/**
 * Markdown that a quote line must not start with, or that would end the
 * quote or turn it into something else: a heading, a list item, a fence, a
 * table row, an HTML block, and `[[`, which would start a link of its own.
 */
function escapeQuote(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    .replace(/^(#{1,6}\s|[-+]\s|\d+[.)]\s|=+$)/, (start) => `\\${start}`)
}

/** One highlight as a block of the note (no surrounding blank lines). */
export function highlightQuote(highlight: Highlight): string {
  const link = formatHighlightLink(highlight.paperId, highlight.id, pageLabelOf(highlight))
  const quote = escapeQuote(quotedLine(highlight.text))
  const lines = [`> ${quote === '' ? '…' : quote} (${link})`]
  const comment = highlight.comment.trim()
  if (comment !== '') lines.push('', comment)
  return lines.join('\n')
}

/** Several highlights, in page order (page, then top of the page down), blank lines between. */
export function highlightsQuote(highlights: readonly Highlight[]): string {
  return [...highlights]
    .sort(
      (a, b) =>
        a.position.pageIndex - b.position.pageIndex || topOf(b) - topOf(a) || leftOf(a) - leftOf(b),
    )
    .map(highlightQuote)
    .join('\n\n')
}

/** PDF user space grows upward: a higher y is nearer the top of the page. */
function topOf(highlight: Highlight): number {
  return Math.max(...highlight.position.rects.map((rect) => rect[3]))
}

function leftOf(highlight: Highlight): number {
  return Math.min(...highlight.position.rects.map((rect) => rect[0]))
}
