// Parser for the plain text of a Hugging Face "Daily Papers" listing page, as
// produced by selecting the page in a browser and copying it.
//
// The text is page boilerplate ("Daily Papers", "Subscribe", the page date...)
// followed by entries: a title line, a blank line, the abstract paragraph and,
// usually, a footer block:
//
//     Learning to Grasp Anything by Playing with Random Toys
//
//     Robotic manipulation policies often struggle to ...
//
//     Berkeley UC Berkeley        <- or "  • 9 authors"
//     ·
//     Oct 14, 2025 2              <- date, optional year, optional upvote count
//
// The parser splits the text into blank-line separated blocks, peels a footer
// off the end of each block, and runs a small state machine over the rest. It
// never relies on line positions, and runs in time linear in the input.

import type { PaperLink, SkippedEntry } from '../../../shared/model'
import { extractLinks } from './abstractLinks'
import { iso, localToday, parseDateLine, parseIsoOption, resolveDate } from './pageDates'
import { titleProblem } from './titleCheck'
import type { DateLine, DayMonth } from './pageDates'

export interface ParsedListingPaper {
  title: string
  /** Exactly as in the file, whitespace-trimmed only (line breaks normalized to \n). */
  abstract: string
  authorCount?: number
  /** Display name, e.g. 'UC Berkeley', 'SambaNova', 'Apple'. */
  organization?: string
  /** ISO YYYY-MM-DD. */
  published?: string
  /** Trailing number on the date line, 0 when absent. */
  upvotes: number
  /** extractLinks(abstract). */
  links: PaperLink[]
  /** 1-based line of the title. */
  line: number
}

export interface ParsedListing {
  /** ISO date of the page header date (e.g. 'Feb 9'), resolved to a year. */
  pageDate?: string
  papers: ParsedListingPaper[]
  /** Blocks that looked like an entry but could not be one, with line and reason. */
  skipped: SkippedEntry[]
  /** The last paper, when the text ends before its footer: imported with what is there. */
  partial?: SkippedEntry[]
}

export interface ParseListingOptions {
  /** Fixes the page date (ISO). The bundled sample uses '2026-02-09'. */
  pageDate?: string
  /** "Today" as ISO date, used to give a year to a year-less page date; defaults to the real today. */
  today?: string
}

/** The text is not a Daily Papers listing at all (empty, binary, unrelated prose). */
export class ListingFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ListingFormatError'
  }
}

// ---------------------------------------------------------------------------
// Line classification

// "• 9 authors" (the page writes "1 authors" too).
const AUTHOR_LINE = /^(?:[•·*-]\s*)?(\d{1,5})\s+authors?$/i
const SEPARATOR_LINES = new Set(['·', '•', '⋅'])

// Lines of the page around the entries. The strong ones prove the text comes
// from a Daily Papers page; the weak ones are just skipped.
const STRONG_BOILERPLATE = new Set([
  'get trending papers in your email inbox!',
  'daily papers',
  'byak and the research community',
])
const WEAK_BOILERPLATE = new Set(['new', 'subscribe'])

function parseAuthorLine(line: string): number | undefined {
  const m = AUTHOR_LINE.exec(line)
  return m ? Number(m[1]) : undefined
}

function wordCount(line: string): number {
  return line.split(/\s+/).length
}

function isBoilerplate(line: string): boolean {
  const key = line.toLowerCase()
  return STRONG_BOILERPLATE.has(key) || WEAK_BOILERPLATE.has(key)
}

/** A line that can be a paper title: one short line with letters in it, not markup, page furniture or a date. */
function isTitleLike(line: string): boolean {
  return (
    line.length >= 2 &&
    line.length <= 300 &&
    wordCount(line) <= 50 &&
    titleProblem(line) === undefined
  )
}

