// Citations: pandoc `[@key]` citations in notes formatted in a CSL style (the
// preview asks here), Quick Copy and `cite` for selected papers, the `[@`
// autocomplete, each paper's citation key (shown, copied, edited), the styles
// (bundled and added), and a note exported as a document.
import type {
  CitationSuggestion,
  CopiedCitations,
  Note,
  NoteExport,
  Paper,
  QuickCopyFormat,
} from '../../../shared/model'
import { DEFAULT_CITATION_STYLE } from '../../../shared/model'
import { foldCase, fuzzyQuery, fuzzyScore } from '../../../shared/text/fuzzyMatch'
import { exportBibtex } from '../exports/bibtexExport'
import { formatCitationKey, parseCitations } from '../../../shared/text/pandocCitations'
import { BadInputError } from '../kernel/errors'
import type { LibraryKernel } from '../kernel/kernel'
import type { CommittedChange, Service } from '../kernel/service'
import type { PaperViews } from '../papers/paperViews'
import type { SettingsService } from '../settings/settingsService'
import { collectionTree } from '../exports/exportPapers'
import { requireLivePaper, requireNote } from '../store/requireRecord'
import { authorsInText, CitationFormatter } from './citationFormatter'
import type { CitationKeyIndex } from './citationKeyIndex'
import { CslEngine, PREPARED_CLUSTERS } from './cslEngine'
import { CslStyles } from './cslStyles'
import { noteDocuments, type NoteSource } from './noteDocument'
import { NotePreparer, type Preparation } from './notePreparer'

type CitationMethod =
  | 'listCitationStyles'
  | 'addCitationStyle'
  | 'formatCitations'
  | 'citePapers'
  | 'suggestCitations'
  | 'getCitationKey'
  | 'setCitationKey'
  | 'exportNotes'

