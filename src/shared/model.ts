// The data model shared by main, preload and renderer. Plain types only:
// no electron, node: or DOM imports, so every process can use it.
import type { CommandId } from './commands'

export type ReadingStatus = 'unread' | 'reading' | 'read'

/** What a link found in a paper's metadata or abstract points at. */
export type PaperLinkKind = 'code' | 'project' | 'pdf' | 'other'

export interface PaperLink {
  /** Human label shown in the UI, e.g. "Code (github.com)". */
  label: string
  url: string
  kind: PaperLinkKind
}

/** The formats Offprint can read, each recognized from the content itself. */
export type ImportFormat =
  | 'hf-daily-papers'
  | 'bibtex'
  | 'ris'
  | 'csl-json'
  | 'arxiv-atom'
  /** A pasted list of arXiv ids / URLs and DOIs, looked up online. */
  | 'identifiers'

/** The formats Offprint can write. */
export type ExportFormat = 'bibtex' | 'csl-json' | 'ris' | 'markdown'

/**
 * What kind of publication a paper is, in CSL's vocabulary (the richest of the
 * formats we read); BibTeX and RIS types map onto it and back.
 */
export type PaperType =
  | 'article-journal'
  | 'paper-conference'
  | 'chapter'
  | 'book'
  | 'thesis'
  | 'report'
  | 'preprint'
  | 'webpage'
  | 'other'

export interface PaperSource {
  format: ImportFormat
  /** The file name the user imported from, when there was one. */
  fileName?: string
  /** ISO timestamp of the import. */
  importedAt: string
  /** 1-based line of the entry in the imported text: where to look, and the order within one import. */
  line?: number
}

export interface Paper {
  /** Stable id, assigned once at import and never changed. */
  id: string
  title: string
  abstract: string
  /** Author names in order, when the source has them (the listing page only has a count). */
  authors: string[]
  authorCount?: number
  organization?: string
  /** ISO date: YYYY-MM-DD, or YYYY-MM / YYYY when the source is no more precise. */
  published?: string
  /** Journal, proceedings or book the paper appeared in. */
  venue?: string
  doi?: string
  /** Without a version suffix or "arXiv:" prefix, e.g. "2101.00001" or "hep-th/9901001". */
  arxivId?: string
  type?: PaperType
  volume?: string
  issue?: string
  pages?: string
  publisher?: string
  /** The citation key it was imported with (BibTeX), kept so exports cite it the same way. */
  citationKey?: string
  links: PaperLink[]
  upvotes: number
  tags: string[]
  status: ReadingStatus
  starred: boolean
  addedAt: string
  updatedAt: string
  trashedAt?: string
  source: PaperSource
}

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

/** The slice of a paper the list pane needs for one row. */
export interface PaperSummary {
  id: string
  title: string
  published?: string
  upvotes: number
  organization?: string
  authorCount?: number
  /** First author when names are known. */
  firstAuthor?: string
  status: ReadingStatus
  starred: boolean
  hasNote: boolean
  tags: string[]
  /** Set while the paper is in the Trash. */
  trashedAt?: string
  /** Where the search query matched the title (only when the list was asked with a query). */
  titleMatches?: TextRange[]
}

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

/** A named group of papers. Collections nest; a paper can be in any number of them. */
export interface Collection {
  id: string
  name: string
  /** The enclosing collection; absent at the top level. */
  parentId?: string
  /** Order among its siblings (ascending). */
  position: number
  paperIds: string[]
  createdAt: string
  updatedAt: string
  trashedAt?: string
}

