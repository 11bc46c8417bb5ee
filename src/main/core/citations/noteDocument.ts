// A note (or a collection's notes) as a document: markdown whose citations
// stay in pandoc syntax, beside a .bib of exactly the cited papers, or
// markdown / HTML with the citations and a References section rendered.
import type { ExportFile, Note, Paper } from '../../../shared/model'
import {
  formatCitationKey,
  parseCitations,
  type Citation,
} from '../../../shared/text/pandocCitations'
import { parseWikiLinks, type WikiLinkTarget } from '../../../shared/text/wikiLinks'
import { exportBibtex } from '../exports/bibtexExport'
import { vaultFileName } from '../exports/markdownVault'
import { fromCslHtml, type CitationFormatter } from './citationFormatter'
import type { CitationKeyIndex } from './citationKeyIndex'

export type NoteRendering = 'pandoc' | 'markdown' | 'html'

export interface NoteSource {
  note: Note
  /** The title the document gets (a paper's note: its paper's title). */
  title: string
}

export interface DocumentContext {
  keys: CitationKeyIndex
  formatter: CitationFormatter
  paper: (id: string) => Paper | undefined
  /** What a wiki-link reads as in a document: its target's title now. */
  linkText: (target: WikiLinkTarget) => string | undefined
  style: string
}

export interface NoteDocuments {
  files: ExportFile[]
  citedCount: number
  missing: string[]
}

export async function noteDocuments(
  sources: readonly NoteSource[],
  rendering: NoteRendering,
  context: DocumentContext,
): Promise<NoteDocuments> {
  const used = new Set<string>()
  const files: ExportFile[] = []
  const cited = new Set<string>()
  const missing = new Set<string>()
  const extension = rendering === 'html' ? 'html' : 'md'
  for (const { note, title } of sources) {
    const base = vaultFileName(title)
    let name = base
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`
    used.add(name.toLowerCase())
    const body = withLinksAsText(note.body, context.linkText)
    const citations = parseCitations(body)
    for (const citation of citations) {
      for (const item of citation.items) {
        const paperId = context.keys.paperOf(item.key)
        if (paperId === undefined) missing.add(item.key)
        else cited.add(paperId)
      }
    }
    const text =
      rendering === 'pandoc'
        ? `${frontMatter(title, true)}${canonicalKeys(body, citations, context.keys)}`
        : await rendered(body, title, citations, rendering, context)
    files.push({ path: `${name}.${extension}`, text })
  }
  if (rendering === 'pandoc') {
    const papers = [...cited].flatMap((id) => context.paper(id) ?? [])
    files.push({ path: 'references.bib', text: await exportBibtex(papers, context.keys.all()) })
  }
  return { files, citedCount: cited.size, missing: [...missing] }
}

function frontMatter(title: string, bibliography: boolean): string {
  const lines = ['---', `title: ${JSON.stringify(title)}`]
  if (bibliography) lines.push('bibliography: references.bib')
  return `${lines.join('\n')}\n---\n\n`
}

/** Wiki-links become the text they read as (a document has no library to link into). */
function withLinksAsText(
  body: string,
  textOf: (target: WikiLinkTarget) => string | undefined,
): string {
  let out = ''
  let at = 0
  for (const link of parseWikiLinks(body)) {
    const text =
      (link.target.kind === 'title' ? link.label : undefined) ??
      textOf(link.target) ??
      link.label ??
      (link.target.kind === 'title' ? link.target.title : '')
    out += body.slice(at, link.start) + text.replace(/[\\`*_[\]@<>]/g, (c) => `\\${c}`)
    at = link.end
  }
  return out + body.slice(at)
}

/** Each cited key written as the paper's key now (an alias or another case still cites it here). */
function canonicalKeys(
  body: string,
  citations: readonly Citation[],
  keys: CitationKeyIndex,
): string {
  let out = ''
  let at = 0
  for (const citation of citations) {
    let raw = body.slice(citation.start, citation.end)
    for (const item of citation.items) {
      const paperId = keys.paperOf(item.key)
      const key = paperId === undefined ? undefined : keys.keyOf(paperId)
      if (key === undefined || key === item.key) continue
      const written = [`@{${item.key}}`, `@${item.key}`].find((form) => raw.includes(form))
      if (written !== undefined) raw = raw.replace(written, formatCitationKey(key))
    }
    out += body.slice(at, citation.start) + raw
    at = citation.end
  }
  return out + body.slice(at)
}

async function rendered(
  body: string,
  title: string,
  citations: readonly Citation[],
  rendering: 'markdown' | 'html',
  context: DocumentContext,
): Promise<string> {
  const formatted = await context.formatter.format(context.style, citations, 'html')
  let out = ''
  let at = 0
  citations.forEach((citation, index) => {
    const result = formatted.citations[index]
    const shown =
      result === undefined || result.missing.length > 0
        ? body.slice(citation.start, citation.end)
        : fromCslHtml(result.html, 'markdown')
    out += body.slice(at, citation.start) + shown
    at = citation.end
  })
  out += body.slice(at)
  const references = formatted.bibliography.html.map((html) => fromCslHtml(html, 'markdown'))
  const markdown =
    references.length === 0
      ? out
      : `${out.trimEnd()}\n\n## References\n\n${references.join('\n\n')}\n`
  if (rendering === 'markdown') return `${frontMatter(title, false)}${markdown}`
  const { renderDocumentHtml } = await import('./documentHtml')
  return renderDocumentHtml(title, markdown)
}
