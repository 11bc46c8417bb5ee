// Links between notes and papers: the `[[` autocomplete, what each link points
// at now, and backlinks with the sentences around them. Which note links where
// is derived from note bodies (never stored), built on first use and kept level
// with every commit.
import type { Backlink, LinkContext, LinkTarget, Note, NoteSummary } from '../../../shared/model'
import { normalizeTitle, type WikiLink, type WikiLinkTarget } from '../../../shared/text/wikiLinks'
import type { LibraryKernel } from '../kernel/kernel'
import type { CommittedChange, Service } from '../kernel/service'
import type { PaperViews } from '../papers/paperViews'
import { newestFirst } from '../papers/paperOrder'
import { yieldingLoop } from '../imports/yieldingLoop'
import { requireNote, requirePaper } from '../store/requireRecord'
import { linkContextOf, plainTextOf } from './linkContext'
import { citationLinkKey, LinkIndex } from './linkIndex'
import { LinkTargets } from './linkTargets'

type LinkMethod = 'suggestLinkTargets' | 'resolveLinkTargets' | 'getBacklinks'

/** A link of a live note to a live paper or note, by kind: the graph's link edges. */
export interface LinkEdge {
  noteId: string
  target: LinkTarget
  /** 'wiki-link', unless the link carries a kind of its own (a citation: 'citation'). */
  kind: string
}

/** How many link suggestions a call returns unless it asks otherwise. */
const DEFAULT_SUGGESTIONS = 8
/** Length of a note's excerpt in the notes list. */
const EXCERPT_CHARS = 160

export class LinksService implements Service<LinkMethod> {
  private index: LinkIndex | undefined
  private readonly targets: LinkTargets
  /** Counts commits and resets: an index built in slices across one is not kept. */
  private changes = 0

  constructor(
    private readonly kernel: LibraryKernel,
    views: PaperViews,
    /** The citation keys that cite a paper (lower case): citations count as links. */
    private readonly citationKeysOf: (paperId: string) => readonly string[] = () => [],
  ) {
    this.targets = new LinkTargets({
      papers: () => this.kernel.store.papers.values(),
      notes: () => this.kernel.store.notes.values(),
      paper: (id) => this.kernel.store.papers.get(id),
      note: (id) => this.kernel.store.notes.get(id),
      newestPapers: () => views.sortedPapers('published'),
    })
  }

  readonly handlers: Service<LinkMethod>['handlers'] = {
    /** Papers and standalone notes whose titles fuzzily match `query`, best first. */
    suggestLinkTargets: async ({ query, limit, kind }) =>
      this.targets.suggest(query, limit ?? DEFAULT_SUGGESTIONS, kind),

    /** What each link target currently is: its title now, or null when missing or trashed. */
    resolveLinkTargets: async ({ targets }) =>
      targets.map((target) => {
        const resolved = this.targets.resolve(target)
        return resolved === undefined ? null : { ...resolved }
      }),

    /** The notes that link to a paper or note, each with the sentences around its links. */
    getBacklinks: async ({ kind, id }) => this.backlinks(kind, id),
  }

  /** The start of a note as plain text (links as their targets' titles), for the notes list. */
  summarize(note: Note): NoteSummary {
    const head = note.body.slice(0, EXCERPT_CHARS * 4)
    const links = this.links().linksOf(note.id)?.links ?? []
    const excerpt = plainTextOf(
      head,
      0,
      head.length,
      links.filter((link) => link.end <= head.length),
      (link) => this.textOf(link),
    ).trim()
    const summary: NoteSummary = {
      id: note.id,
      title: note.title,
      updatedAt: note.updatedAt,
      excerpt: excerpt.length > EXCERPT_CHARS ? `${excerpt.slice(0, EXCERPT_CHARS)}…` : excerpt,
    }
    if (note.trashedAt !== undefined) summary.trashedAt = note.trashedAt
    return summary
  }

  /**
   * Link targets are the titles of live papers and standalone notes; which
   * note links where follows the bodies, and a paper's notes stop (or start)
   * linking when it is trashed, restored or deleted.
   */
  committed({ changes, before, trashMoved }: CommittedChange): void {
    this.changes++
    const retitled = (changes.papers?.put ?? []).some(
      (paper) => before.papers.get(paper.id)?.title !== paper.title,
    )
    const standaloneMoved =
      (changes.notes?.remove?.length ?? 0) > 0 ||
      (changes.notes?.put ?? []).some((note) => {
        const was = before.notes.get(note.id)
        return (
          note.paperId === undefined &&
          (was?.title !== note.title || was.trashedAt !== note.trashedAt)
        )
      })
    if (retitled || trashMoved.size > 0 || standaloneMoved) this.targets.forget()
    const links = this.index
    if (links === undefined) return
    const touched = new Set<string>([
      ...(changes.notes?.put ?? []).map((note) => note.id),
      ...(changes.notes?.remove ?? []),
    ])
    if (trashMoved.size > 0) {
      for (const note of this.kernel.store.notes.values()) {
        if (note.paperId !== undefined && trashMoved.has(note.paperId)) touched.add(note.id)
      }
    }
    for (const id of touched) {
      const note = this.kernel.store.notes.get(id)
      links.setNote(id, note !== undefined && this.targets.isLiveNote(note) ? note.body : undefined)
    }
  }