/** A manual "related" link between two papers, shown on both. */
export interface PaperRelation {
  id: string
  fromId: string
  toId: string
  /** e.g. "extends", "contradicts" */
  label?: string
  createdAt: string
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

/** A paper found similar by its title and abstract; score is a cosine in (0, 1]. */
export interface RelatedPaper {
  paper: PaperSummary
  score: number
}

/** A manual relation as seen from one of its two papers. */
export interface PaperRelationView {
  relation: PaperRelation
  /** outgoing: this paper is `fromId` ("this extends other"); incoming: the reverse. */
  direction: 'outgoing' | 'incoming'
  other: PaperSummary
}

/** One entry the importer could not turn into a paper, and why. */
export interface SkippedEntry {
  /** 1-based line number in the imported text where the entry starts. */
  line: number
  /** 1-based position of the entry among the file's entries, when the format has entries. */
  entry?: number
  reason: string
}

/** What an import did, reported to the user. */
export interface ImportReport {
  format: ImportFormat
  fileName?: string
  /** Papers that were new to the library. */
  added: number
  /** Entries that matched a paper already in the library, or an earlier entry of the same import. */
  alreadyPresent: number
  /** Of those, papers that gained something from the import (a richer value, a tag, a link). */
  updated: number
  /** Identifiers that could not be looked up now and wait in the lookup queue. */
  queued: number
  skipped: SkippedEntry[]
  /** Ids of the papers that were added, in file order. */
  addedIds: string[]
  /**
   * A collection name for the new papers, after the page they came from
   * ("Daily Papers 2026-02-09"); the import offers to file them there.
   */
  suggestedCollection?: string
}

export type PaperSort = 'published' | 'added' | 'title' | 'upvotes'

export interface PaperPage {
  /** Number of papers matching the query, across all pages. */
  total: number
  /** True when the items are in order of relevance to a search query. */
  ranked: boolean
  offset: number
  items: PaperSummary[]
}

/** The built-in views of the sidebar, each a question about a paper. */
export type SmartView = 'unread' | 'reading' | 'starred' | 'recent' | 'has-notes'

export const SMART_VIEWS: readonly SmartView[] = [
  'unread',
  'reading',
  'starred',
  'recent',
  'has-notes',
]

/** "Recently added" means added within this many days. */
export const RECENT_DAYS = 7

/** Which part of the library the list shows (the sidebar's selection). */
export type ListScope =
  | { kind: 'library' }
  | { kind: 'unfiled' }
  | { kind: 'collection'; id: string }
  | { kind: 'view'; view: SmartView }
  | { kind: 'trash' }

/** What listPapers shows: a scope (the whole library by default) and tags that must all match. */
export interface PaperFilter {
  scope?: ListScope
  tags?: string[]
}

/** A collection as the sidebar shows it. */
export interface CollectionNode {
  id: string
  name: string
  parentId?: string
  position: number
  /** Papers directly in it that are not in the Trash. */
  paperCount: number
}

export interface TagCount {
  tag: string
  /** Papers outside the Trash carrying the tag. */
  count: number
}

/** Everything the sidebar shows, with its counts, in one answer. */
export interface Sidebar {
  library: number
  unfiled: number
  /** Items in the Trash: papers, collections and notes trashed on their own. */
  trash: number
  views: Record<SmartView, number>
  /** Collections outside the Trash, siblings in their order. */
  collections: CollectionNode[]
  /** Tags in use, alphabetically. */
  tags: TagCount[]
}

/** Where a paper is filed: a collection and the names of its ancestors. */
export interface CollectionRef {
  id: string
  name: string
  /** Names from the top level down to this collection, itself included. */
  path: string[]
}

/** A collection in the Trash (its trashed subcollections travel with it). */
export interface TrashedCollection {
  id: string
  name: string
  path: string[]
  trashedAt: string
  paperCount: number
  subcollectionCount: number
}

/** A note in the Trash on its own (a trashed paper's note travels with the paper). */
export interface TrashedNote {
  id: string
  title: string
  paperId?: string
  trashedAt: string
  excerpt: string
}

export interface TrashContents {
  collections: TrashedCollection[]
  notes: TrashedNote[]
}

/** Ids of the things an operation on the Trash applies to. */
export interface TrashItems {
  paperIds?: string[]
  noteIds?: string[]
  collectionIds?: string[]
}

/** What an organizing action did: the label its undo uses, and how many things it changed. */
export interface ChangeOutcome {
  label: string
  changed: number
}

/** The actions Undo and Redo would take now, by label. */
export interface UndoState {
  undo?: string
  redo?: string
}

/** A multi-selection at a glance, for the paper pane. */
export interface SelectionSummary {
  count: number
  /** The first few titles, in the order given. */
  titles: string[]
  status: Record<ReadingStatus, number>
  starred: number
  inTrash: number
  tags: TagCount[]
  collections: Array<CollectionRef & { count: number }>
}

/**
 * What was wrong: a whole file could not be read (moved aside), some records
 * in a readable file could not be used (set aside one by one), or the journal
 * of recent changes was damaged part-way (the rest set aside).
 */
export type StoreProblemKind = 'unreadable-file' | 'unusable-records' | 'damaged-journal'

/** A file that could not be read and was moved aside instead of being overwritten. */
export interface StoreProblem {
  kind: StoreProblemKind
  file: string
  /** Where the unreadable file (or the unusable records) now are, untouched. */
  movedTo: string
  reason: string
  /** The backup its content was brought back from, when one held a good copy. */
  restoredFrom?: BackupSummary
}

/** Why a backup was made. */
export type BackupReason = 'start' | 'scheduled' | 'manual' | 'before-restore'

/** One backup of the library folder, as the restore dialog lists it. */
export interface BackupSummary {
  /** The backup's folder name inside backups/, e.g. "2026-11-26T03-10-00Z". */
  id: string
  /** ISO timestamp. */
  createdAt: string
  reason: BackupReason
  paperCount: number
  noteCount: number
}

export interface BackupList {
  /** Absolute path of the folder holding the backups. */
  folder: string
  /** Newest first. */
  backups: BackupSummary[]
}

export interface BackupOutcome {
  backup: BackupSummary
  /** False when nothing had changed since the latest backup, which is returned instead. */
  created: boolean
}

export interface RestoreReport {
  restored: BackupSummary
  /** The library as it was just before the restore, kept as a backup so the restore can be undone. */
  previous: BackupSummary
}

export interface LibraryInfo {
  /** Absolute path of the library folder. */
  path: string
  schemaVersion: number
  paperCount: number
  noteCount: number
  problems: StoreProblem[]
  /** Why the last automatic backup failed, until one succeeds. */
  backupProblem?: string
}

/** An incoming entry that matches a paper already in the library. */
export interface DuplicateOnImport {
  /** Title as written in the imported file. */
  title: string
  line: number
  existingId: string
  existingTitle: string
  /** Why they match: 'doi', 'arxiv' or 'title-year'. */
  matchedBy: DuplicateReason
  /** Fields of the existing paper the import would fill or enrich (empty: nothing changes). */
  wouldMerge: string[]
}

export type DuplicateReason = 'doi' | 'arxiv' | 'title-year'

/**
 * What an import would do, shown before anything is written (step one of two:
 * previewImport, then confirmImport or cancelImport).
 */
export interface ImportPreview {
  previewId: string
  format: ImportFormat
  fileName?: string
  /** Entries read from the file (new + duplicates). */
  entries: number
  /** Titles of the papers that would be added, in file order. */
  newTitles: string[]
  duplicates: DuplicateOnImport[]
  /** Entries that repeat an earlier entry of the same file; they are merged into it. */
  repeatsInFile: number
  skipped: SkippedEntry[]
  /** Identifiers that could not be looked up now; confirming puts them in the lookup queue. */
  queued: string[]
  /** Why they could not be looked up (offline, server busy), when some were not. */
  lookupProblem?: string
}

/** One identifier waiting to be looked up when the network is back. */
export interface QueuedIdentifier {
  /** Normalized: "arXiv:2101.00001" or "doi:10.1000/xyz". */
  identifier: string
  queuedAt: string
  /** The last failure, e.g. "offline: could not reach export.arxiv.org". */
  reason: string
}

export interface LookupQueue {
  items: QueuedIdentifier[]
}

/** Papers of the library that look like the same paper. */
export interface DuplicateGroup {
  reason: DuplicateReason
  /** Sorted with the suggested paper to keep first (the richest, then the oldest). */
  papers: PaperSummary[]
}

/** What a merge did; it is one undo step (`undo` reverts it). */
export interface MergeOutcome {
  keptId: string
  mergedIds: string[]
  /** Fields of the kept paper that changed. */
  changedFields: string[]
}

/** Which papers an export covers. */
export type ExportScope =
  | { kind: 'library' }
  | { kind: 'collection'; collectionId: string; includeSubcollections: boolean }
  | { kind: 'selection'; paperIds: string[] }

export interface ExportFile {
  /** Relative path, '/'-separated ("ToolRL (2025).md", or "notes/x.md" in a vault). */
  path: string
  text: string
}

/**
 * An export's content: one file for BibTeX, CSL-JSON and RIS, a folder's worth of
 * files for a Markdown vault. The caller decides where it goes (a save dialog, a
 * download, the CLI's --out).
 */
export interface ExportResult {
  format: ExportFormat
  /** Suggested file (or folder) name. */
  name: string
  mediaType: string
  files: ExportFile[]
  paperCount: number
}

/** A collection as the export dialog lists it: depth-first, with its depth for indenting. */
export interface CollectionChoice {
  id: string
  name: string
  depth: number
  paperCount: number
}

/** Long work the core does with progress (imports now; exports and scans later). */
/** Imports, exports, duplicate scans, and rebuilding the search and similar-papers indexes. */
export type TaskKind = 'import' | 'export' | 'duplicates' | 'reindex'

export type TaskState = 'running' | 'finished' | 'cancelled' | 'failed'

/** Where a long task stands; main sends one after every step worth showing. */
export interface TaskProgress {
  taskId: string
  kind: TaskKind
  /** What the user sees, e.g. "Importing papers.txt". */
  label: string
  /** The current step, e.g. "Reading entries", "Adding papers", "Saving". */
  step: string
  done: number
  /** 0 while the amount of work is not known yet (an indeterminate bar). */
  total: number
  state: TaskState
  /** Whether cancelTask can still stop it (not once it is writing). */
  cancellable: boolean
  /**
   * How it went, on the last report of a finished task that nobody waits for
   * (rebuilding an index in the background), e.g. "Search is ready: 100,000 papers".
   */
  summary?: string
}

export type ThemeChoice = 'system' | 'light' | 'dark'

/** A window's outer rectangle in screen coordinates, and whether it was maximized. */
export interface WindowBounds {
  x: number
  y: number
  width: number
  height: number
  maximized: boolean
}

/**
 * Preferences and the restored layout, stored in the library (library.json), so
 * a library moved to another machine opens the way it was left.
 */
export interface Settings {
  theme: ThemeChoice
  /** Font size of abstracts and note previews, in CSS pixels. */
  readingFontSize: number
  /** Seconds a paper stays open before it is marked read; null never marks. */
  markReadAfterSeconds: number | null
  sidebarWidth: number
  listPaneWidth: number
  paperPaneWidth: number
  sidebarOpen: boolean
  listPaneOpen: boolean
  notesPaneOpen: boolean
  sort: PaperSort
  /** What the sidebar shows in the list (a collection, a smart view…), restored on start. */
  listScope: ListScope
  selectedPaperId: string | null
  /** The main window as it was last closed; null until then. */
  window: WindowBounds | null
  /** A backup is made on start and after every this many hours of use. */
  backupIntervalHours: number
  /** How many backups are kept; older ones are deleted. */
  backupsKept: number
}

/**
 * What one change to the library touched, so that each view refetches only
 * what it shows (the renderer's query cache maps topics to its queries).
 */
export type ChangeTopic =
  /** Paper records: added, edited (status, star, tags, fields), trashed, removed. */
  | 'papers'
  /** Notes: a paper's note or a standalone note saved, trashed or removed. */
  | 'notes'
  | 'collections'
  | 'relations'
  /** The undo and redo history. */
  | 'history'
  | 'lookup-queue'
  /** The library as a whole: its problems, its backup problem, its counts. */
  | 'library'

export interface LibraryChange {
  topics: ChangeTopic[]
  /**
   * The papers whose record, or whose note, changed; absent when any may have
   * (a restore, a large import).
   */
  paperIds?: string[]
  /** The notes that changed; absent when any may have. */
  noteIds?: string[]
}

/** Every topic, no ids: after a restore, anything may have changed. */
export const EVERYTHING_CHANGED: LibraryChange = {
  topics: ['papers', 'notes', 'collections', 'relations', 'history', 'lookup-queue', 'library'],
}

/** Events main pushes to the renderer. */
export type LibraryEvent =
  | { type: 'library-changed'; change: LibraryChange }
  | { type: 'menu-command'; command: MenuCommand }
  | { type: 'progress'; progress: TaskProgress }
  /**
   * A file the OS asked Offprint to open (double-click on a .bib, .ris or .txt,
   * the command line, or a second launch).
   */
  | { type: 'open-file'; fileName: string; content: OpenedFileContent }

export type OpenedFileContent = { ok: true; text: string } | { ok: false; message: string }

/**
 * Menu items whose action lives in the renderer: the commands of
 * src/shared/commands.ts, and Undo / Redo (which a text field may own).
 */
export type MenuCommand = CommandId | 'undo' | 'redo'
