// The shapes the library's search (librarySearch.ts) is given and answers with.
import type { Collection, Paper } from '../../../shared/model'
import type { HighlightTerm } from './searchIndex'

/** What the search reads from the library. */
export interface SearchSource {
  /** Every paper not in the trash. */
  papers(): Iterable<Paper>
  paper(id: string): Paper | undefined
  /** The text of the paper's note ('' when it has none). */
  noteText(paperId: string): string
  collections(): readonly Collection[]
  /** The library's revision (LibraryStore.revision): equal means the same papers and notes. */
  revision(): string
}

/** Papers done of all, while the index is built or checked. */
export type IndexProgress = (done: number, total: number) => void

/** The list a search runs in: its order, and the papers it is limited to (e.g. a collection). */
export interface SearchView {
  /** Identifies the order and the limit, for caching results. */
  key: string
  /** Every paper in list order: a query with only qualifiers keeps it. */
  ordered(): readonly Paper[]
  /** The papers of the current view, when it is not the whole library. */
  scope?: (() => ReadonlySet<string>) | undefined
}

export interface SearchPage {
  total: number
  ranked: boolean
  ids: string[]
  highlight: readonly HighlightTerm[]
}
