// What every Hugging Face form (API JSON, saved page, markdown or text-browser
// capture) says about one paper, and how it becomes a ParsedRecord: the arXiv
// id gives the arXiv, PDF and Hugging Face links; the code repository and the
// project page are links too, beside their own fields.
import { extractLinks } from '../abstractLinks'
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
  const urls: string[] = []
  if (paper.arxivId !== undefined) {
    urls.push(
      `https://arxiv.org/abs/${paper.arxivId}`,
      `https://arxiv.org/pdf/${paper.arxivId}`,
      `https://huggingface.co/papers/${paper.arxivId}`,
    )
  }
  if (paper.githubRepo !== undefined) urls.push(paper.githubRepo)
  if (paper.projectPage !== undefined) urls.push(paper.projectPage)
  urls.push(paper.abstract)
  return extractLinks(urls.join(' \n '))
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

/** Whitespace runs (arXiv's hard line wraps) as single spaces. */
export function squashSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * Papers listed more than once on one page (trending pages list each twice)
 * as one: the first place it appears, each field from whichever copy has it.
 */
export function dedupePapers(papers: HfPaper[]): { papers: HfPaper[]; repeats: number } {
  const byKey = new Map<string, HfPaper>()
  let repeats = 0
  for (const paper of papers) {
    const key = paper.arxivId ?? squashSpace(paper.title).toLowerCase()
    const seen = byKey.get(key)
    if (seen === undefined) {
      byKey.set(key, { ...paper })
      continue
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
