// Notes are untrusted markdown: marked turns them into HTML, DOMPurify removes
// anything that could run or load, and only then does the HTML reach the DOM.
// GitHub-flavoured: tables, task lists (read-only checkboxes), footnotes, code
// blocks highlighted by highlight.js, and math placeholders that the preview
// typesets with KaTeX after sanitizing (see mathExtension.ts).
import DOMPurify from 'dompurify'
import { Marked } from 'marked'
import markedFootnote from 'marked-footnote'
import { markedHighlight } from 'marked-highlight'
import { highlightCode } from './codeHighlight'
import { mathExtension } from './mathExtension'

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
      // A task is shown, not edited here: the checkbox is disabled, and named for screen readers.
      checkbox: ({ checked }) =>
        `<input type="checkbox" disabled${checked ? ' checked' : ''} aria-label="${checked ? 'Done' : 'To do'}"> `,
    },
  },
)

/** Links may only be web or mail links, or jumps within the note (footnotes); anything else loses its href. */
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
  // The only input a note may show is a task's checkbox, and it cannot be changed.
  if (node.tagName === 'INPUT') {
    for (const name of node.getAttributeNames()) {
      if (!['checked', 'aria-label'].includes(name)) node.removeAttribute(name)
    }
    node.setAttribute('type', 'checkbox')
    node.setAttribute('disabled', '')
  }
})

export function renderMarkdown(source: string): string {
  const html = marked.parse(source) as string
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'button', 'textarea', 'select', 'iframe'],
    FORBID_ATTR: ['style'],
  })
}
