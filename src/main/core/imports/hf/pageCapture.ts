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
import { isPageFurniture as isBoilerplate, titleProblem } from '../titleCheck'
import { HfFormatError } from './apiJson'
import { dedupePapers, hfRecord, squashSpace, starCount } from './hfRecord'
import type { HfPaper } from './hfRecord'
import { hasPaperPage, paperPages } from './paperPageCapture'

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
// A plain-text export that puts every link's URL on a line of its own: the
// upvote button (" [-] 12" then its login URL) before the title, the paper's
// URL after it, an organization's page URL after its name.
const UPVOTE_BRACKET = /^\[-\]\s+(\d{1,7}|-)$/
const LOGIN_URL = /^https?:\/\/huggingface\.co\/login\?next=%2Fpapers%2F\S+$/
const PAPER_URL = /^https?:\/\/huggingface\.co\/papers\/[^\s#?/]+$/
const ORG_URL = /^https?:\/\/huggingface\.co\/[A-Za-z0-9_.-]+\/?$/
const BARE_URL = /^https?:\/\/\S+$/
const GITHUB_LINK = /^\[LINK:\s*GitHub\s*([\d.]+k?)?\]\((https?:\/\/github\.com\/[^)\s]+)\)$/i
const TRUNCATED = /^\[?(?:content truncated|\.\.\.\s*truncated)\]?\.?$/i
const LYNX_BRACKETS = /^(?:\[|\]|\]\[\d+\])$/
const AVATAR_LIST = /^\[[-*]\s*!\[/
const IMAGE_ONLY = /^(?:[-*]\s*)?!\[[^\]]*\]\([^)]*\)\\*$/

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
  if (hasPaperPage(text)) {
    const pages = dedupePapers(paperPages(lines, today)).papers
    if (pages.length > 0) {
      return {
        format: 'hf-page-capture',
        records: pages.map((paper, index) => hfRecord(paper, index + 1)),
        skipped: [],
        identifiers: [],
      }
    }
  }
  linkLinesAsHeadings(lines)
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
    if (stage === 'footer' && current !== undefined && BARE_COUNT.test(line)) {
      if (/#community$/.test(nextNonEmpty(lines, i))) {
        if (line !== '-') current.paper.comments = Number(line)
        continue
      }
    }
    if (
      line === '' ||
      BARE_URL.test(line) ||
      LYNX_BRACKETS.test(line) ||
      line.startsWith('```') ||
      IMAGE_ONLY.test(line)
    ) {
      if (line === '' && current !== undefined && stage === 'body') current.lines.push('')
      continue
    }
    const upvoteLink = UPVOTE_LINK.exec(line) ?? UPVOTE_BRACKET.exec(line)
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
    // A clipper wraps the avatars and the count in one link over several lines.
    if (AVATAR_LIST.test(line)) {
      current.footer = true
      stage = 'footer'
      continue
    }
    const unwrapped = line.replace(/^\[/, '').replace(/\]\([^)\s]*\)$/, '')
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
    if (
      stage === 'body' &&
      current.lines.some((l) => l !== '') &&
      line.length <= 80 &&
      !/[.!?]$/.test(line) &&
      ORG_URL.test(nextNonEmpty(lines, i))
    ) {
      paper.organization = squashSpace(line)
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
  const partial: SkippedEntry[] = []
  drafts.forEach((draft, index) => {
    const text = abstractText(draft.lines)
    const last = index === drafts.length - 1
    const cutOff = last && !draft.footer && (truncated || drafts.some((d) => d.footer))
    if (cutOff && text === '') {
      skipped.push({
        line: draft.paper.line,
        reason: `"${draft.paper.title}": the capture ends at its title, before its abstract, so it was not imported`,
      })
      return
    }
    if (cutOff) {
      // What is there is the paper's own text: imported, and the report says
      // what is missing. A later import of the whole abstract replaces it.
      partial.push({
        line: draft.paper.line,
        reason: `"${draft.paper.title}": the capture ends inside its abstract; imported with the first ${text.length} characters of it, and no authors, date or comments`,
      })
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
    ...(partial.length === 0 ? {} : { partial }),
  }
}

/** The next line after `i` with text on it, trimmed ('' at the end). */
function nextNonEmpty(lines: readonly string[], i: number): string {
  for (let j = i + 1; j < lines.length; j++) {
    const line = (lines[j] ?? '').trim()
    if (line !== '') return line
  }
  return ''
}

/**
 * In a plain-text export with URLs on lines of their own, the line between an
 * upvote button's login URL and the paper's URL is the title: written here as
 * the `### [Title](URL)` heading the rest of the reader knows.
 */
function linkLinesAsHeadings(lines: string[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (!LOGIN_URL.test((lines[i] ?? '').trim())) continue
    let j = i + 1
    while (j < lines.length && (lines[j] ?? '').trim() === '') j++
    let k = j + 1
    while (k < lines.length && (lines[k] ?? '').trim() === '') k++
    const title = (lines[j] ?? '').trim()
    const url = (lines[k] ?? '').trim()
    if (title === '' || BARE_URL.test(title) || !PAPER_URL.test(url)) continue
    lines[j] = `### [${title}](${url})`
    lines[k] = ''
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
  if (hasPaperPage(head)) return true
  if (
    /^https?:\/\/huggingface\.co\/login\?next=%2Fpapers%2F\S+$/m.test(head) &&
    /^https?:\/\/huggingface\.co\/papers\/[^\s#?/]+$/m.test(head)
  ) {
    return true
  }
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
