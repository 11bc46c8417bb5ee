// The Hugging Face API's JSON: /api/daily_papers (a list of daily entries,
// each wrapping its `paper`), /api/papers/{id} (one paper object), search
// results, and the same objects inside a saved page's hydration data
// ({ dailyPapers: [...] } on listings, { paper } on a paper page). A pure
// function from the JSON value to records; the online daily fetch reuses it.
import type { ParsedImport, ParsedRecord } from '../parsedRecord'
import type { SkippedEntry } from '../../../../shared/model'
import { parseArxivId } from '../identifiers'
import { jsonItemLines } from '../jsonItemLines'
import { dedupePapers, hfRecord, squashSpace } from './hfRecord'
import type { HfPaper } from './hfRecord'

/** The text is not Hugging Face data after all (not JSON, or no papers in it). */
export class HfFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'HfFormatError'
  }
}

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined
}

function obj(value: unknown): Json | undefined {
  return isObject(value) ? value : undefined
}

/** "2024-07-22T00:00:00.000Z" -> "2024-07-22" (the UTC day, as the site shows it). */
function isoDay(value: unknown): string | undefined {
  const text = str(value)
  const m = text === undefined ? null : /^(\d{4}-\d{2}-\d{2})(?:T|$)/.exec(text)
  return m?.[1]
}

function authorNames(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  const names: string[] = []
  for (const author of value) {
    const name = isObject(author) ? str(author['name']) : str(author)
    if (name !== undefined) names.push(squashSpace(name))
  }
  return names
}

function keywords(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined
  const words: string[] = []
  for (const word of value) {
    const text = str(word)
    if (text !== undefined) words.push(squashSpace(text))
  }
  return words.length > 0 ? words : undefined
}

function organizationName(value: unknown): string | undefined {
  const org = obj(value)
  if (org === undefined) return str(value)
  return str(org['fullname']) ?? str(org['name'])
}

/** Is this object one of HF's paper objects (`paper` inside a daily entry, or /api/papers/{id})? */
function isPaperObject(value: Json): boolean {
  return str(value['title']) !== undefined && (str(value['id']) !== undefined || 'summary' in value)
}

/** One daily entry ({ paper, title, numComments, … }) or a bare paper object, as an HfPaper. */
function paperOf(item: Json, line: number): HfPaper | string {
  const inner = obj(item['paper'])
  const paper = inner ?? item
  if (!isPaperObject(paper)) return 'it is not a Hugging Face paper (no title)'
  const wrapper = inner === undefined ? {} : item
  const title = squashSpace(str(wrapper['title']) ?? str(paper['title']) ?? '')
  if (title === '') return 'it has no title'
  const result: HfPaper = {
    title,
    abstract: squashSpace(str(paper['summary']) ?? str(wrapper['summary']) ?? ''),
    authors: authorNames(paper['authors']),
    line,
  }
  const id = str(paper['id'])
  const arxivId = id === undefined ? undefined : parseArxivId(id)
  if (arxivId !== undefined) result.arxivId = arxivId
  // A paper page's data names it submitterOrganization, beside its `paper`.
  const organization =
    organizationName(wrapper['organization']) ??
    organizationName(paper['organization']) ??
    organizationName(wrapper['submitterOrganization'])
  if (organization !== undefined) result.organization = squashSpace(organization)
  const upvotes = num(paper['upvotes']) ?? num(wrapper['upvotes'])
  if (upvotes !== undefined) result.upvotes = upvotes
  const comments = num(wrapper['numComments']) ?? num(paper['numComments'])
  if (comments !== undefined) result.comments = comments
  // The Daily Papers day is submittedOnDailyAt; the entry's own publishedAt is
  // the submission's moment, hours earlier, and can fall on the day before.
  const dailyDate = isoDay(paper['submittedOnDailyAt']) ?? isoDay(wrapper['submittedOnDailyAt'])
  if (dailyDate !== undefined) result.dailyDate = dailyDate
  const published = isoDay(paper['publishedAt'])
  if (published !== undefined) result.published = published
  const githubRepo = str(paper['githubRepo']) ?? str(wrapper['githubRepo'])
  if (githubRepo !== undefined) result.githubRepo = githubRepo.trim()
  const stars = num(paper['githubStars']) ?? num(wrapper['githubStars'])
  if (stars !== undefined && githubRepo !== undefined) result.githubStars = stars
  const projectPage = str(paper['projectPage']) ?? str(wrapper['projectPage'])
  if (projectPage !== undefined) result.projectPage = projectPage.trim()
  const aiSummary = str(paper['ai_summary']) ?? str(wrapper['ai_summary'])
  if (aiSummary !== undefined) result.aiSummary = squashSpace(aiSummary)
  const aiKeywords = keywords(paper['ai_keywords']) ?? keywords(wrapper['ai_keywords'])
  if (aiKeywords !== undefined) result.aiKeywords = aiKeywords
  return result
}

