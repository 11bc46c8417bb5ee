// Notes: a paper's note, or a standalone one.

export interface Note {
  id: string
  /** The paper this note belongs to; absent for a standalone note. */
  paperId?: string
  title: string
  /** Markdown source. Links to papers and notes are written inside it as `[[...]]`. */
  body: string
  createdAt: string
  updatedAt: string
  trashedAt?: string
}

/** A standalone note as the notes list shows it. */
export interface NoteSummary {
  id: string
  title: string
  updatedAt: string
  /** The start of the body as plain text, for the list. */
  excerpt: string
  trashedAt?: string
}
