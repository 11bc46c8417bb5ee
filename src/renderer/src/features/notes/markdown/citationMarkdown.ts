// Pandoc citations in the preview. Before marked sees the note, each citation
// the shared grammar finds (src/shared/text/pandocCitations.ts: outside code,
// not escaped) is swapped for a placeholder that no markdown rule touches;
// this extension turns each placeholder back into the citation as the style
// formats it, a pending one as its text, or a broken one (a key no paper has)
// as a button offering "Find paper…". The formatted text is citeproc-js's
// HTML: it is left unstamped, so the note policy's sanitizer treats it as the
// untrusted HTML it is. The References section is appended the same way.
import type { TokenizerAndRendererExtension, Tokens } from 'marked'
import { parseCitations } from '../../../../../shared/text/pandocCitations'
import { own } from './ownMarkup'
import { escapeHtml } from './rawHtml'

/** A citation as the preview shows it: formatted, or with the keys no paper has. */
export interface RenderedCitation {
  html: string
  missing: string[]
}

/** What the citations of a note read as, asked of main (see useCitations). */
export interface CitationView {
  /** The citation written as `raw`, formatted; undefined while main has not answered. */
  lookup(raw: string): RenderedCitation | undefined
  /** The References, one entry per cited paper (citeproc-js's HTML). */
  bibliography: readonly string[]
}

export const CITATION_ATTRIBUTES = [
  'data-citation',
  'data-citation-raw',
  'data-citation-occurrence',
  'data-citation-key',
] as const

const OPEN = '\uE000'
const CLOSE = '\uE001'
const PLACEHOLDER = /^\uE000(\d+)\uE001/

interface CitationToken extends Tokens.Generic {
  type: 'citation'
  raw: string
  index: number
}

/** The render in progress (marked renders synchronously; see withCitations). */
let current: { view: CitationView; raws: string[]; occurrences: Map<string, number> } | undefined

/**
 * Runs `render` over `source` with its citations swapped for placeholders
 * (`render` receives the swapped text), then appends the References.
 */
export function withCitations(
  source: string,
  view: CitationView | undefined,
  render: (source: string) => string,
): string {
  if (view === undefined) return render(source)
  const raws: string[] = []
  let swapped = ''
  let at = 0
  for (const citation of parseCitations(source)) {
    swapped += source.slice(at, citation.start) + OPEN + String(raws.length) + CLOSE
    raws.push(source.slice(citation.start, citation.end))
    at = citation.end
  }
  swapped += source.slice(at)
  current = { view, raws, occurrences: new Map() }
  try {
    return render(swapped) + references(raws.length > 0 ? view.bibliography : [])
  } finally {
    current = undefined
  }
}

function references(entries: readonly string[]): string {
  if (entries.length === 0) return ''
  const items = entries.map(
    (entry) =>
      `${own('<div class="reference">')}${entry
        .replace(/<div class="csl-left-margin">([^<]*)<\/div>/g, '$1 ')
        .replace(
          /<div class="csl-right-inline">([\s\S]*)<\/div>\s*<\/div>\s*$/,
          '$1</div>',
        )}</div>`,
  )
  return (
    own('<section class="references" aria-label="References" data-citation="references">') +
    `${own('<h2>')}References</h2>${items.join('')}</section>`
  )
}

export const citationExtension: TokenizerAndRendererExtension = {
  name: 'citation',
  level: 'inline',
  start(src: string) {
    const at = src.indexOf(OPEN)
    return at === -1 ? undefined : at
  },
  tokenizer(src: string): CitationToken | undefined {
    const found = PLACEHOLDER.exec(src)
    if (found === null || current === undefined) return undefined
    return { type: 'citation', raw: found[0], index: Number(found[1]) }
  },
  renderer(generic: Tokens.Generic): string {
    const token = generic as CitationToken
    const raw = current?.raws[token.index]
    if (current === undefined || raw === undefined) return ''
    const rendered = current.view.lookup(raw)
    if (rendered === undefined) {
      return `${own('<span class="citation citation-pending">')}${escapeHtml(raw)}</span>`
    }
    if (rendered.missing.length > 0) {
      const occurrence = current.occurrences.get(raw) ?? 0
      current.occurrences.set(raw, occurrence + 1)
      const key = rendered.missing[0] ?? ''
      return (
        own(
          `<a class="citation citation-broken wikilink-broken" role="button" tabindex="0"` +
            ` data-citation="broken" data-citation-raw="${escapeHtml(raw)}"` +
            ` data-citation-occurrence="${occurrence}" data-citation-key="${escapeHtml(key)}"` +
            ` title="No paper in the library has the key ${escapeHtml(key)}: find it">`,
        ) + `${escapeHtml(raw)}</a>`
      )
    }
    return `${own('<span class="citation" data-citation="resolved">')}${rendered.html}</span>`
  },
}
