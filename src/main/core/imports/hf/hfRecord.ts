// What every Hugging Face form (API JSON, saved page, markdown or text-browser
// capture) says about one paper, and how it becomes a ParsedRecord: the arXiv
// id gives the arXiv, PDF and Hugging Face links; the code repository and the
// project page are links too, beside their own fields.
import { extractLinks, idLink } from '../abstractLinks'
import type { ParsedRecord } from '../parsedRecord'

export interface HfPaper {
  title: string
  abstract: string
  arxivId?: string
  authors: string[]
  /** When the source has no names, only "8 authors". */
  authorCount?: number
  organization?: string
  upvotes?: number
  comments?: number
  /** ISO date of the paper's day on Daily Papers. */
  dailyDate?: string
  /** ISO date of publication (on arXiv). */
  published?: string
  githubRepo?: string
  githubStars?: number
  projectPage?: string
  aiSummary?: string
  aiKeywords?: string[]
  /** 1-based line where the paper starts in the text. */
  line: number
}

/** The links a Hugging Face paper has: arXiv, PDF, its HF page, code, project, then the abstract's. */
export function hfLinks(
  paper: Pick<HfPaper, 'arxivId' | 'githubRepo' | 'projectPage' | 'abstract'>,
) {
  // The id's own links are made, not parsed (a third of an API import's reading went there).
  const id = paper.arxivId
  const idLinks =
    id === undefined
      ? []
      : [
          idLink(`arxiv.org/abs/${id}`, 'other'),
          idLink(`arxiv.org/pdf/${id}`, 'pdf'),
          idLink(`huggingface.co/papers/${id}`, 'other'),
        ]
  // Only texts with a "://" can hold a URL: most abstracts have none.
  const urls = [paper.githubRepo, paper.projectPage, paper.abstract].filter(
    (text): text is string => text !== undefined && text.includes('://'),
  )
  return urls.length === 0 ? idLinks : extractLinks(urls.join(' \n '), idLinks)
}

/** One HF paper as the record every importer produces; absent fields stay absent. */
export function hfRecord(paper: HfPaper, entry: number): ParsedRecord {
  const record: ParsedRecord = {
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors,
    links: hfLinks(paper),
    tags: [],
    upvotes: paper.upvotes ?? 0,
    line: paper.line,
    entry,
  }
  if (paper.arxivId !== undefined) record.arxivId = paper.arxivId
  if (paper.authorCount !== undefined && paper.authors.length === 0) {
    record.authorCount = paper.authorCount
  }
  if (paper.organization !== undefined) record.organization = paper.organization
  if (paper.comments !== undefined) record.comments = paper.comments
  if (paper.dailyDate !== undefined) record.dailyDate = paper.dailyDate
  if (paper.published !== undefined) record.published = paper.published
  if (paper.githubRepo !== undefined) record.githubRepo = paper.githubRepo
  if (paper.githubStars !== undefined) record.githubStars = paper.githubStars
  if (paper.projectPage !== undefined) record.projectPage = paper.projectPage
  if (paper.aiSummary !== undefined) record.aiSummary = paper.aiSummary
  if (paper.aiKeywords !== undefined && paper.aiKeywords.length > 0) {
    record.aiKeywords = paper.aiKeywords
  }
  return record
}

/**
 * Whitespace runs (arXiv's hard line wraps) as single spaces, and none at the
 * ends. Most texts (names, keywords, most titles) have nothing to squash: a
 * look at their characters says so, cheaper than any regex for short ones.
 */
export function squashSpace(text: string): string {
  if (text.length <= SHORT_TEXT) return isSquashed(text) ? text : text.replace(/\s+/g, ' ').trim()
  // Abstracts are wrapped with single newlines: those go by plain replacement,
  // and the regex runs only when other whitespace or a run of spaces is left.
  const lines = text.includes('\n') ? text.replaceAll('\n', ' ') : text
  return (OTHER_SPACE.test(lines) ? lines.replace(/\s+/g, ' ') : lines).trim()
}

/** Texts up to this long are looked at character by character. */
const SHORT_TEXT = 256

// Whitespace but the space (\s less " ", spelled out: a class V8 tests faster than [^\S ]), or two spaces.
const OTHER_SPACE = /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/

/** No whitespace but single spaces between words: what squashSpace would return unchanged. */
function isSquashed(text: string): boolean {
  // A space before the first character: a leading space is not squashed.
  let afterSpace = true
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0x20) {
      if (afterSpace) return false
      afterSpace = true
    } else if (code > 0x20 && code < 0xa0) {
      afterSpace = false
    } else if (code < 0x20 ? code >= 0x09 && code <= 0x0d : isOtherSpace(code)) {
      return false
    } else {
      afterSpace = false
    }
  }
  return !afterSpace || text.length === 0
}

/** The whitespace of \s from U+00A0 on. */
function isOtherSpace(code: number): boolean {
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/**
 * Papers listed more than once on one page (trending pages list each twice)
 * as one: the first place it appears, each field from whichever copy has it.
 */
export function dedupePapers(papers: HfPaper[]): { papers: HfPaper[]; repeats: number } {
  const byKey = new Map<string, HfPaper>()
  // The papers copied to be filled in: the caller's own are never changed.
  const copies = new Set<HfPaper>()
  let repeats = 0
  for (const paper of papers) {
    const key = paper.arxivId ?? squashSpace(paper.title).toLowerCase()
    let seen = byKey.get(key)
    if (seen === undefined) {
      byKey.set(key, paper)
      continue
    }
    if (!copies.has(seen)) {
      seen = { ...seen }
      copies.add(seen)
      byKey.set(key, seen)
    }
    repeats++
    if (paper.abstract.length > seen.abstract.length) seen.abstract = paper.abstract
    if (paper.authors.length > seen.authors.length) seen.authors = paper.authors
    for (const field of FILLED_FIELDS) fillField(seen, paper, field)
  }
  return { papers: [...byKey.values()], repeats }
}

function fillField<K extends keyof HfPaper>(into: HfPaper, from: HfPaper, field: K): void {
  if (into[field] === undefined) into[field] = from[field]
}

const FILLED_FIELDS = [
  'arxivId',
  'authorCount',
  'organization',
  'upvotes',
  'comments',
  'dailyDate',
  'published',
  'githubRepo',
  'githubStars',
  'projectPage',
  'aiSummary',
  'aiKeywords',
] as const satisfies readonly (keyof HfPaper)[]

/** "11.3k" -> 11300, "476" -> 476. */
export function starCount(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined
  const k = text.endsWith('k') || text.endsWith('K')
  const value = Number(k ? text.slice(0, -1) : text)
  return Number.isFinite(value) ? Math.round(value * (k ? 1000 : 1)) : undefined
}
