// A PDF's text as extraction leaves it: per page, the text and where each of
// its pieces sits on the page (so a quote found again has rectangles).
import type { HighlightRect } from '../../../../shared/model'

export interface TextPiece {
  /** [start, end) of the piece in the page's text. */
  start: number
  end: number
  /** Where it is drawn: PDF points, origin at the page's bottom-left. */
  rect: HighlightRect
}

export interface PageText {
  text: string
  pieces: TextPiece[]
}

/** The text of one PDF, page by page. */
export interface PdfText {
  pages: PageText[]
  /** The document's own title and DOI-bearing metadata, for matching a dropped PDF. */
  info: { title?: string; author?: string; subject?: string; keywords?: string }
}
