// A marked extension for math in notes: $…$, \(…\), $$…$$ and \[…\], inline or
// on lines of their own. It emits placeholders holding the TeX as escaped text
// (<span class="math-source">x^2</span>, stamped as the app's own); the preview typesets them with KaTeX
// after DOMPurify has run (renderMath.ts), so no KaTeX markup passes through
// the markdown sanitizer and the TeX is never parsed as HTML.
import type { MarkedExtension, Tokens } from 'marked'
import { matchMathAt } from '../math/mathRuns'
import { own } from './ownMarkup'
import { escapeHtml } from './rawHtml'

interface MathToken extends Tokens.Generic {
  type: 'math'
  tex: string
  display: boolean
}

const BLOCK_MATH = [
  /^ {0,3}\$\$[ \t]*\n([\s\S]+?)\n[ \t]*\$\$[ \t]*(?:\n+|$)/,
  /^ {0,3}\\\[[ \t]*\n?([\s\S]+?)\n?[ \t]*\\\][ \t]*(?:\n+|$)/,
  /^ {0,3}\$\$([^\n]+?)\$\$[ \t]*(?:\n+|$)/,
]

export function mathExtension(): MarkedExtension {
  return {
    extensions: [
      {
        name: 'mathBlock',
        level: 'block',
        start: (src) => src.match(/^ {0,3}(?:\$\$|\\\[)/m)?.index,
        tokenizer(src): MathToken | undefined {
          for (const pattern of BLOCK_MATH) {
            const match = pattern.exec(src)
            if (match !== null && (match[1] ?? '').trim() !== '') {
              return { type: 'math', raw: match[0], tex: (match[1] ?? '').trim(), display: true }
            }
          }
          return undefined
        },
        renderer: (token) => placeholder(token as MathToken),
      },
      {
        name: 'math',
        level: 'inline',
        start: (src) => {
          const at = src.search(/\$|\\[([]/)
          return at === -1 ? undefined : at
        },
        tokenizer(src): MathToken | undefined {
          const match = matchMathAt(src, 0)
          if (match === undefined) return undefined
          return {
            type: 'math',
            raw: src.slice(0, match.end),
            tex: match.tex,
            display: match.display,
          }
        },
        renderer: (token) => placeholder(token as MathToken),
      },
    ],
  }
}

function placeholder({ tex, display }: MathToken): string {
  const className = display ? 'math-source math-source-display' : 'math-source'
  return `${own(`<span class="${className}">`)}${escapeHtml(tex)}</span>`
}