/** The list of entries a value holds: itself, or the page data's list, or one paper. */
function entriesOf(value: unknown): { items: unknown[]; listed: boolean } | undefined {
  if (Array.isArray(value)) return { items: value, listed: true }
  if (!isObject(value)) return undefined
  for (const key of LIST_KEYS) {
    const list = value[key]
    if (Array.isArray(list)) return { items: list, listed: true }
  }
  if (isObject(value['paper']) || isPaperObject(value)) return { items: [value], listed: false }
  return undefined
}

/** Where page data keeps its papers: listings, trending, search results. */
const LIST_KEYS = ['dailyPapers', 'papers', 'trendingPapers', 'searchResults', 'results'] as const

export interface HfApiPapers {
  papers: HfPaper[]
  skipped: SkippedEntry[]
  /** How many entries repeated a paper listed before them. */
  repeats: number
}

/**
 * The papers in a parsed HF API value. `lines` gives each list element's line
 * in the text (one number for all when they are not known).
 */
export function hfApiPapers(value: unknown, lines: readonly number[] | number = 1): HfApiPapers {
  const entries = entriesOf(value)
  if (entries === undefined) {
    throw new HfFormatError('it is JSON, but neither a list of Hugging Face papers nor one paper')
  }
  return papersOfItems(entries.items, lines)
}

/** The papers of a list's elements. */
function papersOfItems(items: readonly unknown[], lines: readonly number[] | number): HfApiPapers {
  const found: HfPaper[] = []
  const skipped: SkippedEntry[] = []
  for (const [index, item] of items.entries()) {
    const line = typeof lines === 'number' ? lines : (lines[index] ?? 1)
    const paper = isObject(item) ? paperOf(item, line) : 'it is not an object'
    if (typeof paper === 'string') {
      skipped.push({ line, entry: index + 1, reason: `Entry ${index + 1}: ${paper}` })
    } else {
      found.push(paper)
    }
  }
  const { papers, repeats } = dedupePapers(found)
  return { papers, skipped, repeats }
}

/**
 * The papers of a saved page's hydration data (JSON text), with the data
 * itself (its date). Undefined when the data is not valid JSON; HfFormatError
 * when it holds no list of papers nor one paper.
 */
export function hfPageDataPapers(
  json: string,
  line: number,
): { found: HfApiPapers; value: unknown } | undefined {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return undefined
  }
  return { found: hfApiPapers(value, line), value }
}

/** The records of a parsed HF API value: what the online daily fetch imports. */
export function hfApiRecords(value: unknown): { records: ParsedRecord[]; skipped: SkippedEntry[] } {
  const { papers, skipped } = hfApiPapers(value)
  return { records: papers.map((paper, index) => hfRecord(paper, index + 1)), skipped }
}

/**
 * Parses the text of an HF API response, whole: JSON.parse of the text and a
 * record made of each entry cost less than finding the entries first and
 * parsing them one at a time (README: Performance, "Hugging Face import").
 */
export function parseHfApiJson(text: string): ParsedImport {
  const json = text.replace(/^\uFEFF/, '')
  // The API answers on one line: every entry is on line 1, no need to scan for them.
  const lines = (): readonly number[] | number => (json.includes('\n') ? jsonItemLines(json) : 1)
  const { papers, skipped } = wholePapers(json, lines)
  if (papers.length === 0) {
    throw new HfFormatError('it is Hugging Face API JSON without any paper in it')
  }
  return {
    format: 'hf-api-json',
    records: papers.map((paper, index) => hfRecord(paper, index + 1)),
    skipped,
    identifiers: [],
  }
}

/** The papers of the text parsed whole: one paper, page data, or a list of other elements. */
function wholePapers(json: string, lines: () => readonly number[] | number): HfApiPapers {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    throw new HfFormatError(`it looks like Hugging Face API JSON but is not valid JSON (${detail})`)
  }
  return hfApiPapers(value, Array.isArray(value) ? lines() : 1)
}

// Keys only Hugging Face's paper objects carry, in the head of the text.
const HF_KEYS =
  /"(?:discussionId|submittedOnDailyAt|submittedOnDailyBy|ai_summary|ai_keywords|numComments|githubRepo)"\s*:/

/** Does the text look like HF API JSON (checked before CSL-JSON, which it also resembles)? */
export function looksLikeHfApiJson(head: string): boolean {
  const start = head.replace(/^\uFEFF/, '').trimStart()
  if (!start.startsWith('[') && !start.startsWith('{')) return false
  return HF_KEYS.test(head) && /"(?:summary|title)"\s*:/.test(head)
}
