// How dates and counts read in the UI.
import type { Paper, PaperSummary } from '../../../shared/model'
import { count as countOf } from '../../../shared/text/count'

const dateFormat = new Intl.DateTimeFormat('en', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
})

const monthFormat = new Intl.DateTimeFormat('en', {
  year: 'numeric',
  month: 'short',
  timeZone: 'UTC',
})

/**
 * "Jan 26, 2026" for an ISO date, "Dec 2017" or "2017" for a less precise one
 * (BibTeX often has only a year); empty when unknown or unparsable.
 */
export function formatDate(iso: string | undefined): string {
  if (iso === undefined) return ''
  if (/^\d{4}$/.test(iso)) return iso
  const month = /^\d{4}-\d{2}$/.test(iso)
  const time = Date.parse(month ? `${iso}-01T00:00:00Z` : `${iso.slice(0, 10)}T00:00:00Z`)
  if (Number.isNaN(time)) return ''
  return (month ? monthFormat : dateFormat).format(time)
}

/** "Ada Lovelace et al.", "9 authors", or the organization, whichever is known. */
export function bylineOf(
  paper: Pick<PaperSummary, 'organization' | 'authorCount'> & {
    authors?: string[]
    firstAuthor?: string
  },
): string {
  const names = paper.authors ?? (paper.firstAuthor !== undefined ? [paper.firstAuthor] : [])
  const count = paper.authorCount ?? (names.length > 0 ? names.length : undefined)
  if (paper.organization !== undefined) return paper.organization
  if (names.length > 0 && names[0] !== undefined) {
    return count !== undefined && count > 1 ? `${names[0]} et al.` : names[0]
  }
  if (count !== undefined) return countOf(count, 'author')
  return ''
}

export function authorsLine(paper: Paper): string {
  if (paper.authors.length > 0) return paper.authors.join(', ')
  if (paper.authorCount !== undefined) {
    return countOf(paper.authorCount, 'author')
  }
  return 'Authors unknown'
}

const dateTimeFormat = new Intl.DateTimeFormat('en', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})

/** "Nov 26, 2026, 03:10" in the user's time zone; the ISO text itself if unparsable. */
export function formatDateTime(iso: string): string {
  const time = Date.parse(iso)
  return Number.isNaN(time) ? iso : dateTimeFormat.format(time)
}

/** `path` relative to `folder` when inside it ("papers/0a.json"), else as is. */
export function pathInside(folder: string, path: string): string {
  for (const separator of ['/', '\\']) {
    const prefix = folder.endsWith(separator) ? folder : folder + separator
    if (path.startsWith(prefix)) return path.slice(prefix.length).replaceAll('\\', '/')
  }
  return path
}
