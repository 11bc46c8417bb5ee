// What search and the command palette send back: text ranges, never HTML.

/** A span of a text, in UTF-16 code units: [start, end). Search matches are sent this way, never as HTML. */
export interface TextRange {
  start: number
  end: number
}

/** Where a search query matched a paper's title and abstract. */
export interface PaperMatches {
  title: TextRange[]
  abstract: TextRange[]
}

/** A paper or note the command palette can jump to, found by fuzzy title. */
export interface TitleMatch {
  kind: 'paper' | 'note'
  paperId: string
  title: string
  /** The letters of the title that matched, for highlighting. */
  matches: TextRange[]
}