const DEFAULT_SUGGESTIONS = 8
/** A key BibTeX and pandoc both read back whole (exports/citationKeys.ts's rule, and no `@`). */
const USABLE_KEY = /^[^\s{}(),"#%~\\='@;[\]]+$/

interface Candidate {
  suggestion: CitationSuggestion
  folded: string
  text: string
}

export class CitationsService implements Service<CitationMethod> {
  private readonly styles: CslStyles
  private readonly formatter: CitationFormatter
  private candidates: Candidate[] | undefined
  private readonly preparer = new NotePreparer(
    (noteId) => this.preparation(noteId),
    (noteId, error) =>
      console.error(`offprint: formatting note ${noteId}'s citations ahead failed:`, error),
  )
  /** The style the notes are formatted ahead in, once asked to (prepareNotes). */
  private preparedStyle: string | undefined
  /** A style that could not be loaded for that: tried (and reported) once, not for every note. */
  private unloadable: string | undefined

  constructor(
    private readonly kernel: LibraryKernel,
    private readonly keys: CitationKeyIndex,
    private readonly views: PaperViews,
    private readonly settings: SettingsService,
    stylesDir: string,
  ) {
    this.styles = new CslStyles(stylesDir, kernel.store.dir)
    settings.listen(() => {
      const prepared = this.preparedStyle
      if (prepared !== undefined && this.style(undefined) !== prepared) void this.prepareNotes()
    })
    this.formatter = new CitationFormatter(this.styles, keys, (id) => {
      const paper = kernel.store.papers.get(id)
      return paper?.trashedAt === undefined ? paper : undefined
    })
  }

  private style(asked: string | undefined): string {
    return asked ?? this.settings.current().citationStyle ?? DEFAULT_CITATION_STYLE
  }

  readonly handlers: Service<CitationMethod>['handlers'] = {
    listCitationStyles: async () => this.styles.list(),

    /** Keeps a `.csl` file in the library's styles/ once citeproc-js can load it. */
    addCitationStyle: async ({ fileName, text }) => {
      const locale = await this.styles.localeXml()
      const added = await this.styles.add(fileName, text, (xml) => {
        new CslEngine(xml, locale).format(
          [],
          () => undefined,
          () => '',
          'text',
        )
      })
      this.formatter.forgetStyles()
      return added
    },

    /** A document's citations and its bibliography, in the style (default: the chosen one). */
    formatCitations: async ({ style, citations }) => {
      const formatted = await this.formatter.format(this.style(style), citations)
      return {
        style: formatted.style,
        citations: formatted.citations,
        bibliography: formatted.bibliography,
        paperIds: formatted.paperIds,
      }
    },

    /** The papers as a bibliography (text and HTML), BibTeX, or their keys. */
    citePapers: async ({ paperIds, style, format }) => {
      const papers = paperIds.map((id) => requireLivePaper(this.kernel.store, id))
      return this.cite(papers, this.style(style), format ?? this.settings.current().quickCopyFormat)
    },

    suggestCitations: async ({ query, limit }) => this.suggest(query, limit ?? DEFAULT_SUGGESTIONS),

    getCitationKey: async ({ paperId }) => {
      const paper = requireLivePaper(this.kernel.store, paperId)
      return { key: this.keys.keyOf(paper.id) ?? '', aliases: paper.citationKeyAliases ?? [] }
    },

    /**
     * Gives the paper `key`, refused when another paper has it (compared
     * without case). The old key is kept as an alias, so notes citing it
     * still find the paper.
     */
    setCitationKey: async ({ paperId, key }) =>
      this.kernel.mutate(async () => {
        const paper = requireLivePaper(this.kernel.store, paperId)
        const wanted = key.trim()
        if (!USABLE_KEY.test(wanted)) {
          throw new BadInputError(
            `"${wanted}" cannot be a citation key: use letters, digits and - _ : . / + without spaces`,
          )
        }
        const holder = this.keys.paperOf(wanted)
        if (holder !== undefined && holder !== paper.id) {
          const other = this.kernel.store.papers.get(holder)?.title ?? holder
          throw new BadInputError(`The key "${wanted}" is already the key of "${other}"`)
        }
        const old = this.keys.keyOf(paper.id)
        if (old === wanted) return { key: wanted, aliases: paper.citationKeyAliases ?? [] }
        const aliases = [...(paper.citationKeyAliases ?? [])].filter(
          (alias) => alias.toLowerCase() !== wanted.toLowerCase(),
        )
        if (old !== undefined && !aliases.some((a) => a.toLowerCase() === old.toLowerCase())) {
          aliases.push(old)
        }
        const updated: Paper = {
          ...paper,
          citationKey: wanted,
          citationKeyAliases: aliases,
          updatedAt: this.kernel.now().toISOString(),
        }
        await this.kernel.commit({ papers: { put: [updated] } })
        return { key: wanted, aliases }
      }),

    /** A note, or every note of a collection's papers, as a document. */
    exportNotes: async ({ scope, rendering, style }) =>
      this.exportNotes(scope, rendering, this.style(style)),
  }

  committed({ changes }: CommittedChange): void {
    if (changes.papers !== undefined) this.candidates = undefined
    if (this.preparedStyle !== undefined && changes.notes?.put !== undefined) {
      this.preparer.add(notesToPrepare(changes.notes.put))
    }
  }

  reset(): void {
    this.candidates = undefined
    this.formatter.forgetStyles()
    if (this.preparedStyle !== undefined) void this.prepareNotes()
  }

  async close(): Promise<void> {
    await this.preparer.stop()
  }

  /**
   * Formats the notes that cite papers ahead of the user, in the chosen
   * style (loaded first if it is not), the most recently changed first, as
   * many as the engine keeps prepared (PREPARED_CLUSTERS); from then on also
   * each note changed (by sync, the CLI, or in the window: one the engine
   * holds already is skipped) and every note again when the style changes.
   * Settles once they are done.
   */
  async prepareNotes(): Promise<void> {
    this.preparedStyle = this.style(undefined)
    this.unloadable = undefined
    this.preparer.add(notesToPrepare(this.kernel.store.notes.values()))
    await this.preparer.idle()
  }

  /** Settles once no note is waiting to be formatted ahead. */
  async notesPrepared(): Promise<void> {
    await this.preparer.idle()
  }

  private async preparation(noteId: string): Promise<Preparation> {
    const note = this.kernel.store.notes.get(noteId)
    const style = this.preparedStyle
    if (note === undefined || note.trashedAt !== undefined || style === undefined) return undefined
    if (style === this.unloadable) return undefined
    const requests = parseCitations(note.body).map(({ mode, items }) => ({ mode, items }))
    // A note longer than what is kept would be dropped as soon as it is done.
    if (requests.length === 0 || requests.length > PREPARED_CLUSTERS) return undefined
    try {
      await this.formatter.engine(style)
    } catch (error) {
      this.unloadable = style
      throw error
    }
    return this.formatter.prepare(style, requests, noteId)
  }

  /** Quick Copy's text: a bibliography (text + HTML), BibTeX entries, or the keys. */
  async cite(
    papers: readonly Paper[],
    style: string,
    format: QuickCopyFormat,
  ): Promise<CopiedCitations> {
    if (format === 'keys') {
      return {
        text: papers
          .map((paper) => formatCitationKey(this.keys.keyOf(paper.id) ?? paper.id))
          .join('; '),
      }
    }
    if (format === 'bibtex') return { text: await exportBibtex(papers, this.keys.all()) }
    const request = [
      {
        mode: 'normal' as const,
        items: papers.map((paper) => ({ key: this.keys.keyOf(paper.id) ?? paper.id })),
      },
    ]
    const html = await this.formatter.format(style, request, 'html', true)
    const text = await this.formatter.format(style, request, 'text', true)
    return {
      text: text.bibliography.text.join('\n'),
      html: `<div class="csl-bib-body">\n${html.bibliography.html.map(inlineNumber).join('\n')}\n</div>`,
    }
  }

  private suggest(query: string, limit: number): CitationSuggestion[] {
    const candidates = this.allCandidates()
    const wanted = fuzzyQuery(query)
    if (wanted === '') return candidates.slice(0, limit).map((c) => ({ ...c.suggestion }))
    const best: Array<{ candidate: Candidate; score: number }> = []
    for (const candidate of candidates) {
      const score = fuzzyScore(wanted, candidate.text, candidate.folded)
      if (score === null) continue
      if (best.length === limit && score <= (best[limit - 1]?.score ?? 0)) continue
      let at = best.length
      while (at > 0 && (best[at - 1]?.score ?? 0) < score) at--
      best.splice(at, 0, { candidate, score })
      if (best.length > limit) best.pop()
    }
    return best.map(({ candidate }) => ({ ...candidate.suggestion }))
  }

  /** Every live paper as the autocomplete offers it, newest first. */
  private allCandidates(): Candidate[] {
    this.candidates ??= this.views.sortedPapers('published').flatMap((paper): Candidate[] => {
      if (paper.trashedAt !== undefined) return []
      const key = this.keys.keyOf(paper.id)
      if (key === undefined) return []
      const suggestion: CitationSuggestion = {
        paperId: paper.id,
        key,
        title: paper.title,
        authors: authorsInText(paper),
      }
      const year = /^\d{4}/.exec(paper.published ?? '')?.[0]
      if (year !== undefined) suggestion.year = year
      const text = `${key} ${paper.title} ${paper.authors.join(' ')} ${year ?? ''}`
      return [{ suggestion, text, folded: foldCase(text) }]
    })
    return this.candidates
  }

  private async exportNotes(
    scope: { kind: 'note'; noteId: string } | { kind: 'collection'; collectionId: string },
    rendering: 'pandoc' | 'markdown' | 'html',
    style: string,
  ): Promise<NoteExport> {
    const store = this.kernel.store
    const titleOf = (note: { paperId?: string; title?: string }): string =>
      note.paperId === undefined
        ? (note.title ?? 'Untitled')
        : (store.papers.get(note.paperId)?.title ?? 'Untitled')
    let sources: NoteSource[]
    let name: string
    if (scope.kind === 'note') {
      const note = requireNote(store, scope.noteId)
      sources = [{ note, title: titleOf(note) }]
      name = titleOf(note)
    } else {
      const collection = collectionTree(
        [...store.collections.values()],
        scope.collectionId,
        false,
      )[0]
      const ids = new Set(collection?.paperIds ?? [])
      sources = [...store.notes.values()]
        .filter(
          (note) =>
            note.paperId !== undefined &&
            ids.has(note.paperId) &&
            note.trashedAt === undefined &&
            note.body.trim() !== '',
        )
        .map((note) => ({ note, title: titleOf(note) }))
      name = collection?.name ?? 'Notes'
    }
    const documents = await noteDocuments(sources, rendering, {
      keys: this.keys,
      formatter: this.formatter,
      paper: (id) => store.papers.get(id),
      style,
      linkText: (target) => {
        if (target.kind === 'paper') return store.papers.get(target.id)?.title
        if (target.kind === 'note') {
          const note = store.notes.get(target.id)
          return note === undefined ? undefined : titleOf(note)
        }
        return undefined
      },
    })
    return { name, ...documents }
  }
}

/**
 * The notes that cite papers, the most recently changed first, as many as
 * the engine keeps formatted ahead (PREPARED_CLUSTERS); a sync bringing many
 * notes at once formats only those.
 */
function notesToPrepare(notes: Iterable<Note>): string[] {
  const citing = [...notes]
    .filter((note) => note.trashedAt === undefined && note.body.includes('@'))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
  let room = PREPARED_CLUSTERS
  const chosen: string[] = []
  for (const note of citing) {
    const count = parseCitations(note.body).length
    if (count === 0) continue
    if ((room -= count) < 0) break
    chosen.push(note.id)
  }
  return chosen
}

/**
 * An entry's number ("[1]", "1.") inline before its text: a word processor
 * would paste citeproc-js's two blocks as two paragraphs.
 */
function inlineNumber(entry: string): string {
  return entry.replace(
    /<div class="csl-left-margin">([^<]*)<\/div><div class="csl-right-inline">([\s\S]*)<\/div>(<\/div>)$/,
    (_, number: string, text: string, end: string) => `${number.trim()} ${text}${end}`,
  )
}
