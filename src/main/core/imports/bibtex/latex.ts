// Stage two of the BibTeX reader: a raw field value to plain Unicode text, from
// tables (latexTables.ts). It handles the LaTeX bibliographies are written in
// (accents, escaped characters, dashes and quotes, case-protecting braces,
// \url, \emph and friends, math kept as $…$ for KaTeX) and answers undefined
// for anything else, which the caller hands to the full parser (fallback.ts).
// Where the two differ on purpose, this one is right: `{\'\i}` is "í" (not a
// dotless ı with an accent), `<` and `>` stay themselves, math keeps its `$`.
import {
  DOTLESS,
  ESCAPED,
  LETTER_ACCENTS,
  SYMBOL_ACCENTS,
  SYMBOLS,
  TEXT_COMMANDS,
} from './latexTables'

/** Does the text have white space other than single spaces between words? */
function needsCollapsing(text: string): boolean {
  return /[^\S ]/.test(text) || text.includes('  ') || text.startsWith(' ') || text.endsWith(' ')
}

/** Plain text: whitespace runs made one space, trimmed, composed (NFC). */
export function plainText(text: string): string {
  // Most values are clean already: look before building a new string.
  const collapsed = needsCollapsing(text) ? text.replace(/\s+/g, ' ').trim() : text
  // eslint-disable-next-line no-control-regex -- ASCII needs no composing
  if (!/[^\u0000-\u007f]/.test(collapsed)) return collapsed
  // A dotless ı or ȷ under an accent is an i or j that lost its dot to the accent.
  return collapsed
    .replace(/[ıȷ](?=[\u0300-\u036f])/g, (letter) => (letter === 'ı' ? 'i' : 'j'))
    .normalize('NFC')
}

/**
 * Math that stands for characters ($\\alpha$, $_2$, $_{1-}$, $^{+}$), as exporters
 * (ours too) write Unicode they have no text command for: it is read back as
 * that character (by the full parser). Anything else is a formula, kept as $…$.
 */
export function isSymbolMath(content: string): boolean {
  return /^\s*(?:\\[A-Za-z]+|[_^](?:\{[0-9+\-=()]+\}|\{[^{}$\\]\}|[^{}$\\\s]))\s*$/.test(content)
}

/** Math that is one sign ($<$, $+$) or a number ($2$): it is that sign or number. */
export function isPlainMath(content: string): boolean {
  return /^(?:[^\p{L}\p{N}\s\\{}^_]|\d+)$/u.test(content)
}

