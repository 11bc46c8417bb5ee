// What a paper's title never is, whatever the format: markup (`###`, `][`,
// link syntax, a bare URL), the furniture of the page it was saved from (navigation,
// "Subscribe", "Daily Papers"), a date, or a paragraph. Every page-like
// importer asks this before it accepts a line as a title.
import { parseDateLine } from './pageDates'

// Lines of Hugging Face's pages around the papers, never a paper's title.
const PAGE_FURNITURE = new Set([
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
  'byak and the research community',
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
  'content truncated',
  '[content truncated]',
])

/** A line of the page around the papers (headings' `#` marks ignored). */
export function isPageFurniture(text: string): boolean {
  return PAGE_FURNITURE.has(
    text
      .replace(/^#+\s*/, '')
      .trim()
      .toLowerCase(),
  )
}

/** Why `title` cannot be a paper's title, or undefined when it can. */
export function titleProblem(title: string): string | undefined {
  if (title === '') return 'its heading is empty'
  if (!/\p{L}/u.test(title)) return `"${title}" has no words`
  if (/\]\(|\]\[|^\[|^#|^!\[|^```|^[*•·]\s|^-\s/.test(title))
    return `"${title}" is markup, not a title`
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(title)) return `"${title}" is a link, not a title`
  if (isPageFurniture(title)) return `"${title}" is part of the page, not a paper`
  if (parseDateLine(title) !== undefined) return `"${title}" is a date, not a title`
  if (/^(?:[-*•]\s*)?\d+\s+authors?$/i.test(title))
    return `"${title}" is an author count, not a title`
  if (title.length > 300) return 'it is too long for a title'
  if ((title.match(/[.!?] \p{Lu}/gu)?.length ?? 0) >= 2)
    return `"${title}" reads like a paragraph, not a title`
  return undefined
}
