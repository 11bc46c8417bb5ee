// The keys that say two records are the same paper. Listings are re-imported
// all the time (the same page saved twice, overlapping days), and the same paper
// arrives with different punctuation, case or Unicode forms of its title, so the
// title is normalized hard. A DOI or arXiv id, when a source has one, is an
// independent key: a match on any key is a match.

export interface PaperIdentity {
  title: string
  doi?: string
  arxivId?: string
}

/** NFKC, lower case, every run of non-letters/digits collapsed to one space. */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

export function duplicateKeys(paper: PaperIdentity): string[] {
  // A title of only punctuation normalizes to '' and would match every other
  // such title; fall back to the exact text.
  const title = normalizeTitle(paper.title) || paper.title.trim()
  const keys = [`title:${title}`]
  const doi = paper.doi
    ?.trim()
    .toLowerCase()
    .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/, '')
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