function endsWithPeriod(text: string): boolean {
  return /[.!]["'’”)\]]?$/.test(text)
}

/** A paragraph that reads like an abstract rather than a title. */
function isAbstractLike(text: string, lineCount: number): boolean {
  return lineCount > 1 || text.length >= 200 || endsWithPeriod(text)
}

/** "apple Apple" -> "Apple", "Berkeley UC Berkeley" -> "UC Berkeley": handle, then display name. */
function organizationName(line: string): string {
  const space = line.search(/\s/)
  return space < 0 ? line : line.slice(space).trim()
}

/** A short line that can be an organization line ("sambanovasystems SambaNova"). */
function isOrganizationLike(line: string): boolean {
  return line.length <= 80 && wordCount(line) <= 8 && /\p{L}/u.test(line)
}

// ---------------------------------------------------------------------------
// Blocks

interface Line {
  /** 1-based line number. */
  n: number
  raw: string
  text: string
}

interface Block {
  lines: Line[]
}

interface Footer {
  line: number
  authorCount?: number
  organization?: string
  date?: DateLine
}

function splitLines(text: string): Line[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  return body.split(/\r\n|\r|\n/).map((raw, i) => ({ n: i + 1, raw, text: raw.trim() }))
}

function splitBlocks(lines: Line[]): Block[] {
  const blocks: Block[] = []
  let current: Line[] = []
  for (const line of lines) {
    if (line.text === '') {
      if (current.length > 0) blocks.push({ lines: current })
      current = []
    } else {
      current.push(line)
    }
  }
  if (current.length > 0) blocks.push({ lines: current })
  return blocks
}

/**
 * Peels a footer ([organization | authors] · date) off the end of a block.
 * Returns the remaining text lines and the footer, if there was one.
 */
function splitFooter(lines: Line[]): { text: Line[]; footer?: Footer } {
  let i = lines.length
  const at = (k: number): Line | undefined => (k >= 0 ? lines[k] : undefined)
  let date: DateLine | undefined
  let separator = false
  let authorCount: number | undefined
  let organization: string | undefined

  const last = at(i - 1)
  if (last) {
    date = parseDateLine(last.text)
    if (date) i--
  }
  const sep = at(i - 1)
  if (sep && SEPARATOR_LINES.has(sep.text)) {
    separator = true
    i--
  }
  const authors = at(i - 1)
  if (authors) {
    authorCount = parseAuthorLine(authors.text)
    if (authorCount !== undefined) i--
  }
  const org = at(i - 1)
  // An organization line is only trusted right before the "·" separator, or
  // as the first line of a block that ends with a date.
  if (
    org &&
    (separator || (date !== undefined && i - 1 === 0)) &&
    isOrganizationLike(org.text) &&
    parseAuthorLine(org.text) === undefined
  ) {
    organization = organizationName(org.text)
    i--
  }
  if (!date && !separator && authorCount === undefined) return { text: lines }

  const first = at(i)
  const footer: Footer = { line: first ? first.n : 0 }
  if (authorCount !== undefined) footer.authorCount = authorCount
  if (organization !== undefined) footer.organization = organization
  if (date) footer.date = date
  return { text: lines.slice(0, i), footer }
}

// ---------------------------------------------------------------------------
// Guards

function assertText(text: string): void {
  if (text.includes('\u0000')) {
    throw new ListingFormatError(
      'This is a binary file, not the text of a Daily Papers page (it contains NUL bytes).',
    )
  }
  let unprintable = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) ||
      (c >= 0x7f && c <= 0x9f) ||
      c === 0xfffd
    ) {
      unprintable++
    }
  }
  if (unprintable > 0 && unprintable * 10 > text.length) {
    throw new ListingFormatError(
      'This looks like a binary file, not the text of a Daily Papers page (much of it is unreadable characters).',
    )
  }
}

// ---------------------------------------------------------------------------
// Parser

interface EntryDraft {
  title: string
  line: number
  abstract: string
}

