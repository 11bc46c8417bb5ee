// Stage one of the BibTeX reader: one pass over the text, in linear time, to
// entries with their raw field values. Macros (@string, with one or several
// definitions, and the month names) are expanded and `#` concatenations joined
// here; LaTeX is left as written for stage two (latex.ts). Nothing is copied
// but the values themselves.
import type { SkippedEntry } from '../../../../shared/model'
import { MONTHS } from '../isoDate'

/** An entry longer than this is skipped: no bibliography entry is that long. */
export const MAX_BIBTEX_ENTRY_CHARS = 100_000
/** Braces nested deeper than this are not a bibliography entry. */
export const MAX_BIBTEX_NESTING = 64

/** One entry as written: lower-case type and field names, values with macros expanded. */
export interface RawEntry {
  type: string
  key: string
  /** Field name (lower case) → raw value, LaTeX and braces as written. */
  fields: Map<string, string>
  /** 1-based line of the '@'. */
  line: number
  /** 1-based position among the file's entries (@string, @comment, @preamble not counted). */
  index: number
}

export interface ScannedBibtex {
  entries: RawEntry[]
  skipped: SkippedEntry[]
}

// An entry starts with "@type{" or "@type(" at the start of a line.
const ENTRY_START = /^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(]/gm

/** Why an entry cannot be read; the scanner skips it and goes on at the next entry. */
class EntryError extends Error {}

const OPEN_BRACE = 123
const CLOSE_BRACE = 125
const QUOTE = 34
const PERCENT = 37

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12
}

/** Characters BibTeX allows in keys, field and macro names. */
function isNameChar(c: number): boolean {
  return (
    c > 32 &&
    c !== OPEN_BRACE &&
    c !== CLOSE_BRACE &&
    c !== 40 && // (
    c !== 41 && // )
    c !== 44 && // ,
    c !== 61 && // =
    c !== 35 && // #
    c !== QUOTE &&
    c !== PERCENT
  )
}

class Scanner {
  pos = 0
  /** Newlines before `lineAt`; advanced lazily so that counting lines stays linear. */
  private lineAt = 0
  private lines = 1
  private readonly strings = new Map<string, string>()

  constructor(private readonly text: string) {
    MONTHS.forEach((name, index) => this.strings.set(name, String(index + 1)))
  }

  lineOf(index: number): number {
    const text = this.text
    for (let i = this.lineAt; i < index; i++) if (text.charCodeAt(i) === 10) this.lines++
    this.lineAt = Math.max(this.lineAt, index)
    return this.lines
  }

  /** Skips white space, and `%` comments to the end of their line (biber reads them so). */
  skipSpace(): void {
    const text = this.text
    for (;;) {
      while (this.pos < text.length && isSpace(text.charCodeAt(this.pos))) this.pos++
      if (text.charCodeAt(this.pos) !== PERCENT) return
      const end = text.indexOf('\n', this.pos)
      this.pos = end === -1 ? text.length : end + 1
    }
  }

  expect(char: string): void {
    this.skipSpace()
    if (this.text[this.pos] !== char) throw new EntryError(this.unexpected(`"${char}"`))
    this.pos++
  }

  unexpected(wanted: string): string {
    const found = this.text.slice(this.pos, this.pos + 20)
    const line = this.lineOf(this.pos)
    return found === ''
      ? `the file ends where ${wanted} was expected`
      : `expected ${wanted} at line ${line}, found "${found.split('\n')[0] ?? ''}"`
  }

  name(): string {
    this.skipSpace()
    const start = this.pos
    const text = this.text
    while (this.pos < text.length && isNameChar(text.charCodeAt(this.pos))) this.pos++
    return text.slice(start, this.pos)
  }

