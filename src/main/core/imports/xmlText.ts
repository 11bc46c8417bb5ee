// The text of an XML element read raw (a fast-xml-parser "stop node"): Atom
// titles and summaries may be plain text, escaped HTML (type="html") or inline
// XHTML (type="xhtml", child elements such as <i>p</i>), and RSS descriptions
// escaped text. The parser would drop child elements' text or keep it apart
// from the text around it; reading the raw content keeps every word in order.
// Markup is never kept: what comes out is text, whitespace squashed.

/** The entities XML predefines, and the few HTML ones feeds use in escaped HTML. */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
}

const ENTITY = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? Number.parseInt(name.slice(2), 16)
          : Number.parseInt(name.slice(1), 10)
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : whole
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole
  })
}

/**
 * Raw element content to text: CDATA sections kept as written, tags dropped
 * (their text kept in place), entities decoded. One pass, linear in the input.
 */
function contentText(raw: string): string {
  let out = ''
  let at = 0
  while (at < raw.length) {
    const open = raw.indexOf('<', at)
    if (open === -1) {
      out += decodeEntities(raw.slice(at))
      break
    }
    out += decodeEntities(raw.slice(at, open))
    if (raw.startsWith('<![CDATA[', open)) {
      const end = raw.indexOf(']]>', open + 9)
      out += raw.slice(open + 9, end === -1 ? raw.length : end)
      at = end === -1 ? raw.length : end + 3
      continue
    }
    if (raw.startsWith('<!--', open)) {
      const end = raw.indexOf('-->', open + 4)
      at = end === -1 ? raw.length : end + 3
      continue
    }
    const close = raw.indexOf('>', open + 1)
    if (close === -1) {
      // A lone "<" is text (it cannot start a tag without its end).
      out += decodeEntities(raw.slice(open))
      break
    }
    // Block-level tags separate words ("<p>a</p><p>b</p>"); inline ones do not.
    if (/^<\/?(?:p|div|br|li|h\d)\b/i.test(raw.slice(open, Math.min(close + 1, open + 8)))) {
      out += ' '
    }
    at = close + 1
  }
  return out
}

/**
 * The text of a raw element as the parser hands it over: a string, or
 * { '#text', '@_type' } when the element has attributes. Atom's type="html"
 * is escaped markup, so its decoded text is read as markup once more.
 */
export function elementText(value: unknown): string {
  let raw = ''
  let type = ''
  if (typeof value === 'string' || typeof value === 'number') raw = String(value)
  else if (typeof value === 'object' && value !== null) {
    const node = value as Record<string, unknown>
    const text = node['#text']
    if (typeof text === 'string' || typeof text === 'number') raw = String(text)
    if (typeof node['@_type'] === 'string') type = node['@_type'].toLowerCase()
  }
  let text = contentText(raw)
  if (type === 'html' || type === 'text/html') text = contentText(text)
  return text.replace(/\s+/g, ' ').trim()
}

/** Where each match of `start` (a global pattern such as /<entry[\s>]/g) begins: offset and 1-based line. */
export function elementStarts(text: string, start: RegExp): { index: number; line: number }[] {
  const starts: { index: number; line: number }[] = []
  let line = 1
  let from = 0
  for (const match of text.matchAll(start)) {
    for (
      let i = text.indexOf('\n', from);
      i !== -1 && i < match.index;
      i = text.indexOf('\n', i + 1)
    )
      line++
    from = match.index
    starts.push({ index: match.index, line })
  }
  return starts
}
