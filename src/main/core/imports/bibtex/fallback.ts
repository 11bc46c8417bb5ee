// The full LaTeX conversion of @retorquere/bibtex-parser (the parser of
// Zotero's Better BibTeX), for the few field values the fast converter does
// not handle exactly. It is given one field at a time; math and `<`, `>` are
// kept out of its reach (it would turn math into Unicode, `<` into ¡ and `>`
// into ¿) and put back after.
import type { Creator } from '@retorquere/bibtex-parser'
import { isSymbolMath, plainText } from './latex'

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
const MARKUP = /<\/?(?:i|b|em|strong|sup|sub|sc|code|p|span|a|br)(?:\s[^<>]*)?\/?>/g

/** The parser's output as plain text, as the importer has always read it. */
export function parserPlain(value: string | undefined): string {
  return plainText((value ?? '').replace(MARKUP, ''))
}

/** Full names, in order: "Jan van der Berg", "John Smith Jr.", "Google Brain". */
export function creatorName(creator: Creator): string {
  if (creator.name !== undefined) return parserPlain(creator.name)
  return parserPlain(
    [creator.firstName, creator.prefix, creator.lastName, creator.suffix]
      .filter((part) => part !== undefined && part !== '')
      .join(' '),
  )
}

// Letters only, so that the parser copies them through.
const KEEP = 'QxOffprintKeep'
const KEPT = new RegExp(`${KEEP}(\\d+)x`, 'g')

/** Converts one raw value with the full parser, keeping math, `<` and `>` as written. */
export function fallbackText(parser: BibtexParser, field: string, raw: string): string {
  const kept: string[] = []
  const keep = (text: string): string => `${KEEP}${kept.push(text) - 1}x`
  const shielded = raw
    .replace(/(?<!\\)\$([^$]+)\$/g, (math, content: string) =>
      isSymbolMath(content) ? math : keep(math),
    )
    .replace(/[<>]/g, keep)
  const library = parser.parse(`@misc{k, ${field} = {${shielded}}}`, PARSE_OPTIONS)
  const value = (library.entries[0]?.fields as Record<string, unknown> | undefined)?.[field]
  const text = typeof value === 'string' ? value : Array.isArray(value) ? value.join(' ') : ''
  return plainText(text.replace(MARKUP, '').replace(KEPT, (_m, n: string) => kept[Number(n)] ?? ''))
}
