// Which note each paper shows: its live note, or, for a paper in the trash,
// the note trashed with it. Built from every note on first use, then kept
// level by each commit (a note save updates one entry, not the whole index).
import type { Note } from '../../../shared/model'
import type { LibraryKernel } from '../kernel/kernel'
import type { ChangeSubscriber, CommittedChange } from '../kernel/service'

export class NoteIndex implements ChangeSubscriber {
  private byPaper: Map<string, Note> | undefined

  constructor(private readonly kernel: LibraryKernel) {}

  /** The note the paper shows, if it has one. */
  of(paperId: string): Note | undefined {
    return this.index().get(paperId)
  }

  /** Whether the paper's note has any text. */
  hasNote(paperId: string): boolean {
    const note = this.of(paperId)
    return note !== undefined && note.body.trim() !== ''
  }

  /** Notes outside the trash, papers' and standalone. */
  countLive(): number {
    let live = 0
    for (const note of this.kernel.store.notes.values()) if (note.trashedAt === undefined) live++
    return live
  }

  committed({ changes, trashMoved }: CommittedChange): void {
    if (this.byPaper === undefined) return
    // Which note a paper shows depends on whether the paper is trashed.
    if (trashMoved.size > 0 || (changes.notes?.remove?.length ?? 0) > 0) {
      this.byPaper = undefined
      return
    }
    for (const note of changes.notes?.put ?? []) {
      if (note.paperId === undefined) continue
      const shown = this.byPaper.get(note.paperId)
      if (shown?.id === note.id) {
        if (!this.shows(note) || note.updatedAt < shown.updatedAt) {
          // Trashed on its own, or put back to an older version (undo): another may show.
          this.byPaper = undefined
          return
        }
        this.byPaper.set(note.paperId, note)
      } else if (this.shows(note) && (shown === undefined || shown.updatedAt < note.updatedAt)) {
        this.byPaper.set(note.paperId, note)
      }
    }
  }

  reset(): void {
    this.byPaper = undefined
  }

  private shows(note: Note): boolean {
    if (note.paperId === undefined) return false
    const trashedAt = this.kernel.store.papers.get(note.paperId)?.trashedAt
    return note.trashedAt === undefined || note.trashedAt === trashedAt
  }

  private index(): Map<string, Note> {
    if (this.byPaper === undefined) {
      const index = new Map<string, Note>()
      for (const note of this.kernel.store.notes.values()) {
        if (note.paperId === undefined || !this.shows(note)) continue
        // Should the library hold two notes for one paper, the latest edit is the one shown.
        const other = index.get(note.paperId)
        if (!other || other.updatedAt < note.updatedAt) index.set(note.paperId, note)
      }
      this.byPaper = index
    }
    return this.byPaper
  }
}