type State =
  | { kind: 'none' }
  | { kind: 'title'; title: string; line: number }
  | { kind: 'entry'; entry: EntryDraft }

interface FinishedEntry {
  entry: EntryDraft
  footer?: Footer
}

function joinLines(lines: Line[]): string {
  return lines
    .map((l) => l.raw)
    .join('\n')
    .trim()
}

/**
 * Parses the copied text of a Daily Papers listing page.
 * Throws ListingFormatError when the text contains no usable entry.
 */
export function parseHfListing(text: string, options: ParseListingOptions = {}): ParsedListing {
  assertText(text)
  const blocks = splitBlocks(splitLines(text))
  if (blocks.length === 0) {
    throw new ListingFormatError('The text is empty: there are no Daily Papers entries in it.')
  }
  const today = options.today !== undefined ? parseIsoOption(options.today, 'today') : localToday()
  const fixedPageDate =
    options.pageDate !== undefined ? parseIsoOption(options.pageDate, 'pageDate') : undefined

  const finished: FinishedEntry[] = []
  const skipped: SkippedEntry[] = []
  // Widened with `as`: the handlers below reassign it, which narrowing does not see.
  let state = { kind: 'none' } as State
  let headerDate: DayMonth | undefined
  let seenTitle = false
  let strongBoilerplate = 0
  // The title skipped because another title-like line followed it; at the end
  // of the text, that line may be its abstract, cut short.
  let titleBefore: { title: string; line: number; skip: number } | undefined

  const skipTitle = (title: string, line: number): void => {
    skipped.push({ line, reason: `"${title}" has no abstract after it` })
  }
  const startTitle = (line: Line): void => {
    seenTitle = true
    titleBefore = undefined
    state = { kind: 'title', title: line.text, line: line.n }
  }
  const startEntry = (title: Line, abstractLines: Line[]): void => {
    seenTitle = true
    state = {
      kind: 'entry',
      entry: { title: title.text, line: title.n, abstract: joinLines(abstractLines) },
    }
  }

  const handleText = (lines: Line[]): void => {
    const first = lines[0]
    if (!first) return
    const single = lines.length === 1
    const rest = lines.slice(1)
    switch (state.kind) {
      case 'none':
        if (!isTitleLike(first.text)) {
          skipped.push({ line: first.n, reason: 'Paragraph without a title line before it' })
        } else if (single) {
          startTitle(first)
        } else {
          startEntry(first, rest)
        }
        return
      case 'title': {
        const paragraph = joinLines(lines)
        if (single && isTitleLike(first.text) && !isAbstractLike(paragraph, 1)) {
          // Two titles in a row: the first one lost its abstract.
          const before = { title: state.title, line: state.line, skip: skipped.length }
          skipTitle(state.title, state.line)
          startTitle(first)
          titleBefore = before
        } else {
          state = {
            kind: 'entry',
            entry: { title: state.title, line: state.line, abstract: paragraph },
          }
        }
        return
      }
      case 'entry': {
        if (isTitleLike(first.text) && !endsWithPeriod(first.text)) {
          // The previous entry had no footer; this is the next title.
          finished.push({ entry: state.entry })
          if (single) startTitle(first)
          else startEntry(first, rest)
        } else {
          // A second paragraph of the same abstract.
          state.entry.abstract = `${state.entry.abstract}\n\n${joinLines(lines)}`
        }
        return
      }
    }
  }

  const handleFooter = (footer: Footer): void => {
    switch (state.kind) {
      case 'entry':
        finished.push({ entry: state.entry, footer })
        break
      case 'title':
        skipTitle(state.title, state.line)
        break
      case 'none':
        skipped.push({ line: footer.line, reason: 'Author or date line without a paper above it' })
        break
    }
    state = { kind: 'none' }
  }

  for (const block of blocks) {
    const lines = block.lines
    // Page boilerplate, and the page date before the first entry.
    const boilerplate = lines.every(
      (l) => isBoilerplate(l.text) || (!seenTitle && parseDateLine(l.text) !== undefined),
    )
    if (boilerplate) {
      for (const l of lines) {
        if (STRONG_BOILERPLATE.has(l.text.toLowerCase())) strongBoilerplate++
        const date = parseDateLine(l.text)
        if (date && headerDate === undefined) headerDate = date
      }
      continue
    }
    const { text: textLines, footer } = splitFooter(lines)
    handleText(textLines)
    if (footer) handleFooter(footer)
  }
  const hasFooter = finished.some((f) => f.footer !== undefined)
  const partial: SkippedEntry[] = []
  // Text that ends before the last paper's footer, where the others have one,
  // was cut off: the paper is imported with what is there, and that is said.
  const cutOff = (entry: EntryDraft): void => {
    finished.push({ entry })
    partial.push({
      line: entry.line,
      reason: `"${entry.title}": the text ends before its author and date line (its abstract may be cut off); imported with the ${entry.abstract.length} characters of abstract that are there, and no authors, date or upvotes`,
    })
  }
  if (state.kind === 'title' && hasFooter && titleBefore !== undefined) {
    // "Title", then a short last paragraph: the abstract, cut short.
    skipped.splice(titleBefore.skip, 1)
    cutOff({ title: titleBefore.title, line: titleBefore.line, abstract: state.title })
  } else if (state.kind === 'title' && hasFooter) {
    skipped.push({
      line: state.line,
      reason: `"${state.title}": the text ends at its title, before its abstract, so it was not imported`,
    })
  } else if (state.kind === 'title') skipTitle(state.title, state.line)
  else if (state.kind === 'entry' && hasFooter) cutOff(state.entry)
  else if (state.kind === 'entry') finished.push({ entry: state.entry })

  if (finished.length === 0 || (!hasFooter && strongBoilerplate === 0)) {
    const firstSkip = skipped[0]
    const detail =
      finished.length === 0 && firstSkip
        ? ` ${skipped.length} block(s) looked like entries but were incomplete (first at line ${firstSkip.line}: ${firstSkip.reason}).`
        : ''
    throw new ListingFormatError(
      `No Daily Papers entries were found in this text: an entry is a title, its abstract, and an author and date line.${detail}`,
    )
  }

  const pageDate =
    fixedPageDate ?? (headerDate !== undefined ? resolveDate(headerDate, today) : undefined)
  const reference = pageDate ?? today

  const papers = finished.map(({ entry, footer }): ParsedListingPaper => {
    const paper: ParsedListingPaper = {
      title: entry.title,
      abstract: entry.abstract,
      upvotes: footer?.date?.upvotes ?? 0,
      links: extractLinks(entry.abstract),
      line: entry.line,
    }
    if (footer?.authorCount !== undefined) paper.authorCount = footer.authorCount
    if (footer?.organization !== undefined) paper.organization = footer.organization
    const published = footer?.date ? resolveDate(footer.date, reference) : undefined
    if (published) paper.published = iso(published)
    return paper
  })

  const result: ParsedListing = { papers, skipped, ...(partial.length > 0 ? { partial } : {}) }
  if (pageDate) result.pageDate = iso(pageDate)
  return result
}

/** Cheap sniff: does this text look like a copied Daily Papers listing? */
export function looksLikeHfListing(text: string): boolean {
  const head = text.slice(0, 65536)
  if (head.includes('\u0000')) return false
  const lines = head.split(/\r\n|\r|\n/).map((l) => l.trim())
  let markers = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (STRONG_BOILERPLATE.has(line.toLowerCase())) markers++
    if (markers >= 2) return true
    const next = lines[i + 1] ?? ''
    if (SEPARATOR_LINES.has(line) && parseDateLine(next)) return true
    if (parseAuthorLine(line) !== undefined && SEPARATOR_LINES.has(next)) return true
  }
  return false
}
