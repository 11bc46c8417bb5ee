// LaTeX accent commands as arXiv's feeds write author names ("Pi\v{z}urica",
// "Milovi\'c", "Andr\'e"), turned into Unicode. Only accents: a name carries
// no other markup. (BibTeX files go through their own parser, which knows all
// of LaTeX.)

/** The combining mark of each accent command. */
const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
}

/** Letters written as commands of their own. */
const LETTERS: Record<string, string> = {
  o: 'ø',
  O: 'Ø',
  l: 'ł',
  L: 'Ł',
  ss: 'ß',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  i: 'ı',
  j: 'ȷ',
  dh: 'ð',
  DH: 'Ð',
  th: 'þ',
  TH: 'Þ',
  dj: 'đ',
  DJ: 'Đ',
}

// \'c, \'{c}, {\'c}, \v{z}, \v z, \c{c}, and \o, \l, \ss (as words, optionally braced).
const ACCENT = /\{?\\(['`^"~=.]|[uvHckr](?=[\s{]))\s*(?:\{\\?([A-Za-z])\}|\\?([A-Za-z]))\}?/g
const LETTER = /\{?\\(ss|ae|AE|oe|OE|aa|AA|dh|DH|th|TH|dj|DJ|[oOlLij])(?![A-Za-z])\}?(?:\{\})?/g

/** `text` with LaTeX accents and special letters as Unicode (NFC); anything else unchanged. */
export function latexAccentsToUnicode(text: string): string {
  if (!text.includes('\\')) return text
  return text
    .replace(ACCENT, (whole, accent: string, braced?: string, bare?: string) => {
      const mark = ACCENTS[accent]
      const letter = braced ?? bare
      if (mark === undefined || letter === undefined) return whole
      // A dotless i or j under an accent is the plain letter with the accent.
      return letter + mark
    })
    .replace(LETTER, (whole, name: string) => LETTERS[name] ?? whole)
    .normalize('NFC')
}
