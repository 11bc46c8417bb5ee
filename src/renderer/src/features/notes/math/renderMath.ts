// TeX to DOM: KaTeX typesets, DOMPurify checks the result, and only then does it
// reach the page. The TeX is untrusted (an abstract, a note), so KaTeX runs with
// trust off (no \href, \url, \htmlClass …) and bounded macro expansion and
// sizes, and invalid TeX is shown as its source text, never as a broken pane.
//
// Why katex.render into an element rather than renderToString + innerHTML:
// KaTeX positions glyphs with inline styles, and the window's CSP refuses
// style attributes parsed from HTML. katex.render sets them through the CSSOM,
// which the CSP allows; DOMPurify then sanitizes that tree in place, keeping
// the styles (it rewrites only attributes it changes). For the same reason
// parse errors are caught here rather than left to KaTeX's throwOnError: false,
// whose error span carries a style attribute the CSP would refuse.
import DOMPurify from 'dompurify'
import katex, { type KatexOptions } from 'katex'

const KATEX_OPTIONS: KatexOptions = {
  throwOnError: true,
  trust: false,
  strict: 'ignore',
  // A few hundred expansions cover any real formula; a macro bomb stops early.
  maxExpand: 500,
  maxSize: 20,
  // Commands refused with trust off (\href …) are shown in this colour, which follows the theme.
  errorColor: 'var(--danger)',
  output: 'htmlAndMathml',
}

// Its own instance: the markdown sanitizer's hooks (links, images) do not apply here.
const purifier = DOMPurify(window)

const PURIFY_OPTIONS = {
  IN_PLACE: true,
  USE_PROFILES: { html: true, mathMl: true, svg: true },
  // KaTeX's MathML wraps the formula and its TeX source for screen readers.
  ADD_TAGS: ['semantics', 'annotation'],
  FORBID_TAGS: ['a', 'img', 'image', 'use', 'foreignObject', 'style', 'form', 'input'],
  FORBID_ATTR: ['href', 'xlink:href', 'src', 'action'],
}

/** A new element holding `tex` typeset by KaTeX, sanitized; invalid TeX shows as text. */
export function renderMathElement(tex: string, display: boolean): HTMLElement {
  const host = document.createElement('span')
  host.className = display ? 'math math-display' : 'math'
  try {
    katex.render(tex, host, { ...KATEX_OPTIONS, displayMode: display })
    purifier.sanitize(host, PURIFY_OPTIONS)
  } catch (error) {
    // Invalid TeX (or anything we did not foresee): the source, as text, with
    // KaTeX's message on hover. Still readable, and the pane stays whole.
    const source = document.createElement('span')
    source.className = 'katex-error'
    source.textContent = tex
    source.title = error instanceof Error ? error.message : 'This formula could not be typeset'
    host.replaceChildren(source)
  }
  return host
}

/** Typesets every `.math-source` placeholder inside `container` (the note preview's math). */
export function typesetMathIn(container: HTMLElement): void {
  for (const source of container.querySelectorAll<HTMLElement>('.math-source')) {
    const display = source.classList.contains('math-source-display')
    source.replaceWith(renderMathElement(source.textContent ?? '', display))
  }
}
