// PDFs attached to papers, the highlights made on them, and where the text of
// each stands. Attachment files live in the library folder by content hash
// (`attachments/<sha256>.pdf`); the window loads one from the app's own origin
// at ATTACHMENT_URL_PATH (see attachmentUrl).

/** What a PDF is to its paper. A paper can have several. */
export type AttachmentRole = 'paper' | 'supplement' | 'slides'

export const ATTACHMENT_ROLES: readonly AttachmentRole[] = ['paper', 'supplement', 'slides']

/** One PDF attached to one paper (a record of its own, kind `attachments`). */
export interface Attachment {
  id: string
  paperId: string
  /** Lower-case hex SHA-256 of the file's bytes: its name in attachments/. */
  sha256: string
  role: AttachmentRole
  /** The name the file had when it was attached (shown; never a path). */
  fileName: string
  /** Bytes. */
  size: number
  addedAt: string
  /** Where it came from when it was not a file of the user's: "arxiv" for Get PDF. */
  origin?: 'file' | 'arxiv' | 'drop'
}

/** Where the extraction of an attachment's text stands. */
export type PdfTextState =
  /** Waiting for the background extraction (or for a restart to resume it). */
  | 'waiting'
  | 'extracting'
  /** Extracted and in the search index. */
  | 'indexed'
  /** The file could not be read as a PDF; `reason` says why. */
  | 'failed'

/** An attachment as the paper pane lists it. */
export interface AttachmentView extends Attachment {
  /** Path on the app's origin the window loads the PDF from, e.g. "/attachments/ab12….pdf". */
  url: string
  text: { state: PdfTextState; pageCount?: number; reason?: string }
}

/** Path of an attachment's file on the app's origin (app://offprint in the app, https://offprint.invalid in e2e). */
export const ATTACHMENT_URL_PATH = '/attachments/'

export function attachmentUrl(sha256: string): string {
  return `${ATTACHMENT_URL_PATH}${sha256}.pdf`
}

/** The colours a highlight can have (Zotero's first five). */
export type HighlightColor = 'yellow' | 'red' | 'green' | 'blue' | 'purple'

export const HIGHLIGHT_COLORS: Readonly<Record<HighlightColor, string>> = {
  yellow: '#ffd400',
  red: '#ff6666',
  green: '#5fb236',
  blue: '#2ea8e5',
  purple: '#a28ae5',
}

/**
 * A rectangle on a page as Zotero's reader stores it: [x1, y1, x2, y2] in PDF
 * user-space points, origin at the page's bottom-left (pdf.js's
 * viewport.convertToPdfPoint gives these), x1 < x2 and y1 < y2.
 */
export type HighlightRect = [number, number, number, number]

/**
 * Where a highlight is: the 0-based page index and the rectangles of its
 * lines; a highlight that runs onto the next page has that page's lines in
 * `nextPageRects` (as Zotero's reader stores them). Links and lists name the
 * page it starts on.
 */
export interface HighlightPosition {
  pageIndex: number
  rects: HighlightRect[]
  nextPageRects?: HighlightRect[]
}

/** A highlight on a PDF, with the words it quotes and an optional comment (record kind `highlights`). */
export interface Highlight {
  id: string
  paperId: string
  /** The attachment it was made on (it stays when that attachment is replaced: see anchor). */
  attachmentId: string
  /** SHA-256 of the PDF the position refers to. */
  sha256: string
  position: HighlightPosition
  /** The page's label when the PDF has labels ("xii", "12"), else absent: show pageIndex + 1. */
  pageLabel?: string
  /** The quoted text, as selected. */
  text: string
  color: HighlightColor
  comment: string
  /**
   * How the position was found: absent when made on this PDF; 'reanchored'
   * when the PDF was replaced and the quoted text was found again (the page
   * index is the new one, the rects are the page's text lines that hold it);
   * 'lost' when the text was not found in the replaced PDF (position kept as it was).
   */
  anchor?: 'reanchored' | 'lost'
  createdAt: string
  updatedAt: string
}

/** What the arguments of createHighlight carry (the core fills in the rest). */
export interface NewHighlight {
  attachmentId: string
  position: HighlightPosition
  pageLabel?: string
  text: string
  color: HighlightColor
  comment?: string
}

/** How a dropped PDF found its paper. */
export type PdfMatch = 'doi' | 'arxiv' | 'title' | 'new-paper'

export interface DropPdfOutcome {
  paperId: string
  matchedBy: PdfMatch
  attachment: AttachmentView
  /** False when the paper already had this very file (nothing was added). */
  added: boolean
}

/** What Get PDF did. */
export type GetPdfOutcome =
  | { state: 'attached'; attachment: AttachmentView; added: boolean }
  /** Offline or arXiv busy: it waits in the lookup queue (`pdf:<arxivId>`) until Retry now. */
  | { state: 'queued'; reason: string }

/** Where the background extraction of all attachments' text stands. */
export interface PdfTextStatus {
  attachments: number
  indexed: number
  waiting: number
  failed: number
  /** The long task extracting now, when one runs (cancelTask stops it; a restart resumes it). */
  taskId?: string
}

/** A match of a search in a PDF's text: the page (0-based) and the words around it. */
export interface PdfTextMatch {
  attachmentId: string
  sha256: string
  pageIndex: number
  /** The matched sentence or so, with the matched words as ranges of it. */
  snippet: string
  ranges: Array<{ start: number; end: number }>
}
