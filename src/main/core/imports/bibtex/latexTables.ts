// The LaTeX the fast converter (latex.ts) handles by itself, as tables. Each
// row gives what @retorquere/bibtex-parser makes of the same command, so that
// the two agree; anything not here goes to that parser (fallback.ts).

/** Accents written with a symbol (\'e, \"{u}) → combining mark. */
export const SYMBOL_ACCENTS: ReadonlyMap<string, string> = new Map([
  ["'", '\u0301'],
  ['`', '\u0300'],
  ['^', '\u0302'],
  ['"', '\u0308'],
  ['~', '\u0303'],
  ['=', '\u0304'],
  ['.', '\u0307'],
])

/** Accents written with a letter (\c{c}, \v s) → combining mark. */
export const LETTER_ACCENTS: ReadonlyMap<string, string> = new Map([
  ['c', '\u0327'],
  ['v', '\u030C'],
  ['H', '\u030B'],
  ['k', '\u0328'],
  ['u', '\u0306'],
  ['r', '\u030A'],
  ['d', '\u0323'],
])

/** Letters that take an accent without their dot: \'\i is í, \v{\j} is ǰ. */
export const DOTLESS: ReadonlyMap<string, string> = new Map([
  ['i', 'i'],
  ['j', 'j'],
])

/** Commands that stand for one character (TeX drops the spaces after them). */
export const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['ss', 'ß'],
  ['o', 'ø'],
  ['O', 'Ø'],
  ['l', 'ł'],
  ['L', 'Ł'],
  ['ae', 'æ'],
  ['AE', 'Æ'],
  ['oe', 'œ'],
  ['OE', 'Œ'],
  ['aa', 'å'],
  ['AA', 'Å'],
  ['dh', 'ð'],
  ['DH', 'Ð'],
  ['th', 'þ'],
  ['TH', 'Þ'],
  ['dj', 'đ'],
  ['DJ', 'Đ'],
  // Alone (no accent on it), \i and \j are the dotless letters, as in TeX.
  ['i', 'ı'],
  ['j', 'ȷ'],
  ['textquoteright', '’'],
  ['textquoteleft', '‘'],
  ['textendash', '–'],
  ['textemdash', '—'],
  ['ldots', '…'],
  ['dots', '…'],
  ['S', '§'],
  ['P', '¶'],
  ['copyright', '©'],
  ['textasciitilde', '~'],
  ['textless', '<'],
  ['textgreater', '>'],
])

/** Characters escaped with a backslash: \& is "&". */
export const ESCAPED = new Set(['&', '%', '_', '$', '#'])

/** Formatting commands whose argument is kept as plain text (\emph{x} is "x"). */
export const TEXT_COMMANDS = new Set([
  'emph',
  'textit',
  'textbf',
  'textsc',
  'texttt',
  'textrm',
  'textsf',
  'textup',
  'textnormal',
  'mbox',
])

const VERBATIM =
  /^(?:doi|eprint|files?|pdf|groups|ids|url|verb[abc]|keywords|citeulike-linkout-\d+|bdsk-url-\d+)$/
const verbatimByName = new Map<string, boolean>()

/** Fields the parser reads verbatim (no LaTeX): identifiers, links, files, keywords. */
export function isVerbatimField(name: string): boolean {
  let verbatim = verbatimByName.get(name)
  if (verbatim === undefined) {
    verbatim = VERBATIM.test(name)
    // Field names repeat from entry to entry; a file with thousands of distinct ones is not cached.
    if (verbatimByName.size < 10_000) verbatimByName.set(name, verbatim)
  }
  return verbatim
}
