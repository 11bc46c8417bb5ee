// Footnotes in notes: marked-footnote finds them, and its reference marks
// (pure markup of its own, with the label URL-encoded) are stamped as the
// app's. The list at the end is rendered here instead: it holds the notes'
// own markdown (raw HTML included), so only its frame may be stamped, and
// marked-footnote writes a label into aria-label unescaped.
import type { MarkedExtension, RendererExtensionFunction, RendererThis } from 'marked'
import markedFootnote, { type Footnotes } from 'marked-footnote'
import { own } from './ownMarkup'
import { escapeHtml } from './rawHtml'

const PREFIX = 'footnote-'
const HEADING = 'Footnotes'

/** The data attributes footnotes carry (screen readers and styles use them). */
export const FOOTNOTE_ATTRIBUTES = ['data-footnotes', 'data-footnote-ref', 'data-footnote-backref']

export function footnoteExtension(): MarkedExtension {
  const extension = markedFootnote({ description: HEADING, prefixId: PREFIX })
  const extensions = (extension.extensions ?? []).map((part) => {
    if (!('renderer' in part) || part.renderer === undefined) return part
    const original = part.renderer
    if (part.name === 'footnotes') return { ...part, renderer: renderFootnotes }
    if (part.name !== 'footnoteRef') return part
    const stamped: RendererExtensionFunction = function (this, token) {
      const html = original.call(this, token)
      return typeof html === 'string' ? own(html) : html
    }
    return { ...part, renderer: stamped }
  })
  return { ...extension, extensions }
}

function renderFootnotes(this: RendererThis, generic: unknown): string {
  const { items } = generic as Footnotes
  if (items.length === 0) return ''
  const list = items.map(({ label, content, refs }) => {
    const id = encodeURIComponent(label)
    const body = this.parser.parse(content).trimEnd()
    const inParagraph = body.endsWith('</p>')
    let item = `${own(`<li id="${PREFIX}${id}">`)}\n${inParagraph ? body.replace(/<\/p>$/, '') : body}`
    refs.forEach((_ref, index) => {
      const suffix = index > 0 ? `-${index + 1}` : ''
      const mark = index > 0 ? `↩${own('<sup>')}${index + 1}</sup>` : '↩'
      item +=
        ' ' +
        own(
          `<a href="#${PREFIX}ref-${id}${suffix}" data-footnote-backref` +
            ` aria-label="${escapeHtml(`Back to reference ${label}`)}">`,
        ) +
        `${mark}</a>`
    })
    return `${item}${inParagraph ? '</p>' : ''}\n</li>\n`
  })
  return (
    own(`<section class="footnotes" data-footnotes>\n<h2 id="${PREFIX}label" class="sr-only">`) +
    `${HEADING}</h2>\n${own('<ol>')}\n${list.join('')}</ol>\n</section>\n`
  )
}
