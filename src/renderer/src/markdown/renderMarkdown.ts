// Notes are untrusted markdown: marked turns them into HTML, DOMPurify removes
// anything that could run or load, and only then does the HTML reach the DOM.
import DOMPurify from 'dompurify'
import { Marked } from 'marked'

const marked = new Marked({ gfm: true, breaks: false, async: false })

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

export function renderMarkdown(source: string): string {
  const html = marked.parse(source) as string
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe'],
    FORBID_ATTR: ['style'],
  })
}
