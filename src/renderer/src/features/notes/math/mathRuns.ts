// Splits untrusted plain text (an abstract, a title) into runs: plain text, math
// for KaTeX, and the few text-styling commands authors leave in listings. No
// run ever becomes HTML: text runs stay React text, math goes to KaTeX and then
// DOMPurify (renderMath.ts).
//
// Listings carry LaTeX in half-escaped forms, and each is read as the author meant:
//   +24.9\%                      -> "+24.9%"          (escaped characters)
//   π_0, pi_0, \pi_0             -> math \pi_0        (Greek with a sub/superscript)
//   $textbf{specialist} and ...$ -> bold "specialist" (a lost backslash, and "math"
//                                                      that is really styled prose)
//   Evo\textbf{Lved Sign ...}    -> bold "Lved Sign …"
//   $5 and $10                   -> text              (currency is not math)
// Pure string work, no DOM: unit-tested in Node.

export type TextStyle = 'bold' | 'italic' | 'mono' | 'plain'

export type TextRun =
  | { kind: 'text'; text: string }
  | { kind: 'math'; tex: string; display: boolean }
  | { kind: 'styled'; style: TextStyle; text: string }

export interface MathMatch {
  tex: string
  display: boolean
  /** Index just past the closing delimiter. */
  end: number
}

/** Characters a backslash escapes in running text (`\%` is a percent sign). */
const ESCAPED = new Set(['%', '&', '#', '_', '$', '{', '}'])

const STYLE_COMMANDS: Record<string, TextStyle> = {
  textbf: 'bold',
  textit: 'italic',
  emph: 'italic',
  textsl: 'italic',
  texttt: 'mono',
  textrm: 'plain',
  textsf: 'plain',
  text: 'plain',
}

/** Commands whose backslash listings tend to lose: `textbf{x}` inside $…$. */
const REPAIRABLE = [
  ...Object.keys(STYLE_COMMANDS),
  'mathbf',
  'mathrm',
  'mathit',
  'mathcal',
  'mathbb',
  'mathsf',
  'mathtt',
  'boldsymbol',
  'operatorname',
  'frac',
  'sqrt',
  'hat',
  'tilde',
  'overline',
]
const LOST_BACKSLASH = new RegExp(`(^|[^\\\\A-Za-z])(${REPAIRABLE.join('|')})\\{`, 'g')

const GREEK_LETTERS: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
  Γ: 'Gamma',
  Δ: 'Delta',
  Θ: 'Theta',
  Λ: 'Lambda',
  Ξ: 'Xi',
  Π: 'Pi',
  Σ: 'Sigma',
  Φ: 'Phi',
  Ψ: 'Psi',
  Ω: 'Omega',
}
const GREEK_NAMES = [...new Set(Object.values(GREEK_LETTERS))]
// A Greek letter (character, name or \name) with at least one sub- or
// superscript, standing alone: "π_0", "pi_0", "\epsilon^{*}", but not "api_0".
const SCRIPT = String.raw`[_^](?:\{[^{}\s$]{1,24}\}|[A-Za-z0-9*])`
const GREEK_WITH_SCRIPT = new RegExp(
  String.raw`(?:\\?(${GREEK_NAMES.join('|')})|([${Object.keys(GREEK_LETTERS).join('')}]))((?:${SCRIPT})+)(?![A-Za-z0-9])`,
  'y',
)
// A Greek command on its own, e.g. "\alpha".
const GREEK_COMMAND = new RegExp(String.raw`\\(${GREEK_NAMES.join('|')})(?![A-Za-z])`, 'y')
const STYLE_COMMAND = new RegExp(String.raw`\\(${Object.keys(STYLE_COMMANDS).join('|')})\{`, 'y')

/** The runs of `text`, adjacent text runs merged. */
export function splitMathRuns(text: string): TextRun[] {
  const runs: TextRun[] = []
  let plain = ''
  const flush = (): void => {
    if (plain !== '') runs.push({ kind: 'text', text: plain })
    plain = ''
  }
  const push = (run: TextRun): void => {
    if (run.kind === 'text') {
      plain += run.text
      return
    }
    flush()
    runs.push(run)
  }

  let i = 0
  while (i < text.length) {
    const char = text[i] ?? ''
    const before = text[i - 1] ?? ''

    const math = matchMathAt(text, i)
    if (math !== undefined) {
      for (const run of mathOrProse(math.tex, math.display)) push(run)
      i = math.end
      continue
    }
    if (char === '\\') {
      const next = text[i + 1] ?? ''
      if (ESCAPED.has(next)) {
        plain += next
        i += 2
        continue
      }
      STYLE_COMMAND.lastIndex = i
      const style = STYLE_COMMAND.exec(text)
      if (style !== null) {
        const close = matchingBrace(text, i + style[0].length - 1)
        if (close !== -1) {
          const inner = text.slice(i + style[0].length, close)
          push({
            kind: 'styled',
            style: STYLE_COMMANDS[style[1] ?? ''] ?? 'plain',
            text: unescape(inner),
          })
          i = close + 1
          continue
        }
      }
    }
    if (!/[A-Za-z\\]/.test(before)) {
      GREEK_WITH_SCRIPT.lastIndex = i
      const greek = GREEK_WITH_SCRIPT.exec(text)
      if (greek !== null) {
        const name = greek[1] ?? GREEK_LETTERS[greek[2] ?? ''] ?? ''
        push({ kind: 'math', tex: `\\${name}${greek[3] ?? ''}`, display: false })
        i += greek[0].length
        continue
      }
      GREEK_COMMAND.lastIndex = i
      const command = GREEK_COMMAND.exec(text)
      if (command !== null) {
        push({ kind: 'math', tex: command[0], display: false })
        i += command[0].length
        continue
      }
    }
    plain += char
    i += 1
  }
  flush()
  return runs
}