/** Characters that need more than copying; a value without any is copied as it is. */
const SPECIAL = /[\\{}$~\-`'%^_#]/
const WORD_CHAR = /^[\p{L}\p{N}]$/u

/** Thrown inside the converter when it meets LaTeX it does not handle exactly. */
class Unhandled extends Error {}

const isLetter = (char: string | undefined): boolean =>
  char !== undefined && /^[A-Za-z]$/.test(char)

class Converter {
  private pos = 0
  private out = ''

  constructor(private readonly text: string) {}

  run(end: number): string {
    const text = this.text
    while (this.pos < end) {
      const char = text[this.pos] ?? ''
      switch (char) {
        case '{':
        case '}':
          this.pos++ // case protection: the braces go, the text stays
          break
        case '\\':
          this.command()
          break
        case '$':
          this.math()
          break
        case '~':
          this.out += ' '
          this.pos++
          break
        case '-':
          this.dashes()
          break
        case '`':
        case "'":
          this.quotes(char)
          break
        case '^':
        case '_':
          // Outside math, before a letter or digit, the full parser keeps it as written
          // (library ids in notes: "ID: TN_sage_s10_1177"); anything else is its to read.
          if (!WORD_CHAR.test(text[this.pos + 1] ?? '')) throw new Unhandled()
          this.out += char
          this.pos++
          break
        case '%':
        case '#':
          throw new Unhandled()
        default:
          this.out += char
          this.pos++
      }
    }
    return this.out
  }

  private dashes(): void {
    const text = this.text
    if (text.startsWith('---', this.pos)) {
      this.out += '—'
      this.pos += 3
    } else if (text.startsWith('--', this.pos)) {
      this.out += '–'
      this.pos += 2
    } else {
      this.out += '-'
      this.pos++
    }
  }

  private quotes(char: string): void {
    if (this.text[this.pos + 1] === char) {
      this.out += char === '`' ? '“' : '”'
      this.pos += 2
    } else {
      this.out += char
      this.pos++
    }
  }

  /** A formula ($…$) is kept as written, for KaTeX to render. */
  private math(): void {
    if (this.text.startsWith('$$', this.pos)) {
      const end = this.text.indexOf('$$', this.pos + 2)
      if (end === -1 || end === this.pos + 2) throw new Unhandled()
      this.out += this.text.slice(this.pos, end + 2)
      this.pos = end + 2
      return
    }
    const close = this.text.indexOf('$', this.pos + 1)
    if (close === -1 || close === this.pos + 1) throw new Unhandled()
    const content = this.text.slice(this.pos + 1, close)
    if (isPlainMath(content)) {
      this.out += content
      this.pos = close + 1
      return
    }
    if (isSymbolMath(content)) throw new Unhandled()
    this.out += this.text.slice(this.pos, close + 1)
    this.pos = close + 1
  }

  private command(): void {
    const text = this.text
    const next = text[this.pos + 1]
    if (next === undefined) throw new Unhandled()
    if (ESCAPED.has(next)) {
      this.out += next
      this.pos += 2
      return
    }
    const symbolAccent = SYMBOL_ACCENTS.get(next)
    if (symbolAccent !== undefined) {
      this.pos += 2
      this.out += this.accented() + symbolAccent
      return
    }
    if (!isLetter(next)) throw new Unhandled()
    let end = this.pos + 1
    while (isLetter(text[end])) end++
    const name = text.slice(this.pos + 1, end)
    this.pos = end
    const letterAccent = LETTER_ACCENTS.get(name)
    if (letterAccent !== undefined) {
      this.skipSpaces()
      this.out += this.accented() + letterAccent
      return
    }
    const symbol = SYMBOLS.get(name)
    if (symbol !== undefined) {
      this.skipSpaces()
      this.out += symbol
      return
    }
    if (name === 'url') {
      this.out += this.verbatimArgument()
      return
    }
    if (TEXT_COMMANDS.has(name)) {
      this.skipSpaces()
      if (text[this.pos] !== '{') throw new Unhandled()
      const close = closingBrace(text, this.pos)
      this.pos++
      this.run(close)
      this.pos = close + 1
      return
    }
    throw new Unhandled()
  }

  private skipSpaces(): void {
    while (/\s/.test(this.text[this.pos] ?? '')) this.pos++
  }

  /** The letter an accent sits on: `e`, `{e}`, `\i`, `{\i}`; dotless i and j become i and j. */
  private accented(): string {
    const text = this.text
    let braced = false
    if (text[this.pos] === '{') {
      braced = true
      this.pos++
    }
    let letter: string | undefined
    if (text[this.pos] === '\\' && !isLetter(text[this.pos + 2])) {
      letter = DOTLESS.get(text[this.pos + 1] ?? '')
      this.pos += 2
    } else if (isLetter(text[this.pos])) {
      letter = text[this.pos]
      this.pos++
    }
    if (letter === undefined) throw new Unhandled()
    if (braced) {
      if (text[this.pos] !== '}') throw new Unhandled()
      this.pos++
    }
    return letter
  }

  private verbatimArgument(): string {
    const text = this.text
    if (text[this.pos] !== '{') throw new Unhandled()
    const close = text.indexOf('}', this.pos)
    const url = close === -1 ? '' : text.slice(this.pos + 1, close)
    if (url === '' || /[\\{%\s]/.test(url)) throw new Unhandled()
    this.pos = close + 1
    return url
  }
}

/** Index of the "}" closing the "{" at `open` (the scanner made sure there is one). */
function closingBrace(text: string, open: number): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    const c = text[i]
    if (c === '{') depth++
    else if (c === '}' && --depth === 0) return i
  }
  throw new Unhandled()
}

/** Plain text of a raw LaTeX value, or undefined when only the full parser can say. */
export function latexToText(raw: string): string | undefined {
  if (!SPECIAL.test(raw)) return plainText(raw)
  try {
    return plainText(new Converter(raw).run(raw.length))
  } catch (error) {
    if (error instanceof Unhandled) return undefined
    throw error
  }
}

/** A verbatim field (url, doi, eprint, keywords): one outer pair of braces goes, the rest stays. */
export function verbatimText(raw: string): string {
  if (raw.startsWith('{') && raw.endsWith('}')) {
    try {
      if (closingBrace(raw, 0) === raw.length - 1) return raw.slice(1, -1)
    } catch {
      return raw
    }
  }
  return raw
}
