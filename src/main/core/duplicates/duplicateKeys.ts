// The keys that say two records are the same paper: the same DOI, the same arXiv
// id (ignoring the version), or the same normalized title in the same year.
// Listings are re-imported all the time and the same paper arrives with
// different punctuation, case or Unicode forms of its title, so the title is
// normalized hard. A match on any key is a match.
import type { DuplicateReason } from '../../../shared/model'
import { normalizeTitle } from '../../../shared/text/normalizeTitle'

export interface PaperIdentity {
  title: string
  doi?: string
  arxivId?: string
  /** ISO date of any precision; its year is part of the title key. */
  published?: string
}

export function normalizeDoi(doi: string | undefined): string | undefined {
  const normalized = doi
    ?.trim()
    .toLowerCase()
    .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/, '')
  return normalized === '' ? undefined : normalized
}

export function duplicateKeys(paper: PaperIdentity): string[] {
  // A title of only punctuation normalizes to '' and would match every other
  // such title; fall back to the exact text.
  const title = normalizeTitle(paper.title) || paper.title.trim()
  // Without a year, a title only matches other year-less records of that title.
  const year = /^\d{4}/.exec(paper.published ?? '')?.[0] ?? ''
  const keys = [`title:${title}|${year}`]
  const doi = normalizeDoi(paper.doi)
  if (doi) keys.push(`doi:${doi}`)
  // Versions (v2) of one arXiv paper are the same paper.
  const arxivId = paper.arxivId
    ?.trim()
    .toLowerCase()
    .replace(/^arxiv:/, '')
    .replace(/v\d+$/, '')
  if (arxivId) keys.push(`arxiv:${arxivId}`)
  return keys
}

/** What a shared key says about why two papers match. */
export function reasonOfKey(key: string): DuplicateReason {
  if (key.startsWith('doi:')) return 'doi'
  if (key.startsWith('arxiv:')) return 'arxiv'
  return 'title-year'
}
