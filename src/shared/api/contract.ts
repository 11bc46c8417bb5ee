// The library API: the one contract between the UI and the core. What each
// method takes (inferred from its schema in ./schemas), what it resolves to,
// the IPC channel names, and the envelope every answer travels in. Type-only
// imports and no runtime dependencies, so the renderer and preload stay small.
import type { z } from 'zod'
import type { ApiMethod } from './methods'
import type { apiArgs } from './schemas'
import type {
  AttachmentView,
  DropPdfOutcome,
  GetPdfOutcome,
  Highlight,
  PdfTextMatch,
  PdfTextStatus,
  BackupList,
  BackupOutcome,
  Backlink,
  CitationStyleInfo,
  CitationSuggestion,
  CopiedCitations,
  FormattedCitations,
  NoteExport,
  ChangeOutcome,
  Collection,
  Feed,
  FeedRefreshReport,
  FeedStatus,
  InboxPage,
  TodayStatus,
  CollectionChoice,
  CollectionRef,
  DuplicateGroup,
  ExportResult,
  ImportPreview,
  ImportReport,
  LibraryEvent,
  LibraryInfo,
  LibraryMap,
  LocalGraph,
  LookupQueue,
  MergeOutcome,
  LinkTarget,
  Note,
  NoteSummary,
  Paper,
  PaperMatches,
  PaperPage,
  RestoreReport,
  PaperRelation,
  PaperRelationView,
  RelatedPaper,
  SelectionSummary,
  Settings,
  Sidebar,
  SyncStatus,
  TitleMatch,
  TrashContents,
  UndoState,
} from '../model'

export type ApiArgs<M extends ApiMethod> = z.infer<(typeof apiArgs)[M]>

/** What each method resolves to. A missing entry here is a compile error. */
export interface ApiResults {
  getLibraryInfo: LibraryInfo
  listPapers: PaperPage
  getPaper: Paper
  getPaperMatches: PaperMatches
  findByTitle: TitleMatch[]
  importText: ImportReport
  importSample: ImportReport
  previewImport: ImportPreview
  confirmImport: ImportReport
  cancelImport: { cancelled: boolean }
  getLookupQueue: LookupQueue
  retryLookups: ImportPreview
  matchTitlesOnArxiv: ImportPreview
  dropQueuedLookups: LookupQueue
  previewDailyPapers: ImportPreview
  importDailyPapers: ImportReport
  importArxivFeed: ImportReport
  findDuplicates: DuplicateGroup[]
  mergeDuplicates: MergeOutcome
  exportPapers: ExportResult
  listExportCollections: CollectionChoice[]
  getNote: Note | null
  saveNote: Note
  /** Every id the list would show for that filter and order (with a query: best match first). */
  listPaperIds: string[]
  getSidebar: Sidebar
  /** Collections and notes in the Trash on their own (trashed papers: listPapers). */
  listTrash: TrashContents
  /** The collections outside the Trash that hold the paper. */
  getPaperCollections: CollectionRef[]
  summarizeSelection: SelectionSummary
  createCollection: Collection
  renameCollection: ChangeOutcome
  moveCollection: ChangeOutcome
  addToCollection: ChangeOutcome
  removeFromCollection: ChangeOutcome
  setStatus: ChangeOutcome
  setStarred: ChangeOutcome
  /** Whether the paper was unread and is now read (not an undo step: it happens by itself). */
  markRead: boolean
  tagPapers: ChangeOutcome
  renameTag: ChangeOutcome
  deleteTag: ChangeOutcome
  moveToTrash: ChangeOutcome
  restoreFromTrash: ChangeOutcome
  /** Deletes for good; cannot be undone. */
  deleteForever: ChangeOutcome
  emptyTrash: ChangeOutcome
  /** What was undone, or null when there was nothing to undo. */
  undo: ChangeOutcome | null
  redo: ChangeOutcome | null
  getUndoState: UndoState
  /** Position of the paper in the list for that sort order and filter; -1 when it is not listed. */
  indexOfPaper: number
  getSettings: Settings
  /** The settings after the change, once they are on disk. */
  updateSettings: Settings
  /** Whether the task was still running and has been asked to stop. */
  cancelTask: boolean
  listBackups: BackupList
  createBackup: BackupOutcome
  /** Resolves once the library holds the backup's content (and the old state is itself backed up). */
  restoreBackup: RestoreReport
  /** Standalone notes (not papers' notes), most recently edited first. */
  listNotes: NoteSummary[]
  createNote: Note
  getNoteById: Note
  updateNote: Note
  suggestLinkTargets: LinkTarget[]
  /** One entry per target, in order: its current form, or null when it is missing or trashed. */
  resolveLinkTargets: Array<LinkTarget | null>
  getBacklinks: Backlink[]
  getRelatedPapers: RelatedPaper[]
  listRelations: PaperRelationView[]
  addRelation: PaperRelation
  updateRelation: PaperRelation
  /** The relation that was removed. */
  removeRelation: PaperRelation
  listCitationStyles: CitationStyleInfo[]
  addCitationStyle: CitationStyleInfo
  formatCitations: FormattedCitations
  citePapers: CopiedCitations
  suggestCitations: CitationSuggestion[]
  /** The paper's key, and the keys it had before (still cited by old notes). */
  getCitationKey: { key: string; aliases: string[] }
  setCitationKey: { key: string; aliases: string[] }
  exportNotes: NoteExport
  getSyncStatus: SyncStatus
  mergeSyncFolder: SyncStatus
  resolveNoteConflict: Note
  listFeeds: FeedStatus[]
  addFeed: Feed
  updateFeed: Feed
  removeFeed: Feed
  refreshFeeds: FeedRefreshReport
  listInbox: InboxPage
  getTodayStatus: TodayStatus
  /** The visit before this one (null: the first). */
  visitToday: { lastVisitAt: string | null }
  /** What the triage did (one undo step), as Undo names it. */
  triageInbox: ChangeOutcome
  /** The paper's PDFs, in the order attached. */
  listAttachments: AttachmentView[]
  /** `added` is false when the paper already had this very file (same SHA-256). */
  attachPdf: { attachment: AttachmentView; added: boolean }
  /** A new file for an attachment; its highlights are re-anchored by their quoted text. */
  replacePdf: { attachment: AttachmentView; reanchored: number; lost: number }
  detachPdf: ChangeOutcome
  /** A PDF dropped on the window: matched to a paper by DOI, arXiv id or title, else a new paper. */
  dropPdf: DropPdfOutcome
  /** Fetches the PDF of a paper with an arXiv id (through the lookup queue: offline it waits). */
  getPdf: GetPdfOutcome
  getPdfTextStatus: PdfTextStatus
  /** Where `query` matches the text of the paper's PDFs, by page. */
  getPdfMatches: PdfTextMatch[]
  /** The paper's highlights in page order (page, then top to bottom). */
  listHighlights: Highlight[]
  getHighlight: Highlight
  /** One undo step each: create, update, delete. */
  createHighlight: Highlight
  updateHighlight: Highlight
  deleteHighlight: ChangeOutcome
  /** The paper or note, its neighbours to the depth asked (1–3), and the edges among them. */
  getLocalGraph: LocalGraph
  /** Every live paper and standalone note, the edges, clusters and the saved layout. */
  getLibraryMap: LibraryMap
  /** Whether the library folder keeps a layout of the map (the map was laid out before). */
  hasSavedMapLayout: boolean
  /** Whether the layout was written (false: it names a key the map no longer has). */
  saveGraphLayout: { saved: boolean }
}

