// The pieces of note rendering that need no DOM: math placeholders and code
// highlighting. (Sanitizing and typesetting run in Chromium: tests/e2e.)
import { Marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { highlightCode } from '../../src/renderer/src/features/notes/markdown/codeHighlight'
import { mathExtension } from '../../src/renderer/src/features/notes/markdown/mathExtension'

const marked = new Marked({ gfm: true, async: false }, mathExtension())
const render = (source: string) => marked.parse(source) as string

describe('math in notes', () => {
  it('turns inline math into a placeholder holding the TeX as text', () => {
    expect(render('Loss $\\mathcal{L} = a_1 + b_1$ here')).toBe(
      '<p>Loss <span class="math-source">\\mathcal{L} = a_1 + b_1</span> here</p>\n',
    )
    expect(render('with \\(x<y\\)')).toBe('<p>with <span class="math-source">x&lt;y</span></p>\n')
  })

  it('reads $$ blocks and \\[ blocks as display math', () => {
    expect(render('$$\n\\sum_i x_i\n$$\n\nafter')).toBe(
      '<span class="math-source math-source-display">\\sum_i x_i</span><p>after</p>\n',
    )
    expect(render('\\[\nE = mc^2\n\\]')).toBe(
      '<span class="math-source math-source-display">E = mc^2</span>',
    )
  })

  it('leaves prices, code spans and escaped dollars alone', () => {
    expect(render('costs $5 and $10')).toBe('<p>costs $5 and $10</p>\n')
    expect(render('`$x$` and \\$y')).toBe('<p><code>$x$</code> and $y</p>\n')
  })

  it('never lets TeX become markup', () => {
    expect(render('$<img src=x onerror=alert(1)>$')).toBe(
      '<p><span class="math-source">&lt;img src=x onerror=alert(1)&gt;</span></p>\n',
    )
  })
})

describe('code highlighting', () => {
  it('marks up known languages with hljs classes and nothing else', () => {
    const html = highlightCode('def f(x):\n    return x  # done', 'python')
    expect(html).toContain('<span class="hljs-keyword">def</span>')
    expect(html).toContain('<span class="hljs-comment"># done</span>')
    expect(html).not.toMatch(/style=/)
  })

  it('escapes code in an unknown or missing language', () => {
    expect(highlightCode('<script>alert(1)</script>', 'no-such-language')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    )
    expect(highlightCode('a < b', '')).toBe('a &lt; b')
  })
})
