// A Hugging Face papers page captured as text by something other than the
// browser's copy: a web clipper's or scraper's markdown (jina, firecrawl,
// MarkDownload: `### [Title](…/papers/ID)`, `- 8 authors`,
// `[LINK: GitHub 11.3k](…)`) or a text browser's dump with numbered reference
// links (lynx / w3m: `### [Title][32]`, `* 3 authors`, the upvote count in
// its own `[ 65 ][35]` block before the title it belongs to). Daily, weekly,
// monthly, trending and search pages look alike; trending pages show each
// paper twice and the AI summary instead of the abstract.
//
// Recognition is by structure: a paper starts at a `###` heading whose text
// is a title, not markup, navigation or a date; what follows is its abstract
// and its footer (authors or organization, "·", date and comments). Anything
// that cannot be one is skipped with its line and why.
import type { SkippedEntry } from '../../../../shared/model'
import { parseArxivId } from '../identifiers'
import { iso, parseDateLine, parseIsoOption, resolveDate } from '../pageDates'
import type { YearMonthDay } from '../pageDates'
import type { ParsedImport } from '../parsedRecord'
import { HfFormatError } from './apiJson'
import { dedupePapers, hfRecord, squashSpace } from './hfRecord'
import type { HfPaper } from './hfRecord'

export interface PageCaptureOptions {
  /** "Today" (ISO), for the year of dates the page writes without one. */
  today: string
}

const HEADING = /^###\s+(.*)$/
const AUTHORS = /^(?:[-*•]\s*)?(\d{1,5})\s+authors?$/i
// `[Title][12]` (text browser) or `[Title](https://…)` (markdown).
const REF_LINK = /^\[(.*)\]\[\d+\]$/
const MD_LINK = /^\[(.*)\]\((\S+?)\)$/
// `[[microsoft] Microsoft][67]` or `[![occ-ai](avatar.png)OCC](https://huggingface.co/occ-ai)`.
const ORGANIZATION =
  /^\[!?\[[^\]]*\](?:\([^)\s]*\))?\s*([^[\]]+?)\](?:\[\d+\]|\(https?:\/\/huggingface\.co\/[^)\s]*\))$/
// "May 29", "Mar 8, 2024 [ 6][39]", "May 29[6](https://…#community)": the date, then comments.
const DATE_COMMENTS = /^(.+?)\s*\[\s*(\d+)\s*\](?:\[\d+\]|\([^)\s]*\))$/
// `[101](https://huggingface.co/login?next=%2Fpapers%2F2606.00683)`: a listing's upvote button.
const UPVOTE_LINK = /^\[(\d+|-)\]\(https?:\/\/huggingface\.co\/login\?next=[^)\s]*\)$/
const BARE_COUNT = /^(\d{1,7}|-)$/
const GITHUB_LINK = /^\[LINK:\s*GitHub\s*([\d.]+k?)?\]\((https?:\/\/github\.com\/[^)\s]+)\)$/i
const TRUNCATED = /^\[?(?:content truncated|\.\.\.\s*truncated)\]?\.?$/i
const LYNX_BRACKETS = /^(?:\[|\]|\]\[\d+\])$/
const IMAGE_ONLY = /^(?:[-*]\s*)?!\[[^\]]*\]\([^)]*\)\\*$/

// Lines of the page around the papers, never a paper's title.
const BOILERPLATE = new Set([
  'new',
  'subscribe',
  'daily papers',
  'trending papers',
  'get trending papers in your email inbox!',
  'get trending papers in your email inbox once a day!',
  'daily',
  'weekly',
  'monthly',
  'by ak and the research community',
  'web source',
  'hugging face',
  'models',
  'datasets',
  'spaces',
  'docs',
  'pricing',
  'log in',
  'sign up',
  'submit paper',
])

type Stage = 'head' | 'body' | 'footer'

interface Draft {
  paper: HfPaper
  lines: string[]
  /** Whether a footer (authors, organization, date) was seen after the abstract. */
  footer: boolean
}