/**
 * The math that starts at `index`, if any: `$$…$$` and `\[…\]` (display),
 * `\(…\)` and `$…$` (inline). A `$…$` pair follows Pandoc's rule so prices are
 * not math: no space just inside either dollar, and no digit right after the
 * closing one. Shared with the markdown extension for notes.
 */
export function matchMathAt(text: string, index: number): MathMatch | undefined {
  const rest = text.slice(index, index + 2)
  if (rest === '$$') return delimited(text, index, '$$', '$$', true)
  if (rest === '\\[') return delimited(text, index, '\\[', '\\]', true)
  if (rest === '\\(') return delimited(text, index, '\\(', '\\)', false)
  if (text[index] !== '$') return undefined
  const first = text[index + 1] ?? ''
  if (first === '' || /\s/.test(first)) return undefined
  for (let close = index + 1; close < text.length; close++) {
    const char = text[close]
    if (char === '\\') {
      close++ // an escaped character, e.g. \$, never closes
      continue
    }
    if (char === '\n' && text[close + 1] === '\n') return undefined // not across paragraphs
    if (char !== '$') continue
    const last = text[close - 1] ?? ''
    if (/\s/.test(last) || /[0-9]/.test(text[close + 1] ?? '')) continue
    return { tex: text.slice(index + 1, close), display: false, end: close + 1 }
  }
  return undefined
}

function delimited(
  text: string,
  index: number,
  open: string,
  close: string,
  display: boolean,
): MathMatch | undefined {
  const start = index + open.length
  const end = text.indexOf(close, start)
  if (end === -1) return undefined
  const tex = text.slice(start, end)
  if (tex.trim() === '') return undefined
  return { tex, display, end: end + close.length }
}

/**
 * A math run as it should read: its lost backslashes put back and a bare `%`
 * (a TeX comment, which would swallow the rest) escaped, or, when the "math"
 * is really prose in styling commands, that prose as styled text.
 */
function mathOrProse(source: string, display: boolean): TextRun[] {
  const tex = source
    .replace(LOST_BACKSLASH, (_match, lead: string, command: string) => `${lead}\\${command}{`)
    .replace(/(^|[^\\])%/g, '$1\\%')
  const prose = asProse(tex)
  return prose ?? [{ kind: 'math', tex, display }]
}

const PROSE_PART =
  /\\(textbf|textit|textrm|texttt|textsl|textsf|emph|text)\{([^{}$]*)\}|([A-Za-z][A-Za-z'’-]*)|(\s+)|([,.;:!?()])/y

/**
 * The runs of `tex` when it is only words and text-styling commands, with at
 * least one command or two real words ("$\textbf{a} and \textbf{b}$");
 * undefined when it is math ("$x y$", "$abc$", "$\alpha_1$").
 */
function asProse(tex: string): TextRun[] | undefined {
  const runs: TextRun[] = []
  let commands = 0
  let words = 0
  let i = 0
  while (i < tex.length) {
    PROSE_PART.lastIndex = i
    const part = PROSE_PART.exec(tex)
    if (part === null) return undefined
    const [whole, command, inner, word] = part
    if (command !== undefined) {
      commands++
      runs.push({ kind: 'styled', style: STYLE_COMMANDS[command] ?? 'plain', text: inner ?? '' })
    } else {
      if (word !== undefined && word.length >= 2) words++
      runs.push({ kind: 'text', text: whole })
    }
    i += whole.length
  }
  return commands > 0 || words >= 2 ? runs : undefined
}

/** Index of the `}` closing the `{` at `open`, or -1. */
function matchingBrace(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    const char = text[i]
    if (char === '\\') i++
    else if (char === '{') depth++
    else if (char === '}' && --depth === 0) return i
  }
  return -1
}

function unescape(text: string): string {
  return text.replace(/\\([%&#_${}])/g, '$1')
}
