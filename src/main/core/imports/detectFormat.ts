// Which format a text is in, decided from its content (file names lie: .txt
// BibTeX, .bib RIS, no name at all for pasted text). Each format has a cheap
// sniff over the head of the text; the first that matches wins, in an order
// where the stricter sniffs come first.
import { IMPORT_FORMAT_NAMES } from '../../../shared/model'
import type { ImportFormat } from '../../../shared/model'
import { looksLikeArxivAtom } from './arxivAtom'
import { looksLikeArxivFeed } from './arxivFeed'
import { looksLikeBibtex } from './bibtex/parseBibtex'
import { looksLikeCslJson } from './cslJson'
import { looksLikeHfApiJson } from './hf/apiJson'
import { looksLikeHfPageCapture } from './hf/pageCapture'
import { looksLikeHfSavedHtml } from './hf/savedHtml'
import { looksLikeHfListing } from './hfListing'
import { parseIdentifierList } from './identifiers'
import { looksLikeRis } from './ris'

/** How much of the text the sniffs look at: enough for a few entries, bounded for 100 MB files. */
const HEAD_CHARS = 64 * 1024

/** Tried in this order; most look at the head, a saved page's data can be anywhere in it. */
const SNIFFS: [ImportFormat, (head: string, text: string) => boolean][] = [
  ['ris', looksLikeRis],
  // Before the API's Atom: the announcement feed's Atom is Atom too.
  ['arxiv-feed', looksLikeArxivFeed],
  ['arxiv-atom', looksLikeArxivAtom],
  ['hf-saved-html', looksLikeHfSavedHtml],
  // Before CSL-JSON: HF's JSON has "title" and "id" too, but keys CSL never uses.
  ['hf-api-json', looksLikeHfApiJson],
  ['csl-json', looksLikeCslJson],
  ['bibtex', looksLikeBibtex],
  // Before the copied-text listing, whose sniff a capture's "· May 30" lines also pass.
  ['hf-page-capture', looksLikeHfPageCapture],
  ['hf-daily-papers', looksLikeHfListing],
  ['identifiers', looksLikeIdentifierList],
]

/** The formats in the order they are tried, for "tried: …" messages. */
export const TRIED_FORMATS = SNIFFS.map(([format]) => IMPORT_FORMAT_NAMES[format]).join(', ')

/** Mostly identifiers: at least half of the first tokens are arXiv ids or DOIs. */
function looksLikeIdentifierList(head: string): boolean {
  const sample = head
    .split(/\r\n|\r|\n/)
    .slice(0, 200)
    .join('\n')
  const list = parseIdentifierList(sample)
  return list.identifiers.length > 0 && list.skipped.length <= list.tokens / 2
}

export function detectFormat(text: string): ImportFormat | undefined {
  const head = text.slice(0, HEAD_CHARS)
  return SNIFFS.find(([, sniff]) => sniff(head, text))?.[0]
}

/**
 * Why `text` cannot be text at all, or undefined when it can: NUL bytes, or
 * many control characters / U+FFFD (what a browser makes of invalid UTF-8).
 */
export function binaryReason(text: string): string | undefined {
  const head = text.slice(0, HEAD_CHARS)
  let odd = 0
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i)
    if (c === 0) return 'it contains NUL bytes'
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) odd++
  }
  return odd > head.length / 20 ? 'it is mostly control characters or invalid UTF-8' : undefined
}
