// The full LaTeX conversion of @retorquere/bibtex-parser (the parser of
// Zotero's Better BibTeX), for the few field values the fast converter does
// not handle exactly. It is given one field at a time; math and `<`, `>` are
// kept out of its reach (it would turn math into Unicode, `<` into ¡ and `>`
// into ¿) and put back after.
import { isPlainMath, isSymbolMath, plainText } from './latex'

type BibtexParser = typeof import('@retorquere/bibtex-parser')

let parserModule: Promise<BibtexParser> | undefined

/**
 * The parser, loaded on first use: the app need not load it until someone
 * imports BibTeX, and a dynamic import() gets its ES build, the one that loads
 * everywhere (its CommonJS build does not load under Node or tsx).
 */
export function loadBibtexParser(): Promise<BibtexParser> {
  parserModule ??= import('@retorquere/bibtex-parser')
  return parserModule
}

export const PARSE_OPTIONS = {
  // Titles stay as written: Zotero wants sentence case, a reader wants the paper's title.
  english: false,
  sentenceCase: false,
  // An unknown macro keeps its argument text instead of failing the entry.
  unsupported: 'ignore',
} as const

// The parser marks up what LaTeX formats (\emph, \textbf, \url, super/subscripts
// it cannot map) as HTML; our fields are plain text.
export const MARKUP = /<\/?(?:i|b|em|strong|sup|sub|sc|code|p|span|a|br)(?:\s[^<>]*)?\/?>/g

// Letters only, so that the parser copies them through.
const KEEP = 'QxOffprintKeep'
const KEPT = new RegExp(`${KEEP}(\\d+)x`, 'g')

/** Converts one raw value with the full parser, keeping math, `<` and `>` as written. */
export function fallbackText(parser: BibtexParser, field: string, raw: string): string {
  const kept: string[] = []
  const keep = (text: string): string => `${KEEP}${kept.push(text) - 1}x`
  const withoutMath = raw.replace(
    /(?<!\\)(\$\$[^$]+\$\$|\$([^$]+)\$)/g,
    (math, _all, content?: string) => {
      if (content === undefined) return keep(math)
      if (isPlainMath(content)) return keep(content)
      return isSymbolMath(content) ? math : keep(math)
    },
  )
  // Unbalanced dollars: the parser reads the math as it can.
  const value =
    convert(parser, field, withoutMath.replace(/[<>]/g, keep)) ??
    convert(parser, field, raw.replace(/[<>]/g, keep)) ??
    ''
  return plainText(
    value.replace(MARKUP, '').replace(KEPT, (_m, n: string) => kept[Number(n)] ?? ''),
  )
}

/** The parser's reading of a value, braced, else quoted (it reads math differently in each). */
function convert(parser: BibtexParser, field: string, raw: string): string | undefined {
  for (const value of [`{${raw}}`, `"${raw}"`]) {
    const library = parser.parse(`@misc{k, ${field} = ${value}}`, PARSE_OPTIONS)
    if (library.errors.length > 0) continue
    const text = (library.entries[0]?.fields as Record<string, unknown> | undefined)?.[field]
    if (typeof text === 'string') return text
    if (Array.isArray(text)) return text.join(' ')
  }
  return undefined
}
