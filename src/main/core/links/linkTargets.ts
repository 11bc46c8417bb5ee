// What a wiki-link points at, now: papers and notes by id, hand-typed titles
// by their normalized form, and the pool the `[[` autocomplete searches. A
// view over the library's committed state; its caches are dropped (forget())
// whenever a title, or what is live, changes.
import type { LinkTarget, Note, Paper } from '../../../shared/model'
import { foldCase, fuzzyQuery, fuzzyScore, letterMask } from '../../../shared/text/fuzzyMatch'
import { normalizeTitle } from '../../../shared/text/normalizeTitle'
import type { WikiLinkTarget } from '../../../shared/text/wikiLinks'

/** The library state link targets are read from. */
export interface LinkTargetSource {
  /** Every paper, trashed or not, in the store's order. */
  papers(): Iterable<Paper>
  /** Every note, trashed or not, in the store's order. */
  notes(): Iterable<Note>
  paper(id: string): Paper | undefined
  note(id: string): Note | undefined
  /** Papers not in the trash, newest first. */
  newestPapers(): readonly Paper[]
}

/** Papers and standalone notes by normalized title, for hand-typed `[[Title]]` links. */
interface TitleEntry {
  paperIds: string[]
  noteIds: string[]
}

/** A link target as the autocomplete searches it. */
interface LinkCandidate {
  target: LinkTarget
  folded: string
  letters: number
}

export class LinkTargets {
  private titles: Map<string, TitleEntry> | undefined
  private paperCandidates: LinkCandidate[] | undefined

  constructor(private readonly source: LinkTargetSource) {}

  /** Drop what was derived from titles; call after papers or standalone notes change. */
  forget(): void {
    this.titles = undefined
    this.paperCandidates = undefined
  }

  /** Not trashed, and if it is a paper's note, its paper is not trashed either. */
  isLiveNote(note: Note): boolean {
    if (note.trashedAt !== undefined) return false
    if (note.paperId === undefined) return true
    const paper = this.source.paper(note.paperId)
    return paper !== undefined && paper.trashedAt === undefined
  }

  /** A paper's note is titled after its paper, whatever the note says. */
  titleOfNote(note: Note): string {
    const paper = note.paperId === undefined ? undefined : this.source.paper(note.paperId)
    return paper?.title ?? note.title
  }

  /** What a link points at now; undefined when that is missing or in the trash. */
  resolve(target: WikiLinkTarget): LinkTarget | undefined {
    if (target.kind === 'paper') {
      const paper = this.source.paper(target.id)
      return paper !== undefined && paper.trashedAt === undefined
        ? this.paperTarget(paper)
        : undefined
    }
    if (target.kind === 'note') {
      const note = this.source.note(target.id)
      return note !== undefined && this.isLiveNote(note) ? this.noteTarget(note) : undefined
    }
    // A hand-typed title: a paper of that title first, else a standalone note.
    const entry = this.titleIndex().get(normalizeTitle(target.title))
    const paperId = entry?.paperIds[0]
    const paper = paperId === undefined ? undefined : this.source.paper(paperId)
    if (paper !== undefined) return this.paperTarget(paper)
    const noteId = entry?.noteIds[0]
    const note = noteId === undefined ? undefined : this.source.note(noteId)
    return note === undefined ? undefined : this.noteTarget(note)
  }

  /** Papers and standalone notes whose titles fuzzily match `query`, best first (as the palette ranks). */
  suggest(query: string, limit: number, kind?: 'paper' | 'note'): LinkTarget[] {
    const wanted = fuzzyQuery(query)
    const candidates = this.candidates().filter(
      (candidate) => kind === undefined || candidate.target.kind === kind,
    )
    if (wanted === '') {
      return candidates.slice(0, limit).map((candidate) => ({ ...candidate.target }))
    }
    const needed = letterMask(wanted)
    // The best `limit`, kept sorted as we go: a one-letter query matches nearly
    // every title, and sorting 50k of them per keystroke would be the bulk of the work.
    const best: Array<{ candidate: LinkCandidate; score: number }> = []
    for (const candidate of candidates) {
      if ((candidate.letters & needed) !== needed) continue
      const score = fuzzyScore(wanted, candidate.target.title, candidate.folded)
      if (score === null) continue
      if (best.length === limit && score <= (best[limit - 1]?.score ?? 0)) continue
      let at = best.length
      while (at > 0 && (best[at - 1]?.score ?? 0) < score) at--
      best.splice(at, 0, { candidate, score })
      if (best.length > limit) best.pop()
    }
    return best.map(({ candidate }) => ({ ...candidate.target }))
  }

  paperTarget(paper: Paper): LinkTarget {
    const target: LinkTarget = { kind: 'paper', id: paper.id, title: paper.title }
    if (paper.published !== undefined) target.published = paper.published
    return target
  }

  noteTarget(note: Note): LinkTarget {
    const target: LinkTarget = { kind: 'note', id: note.id, title: this.titleOfNote(note) }
    if (note.paperId !== undefined) target.paperId = note.paperId
    return target
  }

  private titleIndex(): Map<string, TitleEntry> {
    if (this.titles !== undefined) return this.titles
    const titles = new Map<string, TitleEntry>()
    const entryFor = (title: string): TitleEntry => {
      const key = normalizeTitle(title)
      let entry = titles.get(key)
      if (entry === undefined) {
        entry = { paperIds: [], noteIds: [] }
        titles.set(key, entry)
      }
      return entry
    }
    for (const paper of this.source.papers()) {
      if (paper.trashedAt === undefined) entryFor(paper.title).paperIds.push(paper.id)
    }
    for (const note of this.source.notes()) {
      if (note.paperId === undefined && note.trashedAt === undefined) {
        entryFor(note.title).noteIds.push(note.id)
      }
    }
    this.titles = titles
    return titles
  }

  /**
   * Standalone notes (latest edit first), then papers (newest first): the
   * autocomplete's pool. The papers' part is kept between calls (it is most of
   * it); notes change as they are typed and are few.
   */
  private candidates(): LinkCandidate[] {
    const candidateOf = (target: LinkTarget): LinkCandidate => {
      const folded = foldCase(target.title)
      return { target, folded, letters: letterMask(folded) }
    }
    this.paperCandidates ??= this.source
      .newestPapers()
      .map((paper) => candidateOf(this.paperTarget(paper)))
    const notes = [...this.source.notes()]
      .filter((note) => note.paperId === undefined && note.trashedAt === undefined)
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
      .map((note) => candidateOf(this.noteTarget(note)))
    return [...notes, ...this.paperCandidates]
  }
}
