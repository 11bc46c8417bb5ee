// Notes are untrusted markdown: marked turns them into HTML, the note policy's
// sanitizer (notePolicy.ts) removes anything that could run, load or pose as
// the app, and only then does the HTML reach the DOM. GitHub-flavoured:
// tables, task lists (read-only checkboxes), footnotes, code blocks
// highlighted by highlight.js, math placeholders that the preview typesets
// with KaTeX after sanitizing (see mathExtension.ts), and wiki-links (see
// wikiLinkMarkdown.ts). The app's own markup is stamped as such while it is
// written (ownMarkup.ts); raw HTML in the note never is.
import { Marked, type MarkedExtension } from 'marked'
import { markedHighlight } from 'marked-highlight'
import { citationExtension, withCitations, type CitationView } from './citationMarkdown'
import { highlightCode } from './codeHighlight'
import { footnoteExtension } from './footnotes'
import { mathExtension } from './mathExtension'
import { sanitizeNote } from './notePolicy'
import { own, withOwnMarkup } from './ownMarkup'
import { escapeHtml, isActiveRawHtml } from './rawHtml'
import { renderWith, wikiLinkExtension, type LinkResolver } from './wikiLinkMarkdown'

/** marked-highlight's code blocks, stamped as the app's own (their text is escaped by highlight.js). */
function ownCodeBlocks(extension: MarkedExtension): MarkedExtension {
  const code = extension.renderer?.code
  if (code === undefined) return extension
  return {
    ...extension,
    renderer: {
      ...extension.renderer,
      code(token) {
        const html = code.call(this, token)
        return typeof html === 'string' ? own(html) : html
      },
    },
  }
}

const marked = new Marked(
  { gfm: true, breaks: false, async: false },
  ownCodeBlocks(
    markedHighlight({
      emptyLangClass: 'hljs',
      langPrefix: 'hljs language-',
      highlight: (code, language) => highlightCode(code, language),
    }),
  ),
  footnoteExtension(),
  mathExtension(),
  {
    renderer: {
      // Raw HTML that carries script or styling is shown as the text it is.
      // The sanitizer would strip those parts anyway; this way they are never even
      // parsed (Chromium reports a blocked handler at parse time, inert or not).
      html: ({ text }) => (isActiveRawHtml(text) ? escapeHtml(text) : text),
      // After an inline <script>, <pre>, <code> or <kbd> (even one shown as text above),
      // marked passes the text that follows as raw HTML; a `<` in it is text all the same.
      text: (token) =>
        'escaped' in token && token.escaped === true && !('tokens' in token && token.tokens)
          ? token.text.replace(/</g, '&lt;').replace(/>/g, '&gt;')
          : false,
      // A task is shown, not edited here: the checkbox is disabled, and named for screen readers.
      checkbox: ({ checked }) =>
        own(
          `<input type="checkbox" disabled${checked ? ' checked' : ''} aria-label="${checked ? 'Done' : 'To do'}">`,
        ) + ' ',
    },
  },
)
marked.use({ extensions: [wikiLinkExtension, citationExtension] })

/**
 * The note as sanitized HTML. `resolveLink` says what each `[[...]]` points at
 * now; without it every wiki-link renders as pending plain text. `citations`
 * formats each `[@key]` and adds the References; without it they stay text.
 */
export function renderMarkdown(
  source: string,
  resolveLink?: LinkResolver,
  citations?: CitationView,
): string {
  return withOwnMarkup((nonce) => {
    const html = renderWith(resolveLink ?? (() => undefined), () =>
      withCitations(source, citations, (swapped) => marked.parse(swapped) as string),
    )
    return sanitizeNote(html, nonce)
  })
}
