// Note text as the lists show it. "Linked from" shows the sentence in which a
// note links to a paper, as plain text: the sentence is cut out of its
// paragraph, markdown marks are dropped, and other links in it read as their
// targets' current titles. The notes list shows the start of a body the same way.
import type { LinkContext } from '../../../shared/model'
import type { WikiLink } from '../../../shared/text/wikiLinks'

/** Most characters kept on either side of the link. */
const SIDE_CHARS = 140

/** Starts a block of its own: a list item, heading, quote, or fence. */
const BLOCK_START = /^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|>|```|~~~)/
const SENTENCE_END = /[.!?]["'”’)\]]*(?=\s|$)/g

/**
 * The sentence around `link` in `body`. `links` are all links of the body (to
 * render the others as text); `textOf` gives the text a link reads as.
 */
export function linkContextOf(
  body: string,
  link: WikiLink,
  links: readonly WikiLink[],
  textOf: (link: WikiLink) => string,
): LinkContext {
  const [blockStart, blockEnd] = blockAround(body, link.start, link.end)
  // Sentence ends inside links (a title with a period) do not count.
  const inLink = (offset: number): boolean =>
    links.some((other) => offset >= other.start && offset < other.end)

  let sentenceStart = blockStart
  for (const match of body.slice(blockStart, link.start).matchAll(SENTENCE_END)) {
    const end = blockStart + match.index + match[0].length
    if (!inLink(blockStart + match.index)) sentenceStart = end
  }
  let sentenceEnd = blockEnd
  for (const match of body.slice(link.end, blockEnd).matchAll(SENTENCE_END)) {
    if (!inLink(link.end + match.index)) {
      sentenceEnd = link.end + match.index + match[0].length
      break
    }
  }

  const before = plainTextOf(body, sentenceStart, link.start, links, textOf)
  const after = plainTextOf(body, link.end, sentenceEnd, links, textOf)
  return {
    before: clip(before.replace(/^\s+/, ''), 'cut-start'),
    link: textOf(link),
    after: clip(after.replace(/\s+$/, ''), 'cut-end'),
  }
}

/** The paragraph (or list item, heading…) holding [start, end). */
function blockAround(body: string, start: number, end: number): [number, number] {
  const lineStartOf = (offset: number): number => body.lastIndexOf('\n', offset - 1) + 1
  const lineEndOf = (offset: number): number => {
    const newline = body.indexOf('\n', offset)
    return newline === -1 ? body.length : newline
  }
  const lineAt = (from: number): string => body.slice(from, lineEndOf(from))
  // Upwards through the wrapped lines of the same paragraph or list item.
  let from = lineStartOf(start)
  while (from > 0 && !BLOCK_START.test(lineAt(from))) {
    const previousStart = lineStartOf(from - 1)
    const previous = lineAt(previousStart)
    if (previous.trim() === '' || /^\s*(?:#{1,6}\s|```|~~~)/.test(previous)) break
    from = previousStart
  }
  let to = lineEndOf(end)
  while (to < body.length) {
    const next = lineAt(to + 1)
    if (next.trim() === '' || BLOCK_START.test(next)) break
    to = lineEndOf(to + 1)
  }
  return [from, to]
}

/** body[from, to) as plain text: links as their text, markdown marks dropped, spaces collapsed. */
export function plainTextOf(
  body: string,
  from: number,
  to: number,
  links: readonly WikiLink[],
  textOf: (link: WikiLink) => string,
): string {
  let text = ''
  let at = from
  for (const other of links) {
    if (other.end <= from || other.start >= to) continue
    text += body.slice(at, Math.max(at, other.start))
    text += textOf(other)
    at = Math.max(at, other.end)
  }
  text += body.slice(at, Math.max(at, to))
  return text
    .replace(/^\s*(?:[-*+]|\d+[.)]|#{1,6}|>)\s+/gm, '')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/\s+/g, ' ')
}

/** Shortens text to about SIDE_CHARS at a word break, cutting the side away from the link. */
function clip(text: string, side: 'cut-start' | 'cut-end'): string {
  if (text.length <= SIDE_CHARS) return text
  if (side === 'cut-start') {
    const cut = text.slice(text.length - SIDE_CHARS)
    return `…${cut.slice(cut.indexOf(' ') + 1)}`
  }
  const cut = text.slice(0, SIDE_CHARS)
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`
}
