// Notes are untrusted markdown: marked turns them into HTML, DOMPurify removes
// anything that could run or load, and only then does the HTML reach the DOM.
// GitHub-flavoured: tables, task lists (read-only checkboxes), footnotes, code
// blocks highlighted by highlight.js, math placeholders that the preview
// typesets with KaTeX after sanitizing (see mathExtension.ts), and wiki-links
// (see wikiLinkMarkdown.ts).
import DOMPurify from 'dompurify'
import { Marked } from 'marked'
import markedFootnote from 'marked-footnote'
import { markedHighlight } from 'marked-highlight'
import { highlightCode } from './codeHighlight'
import { mathExtension } from './mathExtension'
import { escapeHtml, isActiveRawHtml } from './rawHtml'
import {
  WIKI_LINK_ATTRIBUTES,
  renderWith,
  wikiLinkExtension,
  type LinkResolver,
} from './wikiLinkMarkdown'

const marked = new Marked(
  { gfm: true, breaks: false, async: false },
  markedHighlight({
    emptyLangClass: 'hljs',
    langPrefix: 'hljs language-',
    highlight: (code, language) => highlightCode(code, language),
  }),
  markedFootnote({ description: 'Footnotes' }),
  mathExtension(),
  {
    renderer: {
      // Raw HTML that carries script or styling is shown as the text it is.
      // DOMPurify would strip those parts anyway; this way they are never even
      // parsed (Chromium reports a blocked handler at parse time, inert or not).
      html: ({ text }) => (isActiveRawHtml(text) ? escapeHtml(text) : text),
      // A task is shown, not edited here: the checkbox is disabled, and named for screen readers.
      checkbox: ({ checked }) =>
        `<input type="checkbox" disabled${checked ? ' checked' : ''} aria-label="${checked ? 'Done' : 'To do'}"> `,
    },
  },
)
marked.use({ extensions: [wikiLinkExtension] })

/** The data attributes marked-footnote writes (screen readers and styles use them). */
const FOOTNOTE_ATTRIBUTES = ['data-footnotes', 'data-footnote-ref', 'data-footnote-backref']

/** Links may only be web or mail links, or jumps within the note (footnotes); anything else loses its href. */
const SAFE_LINK = /^(?:https?:|mailto:|#)/i
/** Inline images may only be raster data (no SVG, no remote pixel). */
const SAFE_IMAGE = /^data:image\/(?:png|gif|jpeg|webp);/i
/** Attributes that make the browser fetch something. */
const LOADING_ATTRIBUTES = ['src', 'srcset', 'poster', 'background', 'ping', 'action', 'formaction']

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? ''
    if (!SAFE_LINK.test(href.trim())) node.removeAttribute('href')
    node.setAttribute('rel', 'noopener noreferrer')
    node.removeAttribute('target')
  }
  // Nothing loads remote content (the CSP blocks it too, but don't even try).
  for (const name of LOADING_ATTRIBUTES) {
    const value = node.getAttribute(name)
    if (value === null) continue
    if (!(node.tagName === 'IMG' && name === 'src' && SAFE_IMAGE.test(value.trim()))) {
      node.removeAttribute(name)
    }
  }
  // The only input a note may show is a task's checkbox, and it cannot be changed.
  if (node.tagName === 'INPUT') {
    for (const name of node.getAttributeNames()) {
      if (!['checked', 'aria-label'].includes(name)) node.removeAttribute(name)
    }
    node.setAttribute('type', 'checkbox')
    node.setAttribute('disabled', '')
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
    FORBID_TAGS: [
      'style',
      'form',
      'button',
      'textarea',
      'select',
      'iframe',
      'audio',
      'video',
      'source',
      'track',
      'picture',
      'template',
    ],
    FORBID_ATTR: ['style'],
    // Only the attributes our extensions write survive; a note's own data-* do not.
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: [...WIKI_LINK_ATTRIBUTES, ...FOOTNOTE_ATTRIBUTES, 'role', 'tabindex'],
  })
}
