// The `[[...]]` extension for marked: a wiki-link becomes an element that
// carries where it points in data attributes, which the preview's click handler
// reads to navigate in the app. Its text is the target's current title. The
// grammar is the shared one (src/shared/wikiLinks.ts), so the preview and the
// backlinks in main agree on what is a link; code spans, fenced code and
// escapes are handled by marked before this extension ever sees the text.
import type { TokenizerAndRendererExtension, Tokens } from 'marked'
import type { LinkTarget } from '../../../../../shared/model'
import { matchWikiLinkAt, type WikiLinkTarget } from '../../../../../shared/text/wikiLinks'
import { own } from './ownMarkup'
import { escapeHtml } from './rawHtml'

/**
 * What a link's target is: the target now, null when it is missing or in the
 * trash, undefined while the answer is still on its way from main.
 */
export type LinkResolver = (target: WikiLinkTarget) => LinkTarget | null | undefined

/** The data attributes the extension writes; the sanitizer keeps them on the app's own elements only. */
export const WIKI_LINK_ATTRIBUTES = [
  'data-wikilink',
  'data-wikilink-kind',
  'data-wikilink-id',
  'data-wikilink-raw',
  'data-wikilink-occurrence',
  'data-wikilink-title',
  'data-wikilink-highlight',
] as const

interface WikiLinkToken extends Tokens.Generic {
  type: 'wikiLink'
  raw: string
  target: WikiLinkTarget
  label?: string
}

/**
 * marked renders synchronously, so the resolver and the occurrence counts of
 * the render in progress can live here for its duration (set by renderWith).
 */
let resolve: LinkResolver = () => undefined
let occurrences = new Map<string, number>()

export function renderWith<T>(resolver: LinkResolver, render: () => T): T {
  resolve = resolver
  occurrences = new Map()
  try {
    return render()
  } finally {
    resolve = () => undefined
  }
}

export const wikiLinkExtension: TokenizerAndRendererExtension = {
  name: 'wikiLink',
  level: 'inline',
  start(src: string) {
    const at = src.indexOf('[[')
    return at === -1 ? undefined : at
  },
  tokenizer(src: string): WikiLinkToken | undefined {
    const link = matchWikiLinkAt(src, 0)
    if (link === undefined) return undefined
    const token: WikiLinkToken = {
      type: 'wikiLink',
      raw: src.slice(0, link.end),
      target: link.target,
    }
    if (link.label !== undefined) token.label = link.label
    return token
  },
  renderer(generic: Tokens.Generic): string {
    const token = generic as WikiLinkToken
    const resolved = resolve(token.target)
    const written =
      token.label ?? (token.target.kind === 'title' ? token.target.title : 'missing link')
    if (resolved === undefined) {
      return `${own('<span class="wikilink wikilink-pending">')}${escapeHtml(written)}</span>`
    }
    if (resolved === null) {
      // Which occurrence of this exact text it is, so a repair edits the right one.
      const occurrence = occurrences.get(token.raw) ?? 0
      occurrences.set(token.raw, occurrence + 1)
      return (
        own(
          `<a class="wikilink wikilink-broken" role="button" tabindex="0" data-wikilink="broken"` +
            ` data-wikilink-raw="${escapeHtml(token.raw)}" data-wikilink-occurrence="${occurrence}"` +
            ` data-wikilink-title="${escapeHtml(written)}"` +
            ` title="Nothing in the library is called this: create a note or find a paper">`,
        ) + `${escapeHtml(written)}</a>`
      )
    }
    // A hand-typed `[[Title|text]]` shows its text; an id link shows the title as it is now;
    // a link to a highlight shows its label ("p. 12"): the paper is named around it.
    const highlightId = token.target.kind === 'paper' ? token.target.highlightId : undefined
    const text =
      (token.target.kind === 'title' || highlightId !== undefined) && token.label !== undefined
        ? token.label
        : resolved.title
    // A paper's own note opens by selecting its paper.
    const kind = resolved.paperId !== undefined ? 'paper' : resolved.kind
    const id = resolved.paperId ?? resolved.id
    const what = kind === 'paper' ? 'Paper' : 'Note'
    return (
      own(
        `<a class="wikilink wikilink-${kind}" role="link" tabindex="0" data-wikilink="resolved"` +
          ` data-wikilink-kind="${kind}" data-wikilink-id="${escapeHtml(id)}"` +
          (highlightId === undefined
            ? ''
            : ` data-wikilink-highlight="${escapeHtml(highlightId)}"`) +
          ` title="${what}: ${escapeHtml(resolved.title)}">`,
      ) + `${escapeHtml(text)}</a>`
    )
  },
}
