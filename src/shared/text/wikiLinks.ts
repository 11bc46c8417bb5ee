// Wiki-links in note bodies: the one grammar that main (backlinks) and the
// renderer (preview, autocomplete) both read, so they never disagree on what is
// a link. Plain string work only: no DOM, no node: modules.
//
//   [[paper:ID|Title]]   a paper, by its stable id; Title is what it was called
//   [[note:ID|Title]]    a note, by its id         when the link was written
//   [[Some title]]       typed by hand: whatever paper or note has that title
//   [[Some title|text]]  the same, shown as "text"
//   [[paper:ID#hl=HID|p. 12]]  a highlight on the paper's PDF (a link to the paper too)
//
// Links that carry an id survive any rename of their target; the preview shows
// the target's current title. Inside a link, `\` escapes the next character, so
// a title holding `|`, `[` or `]` is written `\|`, `\[`, `\]` (formatWikiLink
// does this). `[[` inside a code span or a fenced code block is not a link, nor
// is an escaped `\[[`. In `[[a [[b]] c]]` only the inner `[[b]]` is a link.
import { normalizeTitle } from './normalizeTitle'
import { scanProse } from './proseScan'

/** Hand-typed `[[Title]]` links find their target by this form of the title. */
export { normalizeTitle }

export type WikiLinkTarget =
  | {
      kind: 'paper'
      id: string
      /** `#hl=…`: a highlight on the paper's PDF. */ highlightId?: string
    }
  | { kind: 'note'; id: string }
  | { kind: 'title'; title: string }

export interface WikiLink {
  /** Offset of the opening `[[` in the body. */
  start: number
  /** Offset just past the closing `]]`. */
  end: number
  target: WikiLinkTarget
  /** The text after `|`, unescaped; undefined when the link has none. */
  label?: string
}

/** A link that is still being typed: `[[` then `query` right before the caret. */
export interface OpenWikiLink {
  /** Offset of the `[[`. */
  start: number
  query: string
}

/** Longest text between `[[` and `]]`; longer runs are not links (and not scanned further). */
const MAX_LINK_CHARS = 1000
const ID_TARGET = /^(paper|note):([A-Za-z0-9][A-Za-z0-9_-]*)(?:#hl=([A-Za-z0-9][A-Za-z0-9_-]*))?$/

/**
 * The link whose `[[` is at `at`, or undefined when the text there is not one.
 * Assumes `text.startsWith('[[', at)` and that `at` is outside code.
 */
export function matchWikiLinkAt(text: string, at: number): Omit<WikiLink, 'start'> | undefined {
  if (!text.startsWith('[[', at)) return undefined
  let depth = 0
  let separator = -1
  const limit = Math.min(text.length, at + 2 + MAX_LINK_CHARS)
  for (let i = at + 2; i < limit; i++) {
    const c = text[i]
    if (c === '\n' || c === '\r') return undefined
    if (c === '\\') {
      const next = text[i + 1]
      if (next === undefined || next === '\n' || next === '\r') return undefined
      i++
      continue
    }
    // An inner `[[` starts a link of its own: the outer brackets are plain text.
    if (c === '[' && text[i + 1] === '[') return undefined
    if (c === '[') depth++
    else if (c === '|' && separator === -1) separator = i
    else if (c === ']') {
      if (depth > 0) depth--
      else if (text[i + 1] === ']') return linkFrom(text, at, i, separator)
    }
  }
  return undefined
}

function linkFrom(
  text: string,
  at: number,
  close: number,
  separator: number,
): Omit<WikiLink, 'start'> | undefined {
  const targetRaw = text.slice(at + 2, separator === -1 ? close : separator).trim()
  const idTarget = ID_TARGET.exec(targetRaw)
  let target: WikiLinkTarget
  if (idTarget !== null && (idTarget[1] === 'paper' || idTarget[3] === undefined)) {
    const id = idTarget[2] ?? ''
    const highlightId = idTarget[3]
    target =
      idTarget[1] === 'note'
        ? { kind: 'note', id }
        : highlightId === undefined
          ? { kind: 'paper', id }
          : { kind: 'paper', id, highlightId }
  } else {
    const title = collapseSpaces(unescapeLinkText(targetRaw))
    if (title === '') return undefined
    target = { kind: 'title', title }
  }
  const link: Omit<WikiLink, 'start'> = { end: close + 2, target }
  if (separator !== -1) {
    const label = collapseSpaces(unescapeLinkText(text.slice(separator + 1, close)))
    if (label !== '') link.label = label
  }
  return link
}

/** Every wiki-link in a markdown body, in order, skipping code and escapes. */
export function parseWikiLinks(body: string): WikiLink[] {
  return scanProse(body, '[', (at, to) => {
    if (body[at + 1] !== '[') return undefined
    const link = matchWikiLinkAt(body, at)
    return link !== undefined && link.end <= to
      ? { end: link.end, found: { start: at, ...link } }
      : undefined
  })
}

/**
 * The link being typed at `caret`: a `[[` earlier on the same line, outside
 * code, with no `]]` after it. Used to open the autocomplete.
 */
export function openWikiLinkBefore(text: string, caret: number): OpenWikiLink | undefined {
  if (caret < 2) return undefined
  const lineStart = text.lastIndexOf('\n', caret - 1) + 1
  const start = text.lastIndexOf('[[', caret - 2)
  if (start < lineStart) return undefined
  const query = text.slice(start + 2, caret)
  if (/\]\]|\|/.test(query) || query.length > 200) return undefined
  // Escaped or inside code? Close the link at the caret and see whether it parses.
  const probe = `${text.slice(0, caret)}x]]${text.slice(caret)}`
  const link = parseWikiLinks(probe).find((candidate) => candidate.start === start)
  return link?.end === caret + 3 ? { start, query } : undefined
}

/** The text to insert for a link to a paper or note: id-carrying, title escaped. */
export function formatWikiLink(kind: 'paper' | 'note', id: string, title: string): string {
  return `[[${kind}:${id}|${escapeLinkText(collapseSpaces(title))}]]`
}

/** The link to a highlight, e.g. `[[paper:ID#hl=HID|p. 12]]`: opens the PDF there; a backlink of the paper. */
export function formatHighlightLink(paperId: string, highlightId: string, shown: string): string {
  return `[[paper:${paperId}#hl=${highlightId}|${escapeLinkText(collapseSpaces(shown))}]]`
}

/** Backslash-escapes the characters that would end or split a link. */
function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]|]/g, (c) => `\\${c}`)
}

function unescapeLinkText(text: string): string {
  return text.replace(/\\(.)/g, '$1')
}

/** A stable key for a target, e.g. `paper:ID` or `title:<normalized title>`. */
export function wikiLinkTargetKey(target: WikiLinkTarget): string {
  return target.kind === 'title'
    ? `title:${normalizeTitle(target.title)}`
    : `${target.kind}:${target.id}`
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
