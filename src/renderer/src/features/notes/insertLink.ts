// Text edits for links: putting a chosen link where `[[query` was typed, and
// replacing one broken link with a repaired one. Pure string work.
import { parseCitations } from '../../../../shared/text/pandocCitations'
import { parseWikiLinks } from '../../../../shared/text/wikiLinks'

export interface TextEdit {
  text: string
  /** Where the caret goes after the edit. */
  caret: number
}

/**
 * Replaces `[[query` (from `start` to `caret`) with `link`; a `]]` right after
 * the caret (typed or auto-closed) is replaced too.
 */
export function insertLinkAt(text: string, start: number, caret: number, link: string): TextEdit {
  const end = text.startsWith(']]', caret) ? caret + 2 : caret
  return { text: text.slice(0, start) + link + text.slice(end), caret: start + link.length }
}

/**
 * Replaces the `occurrence`-th link written exactly as `raw` with `replacement`;
 * undefined when the text no longer has it (edited meanwhile).
 */
export function replaceLink(
  text: string,
  raw: string,
  occurrence: number,
  replacement: string,
  /** Which spans count: wiki-links, or (for a citation's repair) pandoc citations. */
  kind: 'link' | 'citation' = 'link',
): string | undefined {
  const spans = kind === 'link' ? parseWikiLinks(text) : parseCitations(text)
  const matches = spans.filter((link) => text.slice(link.start, link.end) === raw)
  const link = matches[occurrence]
  if (link === undefined) return undefined
  return text.slice(0, link.start) + replacement + text.slice(link.end)
}
