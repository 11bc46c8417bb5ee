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

/** The formats Offprint can read. Only the Daily Papers listing exists in 0.1. */
export type ImportFormat = 'hf-daily-papers'

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
  /** ISO date (YYYY-MM-DD). */
  published?: string
  venue?: string
  doi?: string
  arxivId?: string
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

/** One entry the importer could not turn into a paper, and why. */
export interface SkippedEntry {
  /** 1-based line number in the imported text where the entry starts. */
  line: number
  reason: string
}

/** What an import did, reported to the user. */
export interface ImportReport {
  format: ImportFormat
  fileName?: string
  /** Papers that were new to the library. */
  added: number
  /** Entries that matched a paper already in the library (nothing was changed). */
  alreadyPresent: number
  skipped: SkippedEntry[]
  /** Ids of the papers that were added, in file order. */
  addedIds: string[]
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

/** A file that could not be read and was moved aside instead of being overwritten. */
export interface StoreProblem {
  file: string
  movedTo: string
  reason: string
}

export interface LibraryInfo {
  /** Absolute path of the library folder. */
  path: string
  schemaVersion: number
  paperCount: number
  noteCount: number
  problems: StoreProblem[]
}

/** Long work the core does with progress (imports now; exports and scans later). */
export type TaskKind = 'import'

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
  listPaneWidth: number
  paperPaneWidth: number
  listPaneOpen: boolean
  notesPaneOpen: boolean
  sort: PaperSort
  selectedPaperId: string | null
  /** The main window as it was last closed; null until then. */
  window: WindowBounds | null
}

/** Events main pushes to the renderer. */
export type LibraryEvent =
  | { type: 'library-changed' }
  | { type: 'menu-command'; command: MenuCommand }
  | { type: 'progress'; progress: TaskProgress }
  /** A file the OS asked Offprint to open (double-click on a .bib, .ris or .txt). */
  | { type: 'open-file'; fileName: string; content: OpenedFileContent }

export type OpenedFileContent = { ok: true; text: string } | { ok: false; message: string }

/** Menu items whose action lives in the renderer: the commands of src/shared/commands.ts. */
export type MenuCommand = CommandId
