// Wiki-links between notes, papers and notes: what a link points at, and who links here.

/** A paper or note a wiki-link can point at, with its current title. */
export interface LinkTarget {
  kind: 'paper' | 'note'
  id: string
  title: string
  /** For a paper's own note: the paper (opening the note means selecting it). */
  paperId?: string
  /** A paper's publication date (ISO), shown beside it in the autocomplete. */
  published?: string
}

/** The sentence around a link, split so the UI can set the link apart. */
export interface LinkContext {
  before: string
  link: string
  after: string
  /** Set for a pandoc citation (`[@key]`), which links to the paper with that key. */
  kind?: 'citation'
}

/** A note that links to a paper or note, with each place it does. */
export interface Backlink {
  noteId: string
  /** The note's title (a paper's note is titled after its paper). */
  noteTitle: string
  /** Set when the linking note is a paper's note. */
  paperId?: string
  updatedAt: string
  contexts: LinkContext[]
}
