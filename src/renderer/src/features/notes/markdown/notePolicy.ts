// The sanitizer of a note's preview, and the policy for raw HTML in notes.
// Raw HTML may format text (emphasis, lists, tables, images, collapsible
// sections) and link to the web; it may not hook into the app: no class, id,
// role, tab stop or data attribute (the app's styles, ids and in-app links
// answer to those), no dialogs, popovers, image maps, forms or downloads.
// Those attributes and the task checkbox are kept only on the elements the
// app's renderers stamped in this render (ownMarkup.ts).
import DOMPurify from 'dompurify'
import { CITATION_ATTRIBUTES } from './citationMarkdown'
import { FOOTNOTE_ATTRIBUTES } from './footnotes'
import { OWN_ATTRIBUTE } from './ownMarkup'
import { WIKI_LINK_ATTRIBUTES } from './wikiLinkMarkdown'

// Its own instance: these hooks apply to notes and nothing else.
const purifier = DOMPurify(window)

/** Every element a note's preview may hold, whoever wrote it. */
const TAGS = [
  ...['p', 'br', 'hr', 'div', 'span', 'section', 'blockquote', 'pre', 'code'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd'],
  ...['a', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup'],
  ...['abbr', 'dfn', 'kbd', 'samp', 'var', 'q', 'cite', 'time', 'bdi', 'bdo', 'wbr'],
  ...['ruby', 'rt', 'rp', 'details', 'summary', 'figure', 'figcaption', 'img'],
  ...['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
  'input',
]
/** Elements only the app writes: a task's checkbox. */
const OWN_TAGS = new Set(['input'])

/** Attributes raw HTML may keep: what formats, describes or links, nothing that hooks into the app. */
const RAW_ATTRIBUTES = [
  ...['href', 'src', 'alt', 'title', 'width', 'height', 'align', 'lang', 'dir'],
  ...['colspan', 'rowspan', 'scope', 'abbr', 'span', 'start', 'reversed', 'open', 'datetime'],
]
/** Attributes only the app's own elements keep. */
const OWN_ATTRIBUTES = new Set([
  ...['class', 'id', 'role', 'tabindex', 'aria-label', 'aria-describedby'],
  ...['type', 'checked', 'disabled'],
  ...WIKI_LINK_ATTRIBUTES,
  ...FOOTNOTE_ATTRIBUTES,
  ...CITATION_ATTRIBUTES,
])

/** Links may only be web or mail links, or jumps within the note (footnotes); anything else loses its href. */
const SAFE_LINK = /^(?:https?:|mailto:|#)/i
/** Inline images may only be raster data (no SVG, no remote pixel). */
const SAFE_IMAGE = /^data:image\/(?:png|gif|jpeg|webp);/i

/** The elements the app stamped, in the sanitize call under way. */
let ownElements = new WeakSet<Element>()
let currentNonce = ''

purifier.addHook('uponSanitizeElement', (node, data) => {
  if (!(node instanceof Element)) return
  if (currentNonce !== '' && node.getAttribute(OWN_ATTRIBUTE) === currentNonce) {
    ownElements.add(node)
  } else if (OWN_TAGS.has(data.tagName)) {
    node.remove()
  }
})

purifier.addHook('uponSanitizeAttribute', (node, data) => {
  if (OWN_ATTRIBUTES.has(data.attrName) && !ownElements.has(node)) data.keepAttr = false
})

purifier.addHook('afterSanitizeAttributes', (node) => {
  // <a> is the only link a note may hold: the scheme allow-list and the preview's
  // click handler cover it, and an href on anything else is dropped.
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? ''
    if (!SAFE_LINK.test(href.trim())) node.removeAttribute('href')
    node.setAttribute('rel', 'noopener noreferrer')
  } else {
    node.removeAttribute('href')
  }
  // Nothing loads remote content (the CSP blocks it too, but don't even try).
  const src = node.getAttribute('src')
  if (src !== null && !(node.tagName === 'IMG' && SAFE_IMAGE.test(src.trim()))) {
    node.removeAttribute('src')
  }
  // The task checkbox cannot be changed.
  if (node.tagName === 'INPUT') {
    node.setAttribute('type', 'checkbox')
    node.setAttribute('disabled', '')
  }
})

/**
 * `html` (a note rendered by marked) made safe for the preview: raw HTML under
 * the policy above; the elements stamped with `nonce` keep the app's attributes.
 */
export function sanitizeNote(html: string, nonce: string): string {
  ownElements = new WeakSet()
  currentNonce = nonce
  try {
    return purifier.sanitize(html, {
      ALLOWED_TAGS: TAGS,
      ALLOWED_ATTR: [...RAW_ATTRIBUTES, ...OWN_ATTRIBUTES],
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
    })
  } finally {
    currentNonce = ''
    ownElements = new WeakSet()
  }
}
