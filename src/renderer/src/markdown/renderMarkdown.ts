// Notes are untrusted markdown: marked turns them into HTML, DOMPurify removes
// anything that could run or load, and only then does the HTML reach the DOM.
import DOMPurify from 'dompurify'
import { Marked } from 'marked'
import {
  WIKI_LINK_ATTRIBUTES,
  renderWith,
  wikiLinkExtension,
  type LinkResolver,
} from './wikiLinkMarkdown'

const marked = new Marked({ gfm: true, breaks: false, async: false })
marked.use({ extensions: [wikiLinkExtension] })

/** Links may only be web or mail links; anything else loses its href. */
const SAFE_LINK = /^(?:https?:|mailto:|#)/i

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? ''
    if (!SAFE_LINK.test(href.trim())) node.removeAttribute('href')
    node.setAttribute('rel', 'noopener noreferrer')
    node.removeAttribute('target')
  }
  // Images would load remote content (the CSP blocks it, but don't even try).
  if (node.tagName === 'IMG') {
    const src = node.getAttribute('src') ?? ''
    if (!src.startsWith('data:image/')) node.removeAttribute('src')
  }
})

/**
 * The note as sanitized HTML. `resolveLink` says what each `[[...]]` points at
 * now; without it every wiki-link renders as pending plain text.
 */
export function renderMarkdown(source: string, resolveLink?: LinkResolver): string {
  const html = renderWith(resolveLink ?? (() => undefined), () => marked.parse(source) as string)
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe'],
    FORBID_ATTR: ['style'],
    // Only the wiki-link attributes survive; a note's own data-* attributes do not.
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: [...WIKI_LINK_ATTRIBUTES, 'role', 'tabindex'],
  })
}
