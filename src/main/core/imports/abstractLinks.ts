// Finds the links in a paper abstract (code repositories, project pages, PDFs)
// and labels them for the UI. Abstracts copied from listing pages are messy:
// URLs end with sentence punctuation or carry leftovers of LaTeX markup such as
// `https://github.com/x/y{this url}.`, so every match is cleaned before use.

import type { PaperLink, PaperLinkKind } from '../../../shared/model'

// A run of characters that may appear in a URL as written in prose. Braces,
// angle brackets, quotes and backslashes never belong to a URL in an abstract:
// they start glued-on markup, so a match stops there. Linear: one pass, no nesting.
const URL_RUN = /https?:\/\/[^\s<>"{}|\\^`]+/gi

// Characters that end a sentence or clause rather than a URL.
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '*'])

const CODE_HOSTS = new Set([
  'github.com',
  'gist.github.com',
  'gitlab.com',
  'bitbucket.org',
  'codeberg.org',
  'sourceforge.net',
])

const KIND_LABEL: Record<PaperLinkKind, string> = {
  code: 'Code',
  project: 'Project page',
  pdf: 'PDF',
  other: 'Link',
}

/** Removes trailing punctuation and unbalanced closing brackets, in linear time. */
function trimUrl(raw: string): string {
  let openParens = 0
  let closeParens = 0
  let openBrackets = 0
  let closeBrackets = 0
  for (const ch of raw) {
    if (ch === '(') openParens++
    else if (ch === ')') closeParens++
    else if (ch === '[') openBrackets++
    else if (ch === ']') closeBrackets++
  }
  let end = raw.length
  while (end > 0) {
    const ch = raw.charAt(end - 1)
    if (TRAILING_PUNCTUATION.has(ch)) {
      end--
    } else if (ch === ')' && closeParens > openParens) {
      closeParens--
      end--
    } else if (ch === ']' && closeBrackets > openBrackets) {
      closeBrackets--
      end--
    } else if (ch === '(') {
      // An opening bracket cannot end a URL: "(see https://x.org/(" is prose.
      openParens--
      end--
    } else if (ch === '[') {
      openBrackets--
      end--
    } else {
      break
    }
  }
  return raw.slice(0, end)
}

const HOST_PATTERN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/

function parseUrl(candidate: string): URL | undefined {
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  if (!HOST_PATTERN.test(url.hostname)) return undefined
  return url
}

function bareHost(url: URL): string {
  return url.hostname.startsWith('www.') ? url.hostname.slice(4) : url.hostname
}

function linkKind(url: URL): PaperLinkKind {
  const host = bareHost(url)
  const path = url.pathname.toLowerCase()
  if (path.endsWith('.pdf') || (host === 'arxiv.org' && path.startsWith('/pdf/'))) return 'pdf'
  if (CODE_HOSTS.has(host)) return 'code'
  if (host === 'huggingface.co' || host === 'hf.co') {
    return path.startsWith('/spaces/') ? 'code' : 'other'
  }
  if (host === 'arxiv.org' || host === 'doi.org' || host === 'dx.doi.org') return 'other'
  return 'project'
}

function linkLabel(url: URL, kind: PaperLinkKind): string {
  const path = url.pathname.replace(/\/+$/, '')
  return `${KIND_LABEL[kind]} · ${url.host}${path}`
}

/**
 * Every http(s) URL in `text`, in order of first appearance, cleaned of trailing
 * punctuation and glued-on markup, validated, and de-duplicated; after `first`,
 * links made from ids (the same as extractLinks would make of their URLs, which
 * are clean and absolute, without parsing each again).
 */
export function extractLinks(text: string, first: readonly PaperLink[] = []): PaperLink[] {
  const links: PaperLink[] = [...first]
  const seen = new Set<string>(first.map((link) => link.url.replace(/\/$/, '')))
  for (const match of text.matchAll(URL_RUN)) {
    const cleaned = trimUrl(match[0])
    const url = parseUrl(cleaned)
    if (!url) continue
    const key = url.href.replace(/\/$/, '')
    if (seen.has(key)) continue
    seen.add(key)
    const kind = linkKind(url)
    links.push({ label: linkLabel(url, kind), url: cleaned, kind })
  }
  return links
}

/**
 * The link extractLinks makes of `https://${hostAndPath}`, for URLs built
 * from an id (arXiv's): a lower-case host and a path with nothing to clean
 * or escape, and no trailing slash.
 */
export function idLink(hostAndPath: string, kind: PaperLinkKind): PaperLink {
  return { label: `${KIND_LABEL[kind]} · ${hostAndPath}`, url: `https://${hostAndPath}`, kind }
}

/** `links` with each URL once, the first of each kept. */
export function uniqueLinks(links: readonly PaperLink[]): PaperLink[] {
  const seen = new Set<string>()
  return links.filter((link) => !seen.has(link.url) && seen.add(link.url) !== undefined)
}
