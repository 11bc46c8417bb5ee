// Notes are untrusted markdown: marked turns them into HTML, DOMPurify removes
// anything that could run or load, and only then does the HTML reach the DOM.
import DOMPurify from 'dompurify'
import { Marked } from 'marked'
import { escapeHtml, isActiveRawHtml } from './rawHtml'

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    // Raw HTML that carries script or styling is shown as the text it is.
    // DOMPurify would strip those parts anyway; this way they are never even
    // parsed (Chromium reports a blocked handler at parse time, inert or not).
    html: ({ text }) => (isActiveRawHtml(text) ? escapeHtml(text) : text),
  },
})

/** Links may only be web or mail links; anything else loses its href. */
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
})

export function renderMarkdown(source: string): string {
  const html = marked.parse(source) as string
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: [
      'style',
      'form',
      'input',
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
  })
}