  /** The text of a balanced {…} group starting at pos (without the outer braces). */
  braced(): string {
    const text = this.text
    const start = ++this.pos
    let depth = 1
    let deepest = 1
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos++)
      if (c === OPEN_BRACE) {
        if (++depth > deepest) deepest = depth
      } else if (c === CLOSE_BRACE && --depth === 0) {
        if (deepest > MAX_BIBTEX_NESTING) {
          throw new EntryError(`braces are nested more than ${MAX_BIBTEX_NESTING} levels deep`)
        }
        return text.slice(start, this.pos - 1)
      }
    }
    throw new EntryError('a "{" is never closed')
  }

  /**
   * The text of a "…" value (braces inside may hold quotes). A quote that is
   * not followed by what may follow a value ("," "}" "#" or the entry's end)
   * is part of the text, as reference managers read `"based on **"chain"**."`.
   */
  quoted(close: string): string {
    const text = this.text
    const start = ++this.pos
    let depth = 0
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos++)
      if (c === OPEN_BRACE) depth++
      else if (c === CLOSE_BRACE) depth--
      else if (c === QUOTE && depth <= 0 && this.endsValue(close)) {
        return text.slice(start, this.pos - 1)
      }
    }
    throw new EntryError('a quoted value is never closed')
  }

  private endsValue(close: string): boolean {
    const text = this.text
    let at = this.pos
    while (at < text.length && isSpace(text.charCodeAt(at))) at++
    const next = text[at]
    return next === undefined || next === ',' || next === '#' || next === close
  }

  /** value ("#" value)*: braced, quoted, a number or a macro. */
  value(close: string): string {
    let value = ''
    for (;;) {
      this.skipSpace()
      const c = this.text.charCodeAt(this.pos)
      if (c === OPEN_BRACE) value += this.braced()
      else if (c === QUOTE) value += this.quoted(close)
      else {
        const name = this.name()
        if (name === '') throw new EntryError(this.unexpected('a value'))
        if (/^\d+$/.test(name)) value += name
        else {
          const expansion = this.strings.get(name.toLowerCase())
          if (expansion === undefined)
            throw new EntryError(`Unresolved @string reference "${name}"`)
          value += expansion
        }
      }
      this.skipSpace()
      if (this.text[this.pos] !== '#') return value
      this.pos++
    }
  }

  /** `name = value` pairs separated by commas, up to the closing delimiter. */
  assignments(close: string, each: (name: string, value: string) => void): void {
    for (;;) {
      this.skipSpace()
      if (this.text[this.pos] === close) {
        this.pos++
        return
      }
      const name = this.name()
      if (name === '') throw new EntryError(this.unexpected('a field name'))
      this.expect('=')
      each(name.toLowerCase(), this.value(close))
      this.skipSpace()
      const next = this.text[this.pos]
      if (next === ',') this.pos++
      else if (next !== close) throw new EntryError(this.unexpected(`"${close}" or ","`))
    }
  }

  defineStrings(close: string): void {
    this.assignments(close, (name, value) => this.strings.set(name, value))
  }

  /** Reads an entry whose head ("@type{") ends at pos. */
  entry(type: string, close: string): Omit<RawEntry, 'line' | 'index'> {
    this.skipSpace()
    const start = this.pos
    const text = this.text
    // Keys may hold characters field names may not (e.g. "="); a key ends at "," or the close.
    while (this.pos < text.length && text[this.pos] !== ',' && text[this.pos] !== close) {
      if (text[this.pos] === '\n' || text[this.pos] === '{' || text[this.pos] === '}') {
        throw new EntryError(this.unexpected('","'))
      }
      this.pos++
    }
    const key = text.slice(start, this.pos).trim()
    const fields = new Map<string, string>()
    if (text[this.pos] === close) {
      this.pos++
      return { type, key, fields }
    }
    this.pos++
    this.assignments(close, (name, value) => {
      // A field given twice keeps its first value, but keywords add up (as biber reads them).
      const first = fields.get(name)
      if (first === undefined) fields.set(name, value)
      else if (name === 'keywords') fields.set(name, `${first},${value}`)
    })
    return { type, key, fields }
  }

  /** Skips a @comment or @preamble body. */
  skipGroup(close: string): void {
    if (close === '}') {
      this.pos--
      this.braced()
      return
    }
    const end = this.text.indexOf(')', this.pos)
    this.pos = end === -1 ? this.text.length : end + 1
  }
}

/**
 * Reads the entries of `text` in order; an entry that cannot be read is
 * skipped with its reason. `run` may stop between entries and be called again
 * (so that a long scan can hand the event loop a turn now and then).
 */
export class BibtexScan {
  readonly entries: RawEntry[] = []
  readonly skipped: SkippedEntry[] = []
  private readonly scanner: Scanner
  private readonly heads = new RegExp(ENTRY_START.source, 'gm')
  private index = 0

  constructor(private readonly text: string) {
    this.scanner = new Scanner(text)
  }

  /** Scans until the end (true) or until `stop()`, asked every 64 entries, says so (false). */
  run(stop: () => boolean = () => false): boolean {
    const { text, heads } = this
    let count = 0
    for (let head = heads.exec(text); head !== null; head = heads.exec(text)) {
      this.read(head)
      if ((++count & 63) === 0 && stop()) return false
    }
    return true
  }

  private read(head: RegExpExecArray): void {
    const { heads, scanner } = this
    const type = (head[1] ?? '').toLowerCase()
    const at = head.index + head[0].indexOf('@')
    const line = scanner.lineOf(at)
    const close = head[0].endsWith('(') ? ')' : '}'
    const isString = type === 'string'
    const counted = !isString && type !== 'comment' && type !== 'preamble'
    if (counted) this.index++
    scanner.pos = heads.lastIndex
    try {
      if (type === 'comment' || type === 'preamble') scanner.skipGroup(close)
      else if (isString) scanner.defineStrings(close)
      else {
        const entry = scanner.entry(type, close)
        if (scanner.pos - at > MAX_BIBTEX_ENTRY_CHARS) {
          throw new EntryError(
            `the entry is ${Math.round((scanner.pos - at) / 1000)} kB long; entries over ` +
              `${MAX_BIBTEX_ENTRY_CHARS / 1000} kB are not read`,
          )
        }
        this.entries.push({ ...entry, line, index: this.index })
      }
    } catch (error) {
      if (!(error instanceof EntryError)) throw error
      this.skipped.push({ line, ...(counted ? { entry: this.index } : {}), reason: error.message })
      // Go on at the next line after the head: the next entry may start there.
      scanner.pos = heads.lastIndex
    }
    heads.lastIndex = Math.max(heads.lastIndex, scanner.pos)
  }
}

/** Reads every entry of `text` in one go. */
export function scanBibtex(text: string): ScannedBibtex {
  const scan = new BibtexScan(text)
  scan.run()
  return { entries: scan.entries, skipped: scan.skipped }
}