/** Markdown and link wrappers off a line: what a reader of the page sees. */
function visible(line: string): string {
  return line
    .replace(/\\+$/, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .trim()
}

function isBoilerplate(text: string): boolean {
  return BOILERPLATE.has(text.replace(/^#+\s*/, '').toLowerCase())
}

/** Why `title` cannot be a paper's title, or undefined when it can. */
export function titleProblem(title: string): string | undefined {
  if (title === '') return 'its heading is empty'
  if (!/\p{L}/u.test(title)) return `"${title}" has no words`
  if (/\]\(|\]\[|^\[|^#|^!\[|^```/.test(title)) return `"${title}" is markup, not a title`
  if (isBoilerplate(title)) return `"${title}" is part of the page, not a paper`
  if (parseDateLine(title) !== undefined) return `"${title}" is a date, not a title`
  if (title.length > 400) return 'its heading is too long for a title'
  return undefined
}

/** "11.3k" -> 11300, "476" -> 476. */
function starCount(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined
  const k = text.endsWith('k') || text.endsWith('K')
  const value = Number(k ? text.slice(0, -1) : text)
  return Number.isFinite(value) ? Math.round(value * (k ? 1000 : 1)) : undefined
}

function arxivIdOfUrl(url: string): string | undefined {
  const hf = /huggingface\.co\/papers\/([^/?#)\s]+)/.exec(url)
  return parseArxivId(hf?.[1] ?? url)
}

/** A heading's text as a title and the paper URL its link points at. */
function headingTitle(raw: string): { title: string; url?: string } {
  const text = raw.trim()
  const ref = REF_LINK.exec(text)
  if (ref) return { title: squashSpace(visible(ref[1] ?? '')) }
  const md = MD_LINK.exec(text)
  if (md)
    return { title: squashSpace(visible((md[1] ?? '').replace(/\\\s+/g, ' '))), url: md[2] ?? '' }
  return { title: squashSpace(visible(text)) }
}

/** Is this a trending page, whose cards show the AI summary instead of the abstract? */
function isTrendingPage(head: string): boolean {
  return /^#*\s*Trending Papers\s*$/im.test(head) || /huggingface\.co\/papers\/trending/.test(head)
}

/** One sentence and short: what a trending card shows (the AI summary), not an abstract. */
function isOneSentence(text: string): boolean {
  const ends = text.match(/[.!?](?:\s|$)/g)?.length ?? 0
  return text.length <= 400 && ends <= 1 && !text.includes('\n\n')
}

export function parseHfPageCapture(text: string, options: PageCaptureOptions): ParsedImport {
  const today = parseIsoOption(options.today, 'today')
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const trending = isTrendingPage(text.slice(0, 65536))
  const drafts: Draft[] = []
  const skipped: SkippedEntry[] = []
  let pageDay: YearMonthDay | undefined
  let stage: Stage = 'head'
  let pendingUpvotes: number | undefined
  let truncated = false
  let current: Draft | undefined

  const dateOf = (line: string): string | undefined => {
    const date = parseDateLine(line)
    const day = date === undefined ? undefined : resolveDate(date, pageDay ?? today)
    return day === undefined ? undefined : iso(day)
  }

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? ''
    const line = raw.trim()
    if (TRUNCATED.test(line)) {
      truncated = true
      break
    }
    const heading = HEADING.exec(line)
    if (heading) {
      let content = heading[1] ?? ''
      // A text browser wraps a long title onto "### " lines; a clipper onto indented ones.
      while (content.startsWith('[') && !/\](?:\[\d+\]|\(\S*\))$/.test(content)) {
        const next = HEADING.exec((lines[i + 1] ?? '').trim())
        if (!next) break
        content = `${content} ${next[1] ?? ''}`
        i++
      }
      while (/^\s+\S/.test(lines[i + 1] ?? '') && !/^\s*[[#*-]/.test(lines[i + 1] ?? '')) {
        content = `${content} ${(lines[i + 1] ?? '').trim()}`
        i++
      }
      const { title, url } = headingTitle(content)
      const problem = titleProblem(title)
      if (problem !== undefined) {
        if (stage !== 'head') skipped.push({ line: i + 1, reason: `Heading skipped: ${problem}` })
        current = undefined
        stage = stage === 'head' ? 'head' : 'footer'
        continue
      }
      const paper: HfPaper = { title, abstract: '', authors: [], line: i + 1 }
      const arxivId = url === undefined ? undefined : arxivIdOfUrl(url)
      if (arxivId !== undefined) paper.arxivId = arxivId
      if (pendingUpvotes !== undefined) paper.upvotes = pendingUpvotes
      pendingUpvotes = undefined
      current = { paper, lines: [], footer: false }
      drafts.push(current)
      stage = 'body'
      continue
    }
    if (
      line === '' ||
      LYNX_BRACKETS.test(line) ||
      line.startsWith('```') ||
      IMAGE_ONLY.test(line)
    ) {
      if (line === '' && current !== undefined && stage === 'body') current.lines.push('')
      continue
    }
    const upvoteLink = UPVOTE_LINK.exec(line)
    if (upvoteLink || (stage !== 'body' && BARE_COUNT.test(line))) {
      const count = upvoteLink ? upvoteLink[1] : line
      pendingUpvotes = count === '-' || count === undefined ? 0 : Number(count)
      continue
    }
    if (stage === 'head' || current === undefined) {
      if (pageDay === undefined) {
        const date = parseDateLine(line)
        if (date !== undefined) pageDay = resolveDate(date, today)
      }
      continue
    }
    const paper = current.paper
    const unwrapped = MD_LINK.exec(line)?.[1] ?? line
    const authors = AUTHORS.exec(visible(unwrapped))
    if (authors) {
      paper.authorCount = Number(authors[1])
      current.footer = true
      stage = 'footer'
      continue
    }
    const github = GITHUB_LINK.exec(line)
    if (github) {
      paper.githubRepo = github[2] ?? ''
      const stars = starCount(github[1])
      if (stars !== undefined) paper.githubStars = stars
      current.footer = true
      stage = 'footer'
      continue
    }
    const organization = ORGANIZATION.exec(line)
    if (organization && stage === 'body' && current.lines.some((l) => l !== '')) {
      paper.organization = squashSpace(organization[1] ?? '')
      current.footer = true
      stage = 'footer'
      continue
    }
    if (line === '·') {
      current.footer = true
      stage = 'footer'
      continue
    }
    const dated = DATE_COMMENTS.exec(line)
    const published = dateOf(dated?.[1] ?? line)
    if (published !== undefined && (stage === 'footer' || current.lines.length > 0)) {
      paper.published = published
      if (dated?.[2] !== undefined) paper.comments = Number(dated[2])
      current.footer = true
      stage = 'footer'
      continue
    }
    if (stage === 'body' && !isBoilerplate(line)) current.lines.push(raw)
  }

  const papers: HfPaper[] = []
  drafts.forEach((draft, index) => {
    const text = abstractText(draft.lines)
    const last = index === drafts.length - 1
    if (last && !draft.footer && (truncated || drafts.some((d) => d.footer))) {
      skipped.push({
        line: draft.paper.line,
        reason: `"${draft.paper.title}": the capture ends inside this paper (its abstract is cut off), so it was not imported`,
      })
      return
    }
    if (text === '') {
      skipped.push({
        line: draft.paper.line,
        reason: `"${draft.paper.title}" has no abstract after it`,
      })
      return
    }
    if (trending && isOneSentence(text)) draft.paper.aiSummary = squashSpace(text)
    else draft.paper.abstract = text
    papers.push(draft.paper)
  })
  const { papers: unique } = dedupePapers(papers)
  if (unique.length === 0) {
    const first = skipped[0]
    throw new HfFormatError(
      `no paper could be read from this Hugging Face page capture${first === undefined ? '' : ` (line ${first.line}: ${first.reason})`}`,
    )
  }
  return {
    format: 'hf-page-capture',
    records: unique.map((paper, index) => hfRecord(paper, index + 1)),
    skipped,
    identifiers: [],
  }
}

/** The abstract's lines as text: link wrappers and line-end escapes off, wrapped lines joined. */
function abstractText(lines: string[]): string {
  const paragraphs: string[] = []
  let current: string[] = []
  for (const raw of lines) {
    if (raw.trim() === '') {
      if (current.length > 0) paragraphs.push(current.join(' '))
      current = []
      continue
    }
    current.push(raw.trim().replace(/\\+$/, '').trim())
  }
  if (current.length > 0) paragraphs.push(current.join(' '))
  let text = paragraphs.join('\n\n').trim()
  // A clipper wraps the abstract in a link to the paper: "[Abstract…](https://…/papers/ID)".
  const wrapped = /^\[([\s\S]*)\]\(https?:\/\/huggingface\.co\/papers\/[^)\s]*\)$/.exec(text)
  if (wrapped) text = wrapped[1] ?? ''
  return squashSpace(text)
}

/** A capture has `###` paper headings and Hugging Face's card footers ("8 authors", GitHub links). */
export function looksLikeHfPageCapture(head: string): boolean {
  if (!/huggingface\.co|hugging face|daily papers|trending papers/i.test(head)) return false
  const lines = head.split(/\r\n|\r|\n/)
  let headings = 0
  let footers = 0
  for (const raw of lines) {
    const line = raw.trim()
    if (HEADING.test(line)) headings++
    else if (AUTHORS.test(visible(MD_LINK.exec(line)?.[1] ?? line)) || GITHUB_LINK.test(line))
      footers++
    else if (ORGANIZATION.test(line)) footers++
    if (headings >= 1 && footers >= 1) return true
  }
  return false
}