export type LibraryApi = {
  [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResults[M]>
}

/** The IPC channel for a method: one name, derived, never typed twice. */
export function channelFor(method: ApiMethod): string {
  return `offprint:${method}`
}

/** The channel main uses to push LibraryEvents to the renderer. */
export const EVENT_CHANNEL = 'offprint:event'

/** Preload tells main on this channel that the page now listens to events. */
export const LISTENING_CHANNEL = 'offprint:listening'

/** Main asks the page, with a request id, to save its pending edits now (before quitting). */
export const FLUSH_CHANNEL = 'offprint:flush'

/**
 * Preload answers a flush request on this channel with its id and a FlushAnswer:
 * 'saving' as soon as the request arrives, 'saved' once the page saved.
 */
export const FLUSHED_CHANNEL = 'offprint:flushed'

/** A page's answer to a flush request: saving (at once), then saved. */
export type FlushAnswer = 'saving' | 'saved'

export type ApiErrorCode =
  | 'invalid-arguments'
  | 'unknown-method'
  | 'not-found'
  | 'bad-input'
  | 'storage'
  | 'cancelled'
  | 'internal'

export interface ApiError {
  code: ApiErrorCode
  message: string
}

/**
 * Every call resolves to an envelope rather than throwing across IPC, because
 * Electron strips custom error fields; the client turns `ok: false` back into a
 * thrown OffprintApiError.
 */
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/**
 * The object preload exposes as `window.offprint`: each method resolves to its
 * envelope (errors keep their code across the context bridge, which would strip
 * a thrown error down to its message). The renderer unwraps it once.
 */
export type OffprintBridge = {
  [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResponse<ApiResults[M]>>
} & {
  /** Listen to events pushed by main; returns the unsubscribe function. */
  subscribe(listener: (event: LibraryEvent) => void): () => void
  /**
   * `flush` saves what the page still holds (a note draft, settings) and
   * resolves once it is on disk; main calls it before closing the library on
   * quit and waits for it. Returns the function that removes it.
   */
  onFlushRequest(flush: () => Promise<void>): () => void
}

export class OffprintApiError extends Error {
  readonly code: ApiErrorCode
  constructor(error: ApiError) {
    super(error.message)
    this.name = 'OffprintApiError'
    this.code = error.code
  }
}

/** Unwrap an envelope: the value, or a thrown OffprintApiError. */
export function unwrapResponse<T>(response: ApiResponse<T>): T {
  if (response.ok) return response.value
  throw new OffprintApiError(response.error)
}
