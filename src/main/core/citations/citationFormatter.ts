// Formats citations for the service and the note export: resolves keys to
// papers, keeps one loaded engine per style (loading a style is the slow part;
// formatting a note's citations afterwards is not), and hands citeproc-js the
// cited papers as CSL-JSON.
import type { CitationRequest, FormattedCitations, Paper } from '../../../shared/model'
import { cslItem } from '../exports/cslJsonExport'
import { splitName } from '../exports/personName'
import type { CitationKeyIndex } from './citationKeyIndex'
import { CslEngine, type OutputFormat, type ResolvedCitation } from './cslEngine'
import type { CslStyles } from './cslStyles'

export class CitationFormatter {
  private readonly engines = new Map<string, Promise<CslEngine>>()
  /**
   * Each paper's CSL-JSON, kept while the paper record is the same object
   * (the store replaces a paper's record when it changes): converted once,
   * and the same object tells the engine its last answer still holds.
   */
  private readonly cslItems = new WeakMap<Paper, { key: string; item: Record<string, unknown> }>()

  constructor(
    private readonly styles: CslStyles,
    private readonly keys: CitationKeyIndex,
    private readonly paper: (id: string) => Paper | undefined,
  ) {}

  /** Loaded engines are dropped when a style file may have changed. */
  forgetStyles(): void {
    this.engines.clear()
  }

  /** The style's engine, loaded once; `id` falls back to the default style when unknown. */
  async engine(id: string, strict = false): Promise<{ id: string; engine: CslEngine }> {
    const style = strict ? await this.styles.load(id) : await this.styles.loadOrDefault(id)
    let engine = this.engines.get(style.id)
    if (engine === undefined) {
      const locale = await this.styles.localeXml()
      engine = Promise.resolve().then(() => new CslEngine(style.xml, locale))
      this.engines.set(style.id, engine)
      engine.catch(() => this.engines.delete(style.id))
    }
    return { id: style.id, engine: await engine }
  }

  async format(
    styleId: string,
    requests: readonly CitationRequest[],
    output: OutputFormat = 'html',
    strict = false,
  ): Promise<FormattedCitations & { output: OutputFormat }> {
    const { id, engine } = await this.engine(styleId, strict)
    const { resolved, missing } = this.resolve(requests)
    const out = engine.format(
      resolved,
      (paperId) => this.itemOf(paperId),
      (paperId) => authorsInText(this.paper(paperId)),
      output,
    )
    const texts = output === 'text' ? out.citations : out.citations.map((html) => fromCslHtml(html))
    return {
      style: id,
      output,
      citations: out.citations.map((html, index) => ({
        html: output === 'html' ? html : '',
        text: texts[index] ?? '',
        missing: missing[index] ?? [],
      })),
      bibliography: {
        html: output === 'html' ? out.bibliography : [],
        text:
          output === 'text' ? out.bibliography : out.bibliography.map((html) => fromCslHtml(html)),
      },
      paperIds: out.order,
    }
  }

  /**
   * A note's citations formatted ahead of the user in the style, in HTML as
   * the preview asks (CslEngine.prepare): one slice a step.
   */
  async prepare(
    styleId: string,
    requests: readonly CitationRequest[],
    tag: string,
  ): Promise<Iterator<undefined, void, undefined>> {
    const { engine } = await this.engine(styleId)
    const { resolved } = this.resolve(requests)
    return engine.prepare(resolved, (paperId) => this.itemOf(paperId), 'html', tag)
  }

  /** The citations with their keys resolved to papers, and each one's keys no paper has. */
  private resolve(requests: readonly CitationRequest[]): {
    resolved: ResolvedCitation[]
    missing: string[][]
  } {
    const missing: string[][] = []
    const resolved: ResolvedCitation[] = requests.map((request) => {
      const lost: string[] = []
      const items: ResolvedCitation['items'] = []
      for (const { key, ...rest } of request.items) {
        const paperId = this.keys.paperOf(key)
        if (paperId === undefined) lost.push(key)
        else items.push({ ...rest, paperId })
      }
      missing.push(lost)
      return { mode: request.mode, items }
    })
    return { resolved, missing }
  }

  /** The paper as CSL-JSON, under its paper id (the key is what the user sees, not the processor). */
  private itemOf(paperId: string): Record<string, unknown> | undefined {
    const paper = this.paper(paperId)
    if (paper === undefined) return undefined
    const key = this.keys.keyOf(paperId) ?? paperId
    const kept = this.cslItems.get(paper)
    if (kept?.key === key) return kept.item
    const item = cslItem(paper, key)
    item['id'] = paperId
    // An arXiv preprint (no venue): the repository is its publisher, and its
    // abstract page its address, as Zotero records one.
    if (paper.arxivId !== undefined && paper.venue === undefined) {
      item['publisher'] ??= 'arXiv'
      item['URL'] = `https://arxiv.org/abs/${paper.arxivId}`
    }
    delete item['abstract']
    delete item['keyword']
    this.cslItems.set(paper, { key, item })
    return item
  }
}

/** "Doe", "Doe and Roe", "Doe et al.": how running text names a paper's authors. */
export function authorsInText(paper: Paper | undefined): string {
  if (paper === undefined || paper.authors.length === 0) return ''
  const family = paper.authors.map((name) => splitName(name).family || name)
  if (family.length === 1) return family[0] ?? ''
  if (family.length === 2) return `${family[0] ?? ''} and ${family[1] ?? ''}`
  return `${family[0] ?? ''} et al.`
}

/**
 * citeproc-js's HTML as plain text (tags dropped) or as markdown (italics and
 * bold kept; backslashes, `<`, `>` and `*` in the text escaped): entities decoded, spaces collapsed.
 */
export function fromCslHtml(html: string, form: 'text' | 'markdown' = 'text'): string {
  const markdown = form === 'markdown'
  const text = html
    .replace(/<div class="csl-left-margin">([^<]*)<\/div>/g, '$1 ')
    .split(/(<[^>]*>)/)
    .map((part, index) => {
      if (index % 2 === 1) {
        if (!markdown) return ''
        if (/^<\/?(?:i|em)>$/.test(part)) return '*'
        if (/^<\/?(?:b|strong)>$/.test(part)) return '**'
        return ''
      }
      const decoded = decodeEntities(part)
      return markdown ? decoded.replace(/[\\<>*]/g, (c) => `\\${c}`) : decoded
    })
    .join('')
  return text.replace(/\s+/g, ' ').trim()
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&')
}