  /** Every link of every live note whose target is live, with its kind (see LinkEdge). */
  linkEdges(): LinkEdge[] {
    const edges: LinkEdge[] = []
    for (const note of this.kernel.store.notes.values()) {
      const noteLinks = this.targets.isLiveNote(note) ? this.links().linksOf(note.id) : undefined
      for (const link of noteLinks?.links ?? []) {
        const target = this.targets.resolve(link.target)
        if (target === undefined) continue
        const kind: unknown = (link as { kind?: unknown }).kind
        edges.push({ noteId: note.id, target, kind: typeof kind === 'string' ? kind : 'wiki-link' })
      }
    }
    return edges
  }

  reset(): void {
    this.changes++
    this.index = undefined
    this.targets.forget()
  }

  /**
   * Builds which note links where, and the titles hand-typed links resolve by,
   * in slices of the event loop (the map's first answer reads both): a call
   * meanwhile waits behind one slice at most, never behind the whole build. A
   * change during the build drops it (the next use builds the index at once).
   */
  async prepare(): Promise<void> {
    const changes = this.changes
    if (this.index === undefined) {
      const index = new LinkIndex()
      const notes = [...this.kernel.store.notes.values()]
      await yieldingLoop(notes.length, {}, (i) => this.indexNote(index, notes[i]))
      if (this.index === undefined && changes === this.changes) this.index = index
    }
    await this.targets.prepare()
  }

  private backlinks(kind: 'paper' | 'note', id: string): Backlink[] {
    const store = this.kernel.store
    const title =
      kind === 'paper'
        ? requirePaper(store, id).title
        : this.targets.titleOfNote(requireNote(store, id))
    const citationKeys = kind === 'paper' ? this.citationKeysOf(id) : []
    const sources = this.links().notesLinkingTo([
      `${kind}:${id}`,
      `title:${normalizeTitle(title)}`,
      ...citationKeys.map(citationLinkKey),
    ])
    const backlinks: Backlink[] = []
    for (const noteId of sources) {
      const source = store.notes.get(noteId)
      const noteLinks = this.links().linksOf(noteId)
      // A note linking to itself, or a paper's own note to its paper, is no backlink.
      if (source === undefined || noteLinks === undefined || noteId === id) continue
      if (kind === 'paper' && source.paperId === id) continue
      const matching = noteLinks.links.filter((link) => {
        const resolved = this.targets.resolve(link.target)
        return resolved?.kind === kind && resolved.id === id
      })
      // A citation reads, in the sentence around it, as what it was written as.
      const citing = noteLinks.citations
        .filter((c) => c.items.some((item) => citationKeys.includes(item.key.toLowerCase())))
        .map((c): WikiLink => ({ start: c.start, end: c.end, target: { kind: 'paper', id } }))
      if (matching.length === 0 && citing.length === 0) continue // a title link that now means something else
      const all = [...noteLinks.links, ...citing]
      const backlink: Backlink = {
        noteId,
        noteTitle: this.targets.titleOfNote(source),
        updatedAt: source.updatedAt,
        contexts: [
          ...matching.map((link) =>
            linkContextOf(noteLinks.body, link, all, (other) => this.textOf(other)),
          ),
          ...citing.map((link): LinkContext => ({
            ...linkContextOf(noteLinks.body, link, all, (other) =>
              citing.includes(other)
                ? noteLinks.body.slice(other.start, other.end)
                : this.textOf(other),
            ),
            kind: 'citation',
          })),
        ],
      }
      if (source.paperId !== undefined) backlink.paperId = source.paperId
      backlinks.push(backlink)
    }
    return backlinks.sort((a, b) => newestFirst(a.updatedAt, b.updatedAt))
  }

  /** How a link reads in plain text: its target's title now, else its label or what it says. */
  private textOf(link: WikiLink): string {
    return this.targets.resolve(link.target)?.title ?? link.label ?? targetText(link.target)
  }

  /** Which notes link where; built from every live note on first use. */
  private links(): LinkIndex {
    if (this.index === undefined) {
      const index = new LinkIndex()
      for (const note of this.kernel.store.notes.values()) this.indexNote(index, note)
      this.index = index
    }
    return this.index
  }

  /** A live note's links, in an index being built. */
  private indexNote(index: LinkIndex, note: Note | undefined): void {
    if (note !== undefined && this.targets.isLiveNote(note)) index.setNote(note.id, note.body)
  }
}

/** How a link to a missing target reads: what it says. */
function targetText(target: WikiLinkTarget): string {
  return target.kind === 'title' ? target.title : `missing ${target.kind}`
}
