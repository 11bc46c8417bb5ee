// Recognizes arXiv ids and DOIs wherever people write them: bare, prefixed
// ("arXiv:", "doi:"), or as URLs (arxiv.org/abs, /pdf, doi.org, dx.doi.org).
// arXiv ids come in two styles: new (YYMM.NNNN or YYMM.NNNNN since 2015) and old
// (archive[.SUBJECT]/YYMMNNN, before April 2007); either may carry a version
// (v2), which is dropped: versions of a paper are the same paper.
import type { SkippedEntry } from '../../../shared/model'

/** A title is looked up on arXiv to find the paper's record (a page without ids). */
export type IdentifierKind = 'arxiv' | 'doi' | 'title'

export interface Identifier {
  kind: IdentifierKind
  /** arXiv id without version, DOI without prefix (case kept), or the title as written. */
  id: string
}

const NEW_ARXIV = /^(\d{4}\.\d{4,5})(?:v\d+)?$/
// Old-style archives are lower-case words with hyphens, optionally ".XX" subject class.
const OLD_ARXIV = /^([a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/
const ARXIV_URL =
  /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/(.+?)(?:\.pdf)?\/?$/i
const DOI_BODY = /^10\.\d{4,9}\/\S+$/
const DOI_URL = /^https?:\/\/(?:dx\.)?doi\.org\/(.+)$/i

/** Trailing sentence punctuation and brackets are never part of an id pasted in prose. */
function trimToken(token: string): string {
  return token
    .trim()
    .replace(/^[<([{"']+/, '')
    .replace(/[>)\]}"'.,;]+$/, '')
}

/** The arXiv id (without version) in `raw`, or undefined when it is not one. */
export function parseArxivId(raw: string): string | undefined {
  let token = trimToken(raw)
  const url = ARXIV_URL.exec(token)
  if (url?.[1] !== undefined) token = url[1]
  token = token.replace(/^arxiv:\s*/i, '')
  const modern = NEW_ARXIV.exec(token)
  if (modern?.[1] !== undefined) return modern[1]
  const old = OLD_ARXIV.exec(token)
  return old?.[1]
}

/** The DOI in `raw` (prefixes and resolver URLs removed), or undefined when it is not one. */
export function parseDoi(raw: string): string | undefined {
  let token = trimToken(raw)
  const url = DOI_URL.exec(token)
  if (url?.[1] !== undefined) {
    try {
      token = decodeURIComponent(url[1])
    } catch {
      token = url[1]
    }
  }
  token = token.replace(/^doi:\s*/i, '')
  return DOI_BODY.test(token) ? token : undefined
}

/** An arXiv id or a DOI, whichever `raw` is. */
export function parseIdentifier(raw: string): Identifier | undefined {
  const arxiv = parseArxivId(raw)
  if (arxiv !== undefined) return { kind: 'arxiv', id: arxiv }
  const doi = parseDoi(raw)
  return doi === undefined ? undefined : { kind: 'doi', id: doi }
}

/** The queue's and the preview's spelling: "arXiv:2101.00001", "doi:10.1000/xyz", "title:…". */
export function formatIdentifier(identifier: Identifier): string {
  const prefix = { arxiv: 'arXiv:', doi: 'doi:', title: 'title:' }[identifier.kind]
  return `${prefix}${identifier.id}`
}

/** Inverse of formatIdentifier. */
export function parseFormattedIdentifier(text: string): Identifier | undefined {
  if (text.startsWith('arXiv:')) return { kind: 'arxiv', id: text.slice(6) }
  if (text.startsWith('doi:')) return { kind: 'doi', id: text.slice(4) }
  if (text.startsWith('title:')) return { kind: 'title', id: text.slice(6) }
  return undefined
}

/** The first arXiv id in free text such as a URL field or a note ("see arXiv:2101.00001v2"). */
export function findArxivId(text: string): string | undefined {
  const match =
    /(?:arxiv\.org\/(?:abs|pdf)\/|arxiv:\s*)([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})/i.exec(
      text,
    )
  return match?.[1]
}

export interface IdentifierList {
  /** Each identifier once, in order of first appearance, with its line. */
  identifiers: (Identifier & { line: number })[]
  /** Tokens that are neither. */
  skipped: SkippedEntry[]
  /** How many tokens there were in all. */
  tokens: number
}

/**
 * Reads a pasted list: identifiers separated by white space, commas or
 * semicolons, one or many per line.
 */
export function parseIdentifierList(text: string): IdentifierList {
  const identifiers: (Identifier & { line: number })[] = []
  const skipped: SkippedEntry[] = []
  const seen = new Set<string>()
  let tokens = 0
  const lines = text.split(/\r\n|\r|\n/)
  for (let index = 0; index < lines.length; index++) {
    for (const token of (lines[index] ?? '').split(/[\s,;]+/)) {
      if (token === '') continue
      tokens++
      const identifier = parseIdentifier(token)
      if (identifier === undefined) {
        const shown = token.length > 60 ? `${token.slice(0, 60)}…` : token
        skipped.push({ line: index + 1, reason: `"${shown}" is neither an arXiv id nor a DOI` })
        continue
      }
      const key = formatIdentifier(identifier).toLowerCase()
      if (seen.has(key)) continue
      seen.add(key)
      identifiers.push({ ...identifier, line: index + 1 })
    }
  }
  return { identifiers, skipped, tokens }
}
