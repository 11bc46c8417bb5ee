// Settings: preferences and the restored layout, with their defaults and limits.
// No runtime dependencies, so the renderer can use them without bundling zod;
// the schema that enforces them is src/shared/api/schemas/settings.ts.
import { DEFAULT_CITATION_STYLE, type QuickCopyFormat } from './citations'
import type { PaperSort } from './paper'
import type { ListScope } from './sidebar'

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
 * Where the online services are: the public sites by default, a mirror, or a
 * test's stub server. Each is an origin (optionally with a path prefix) without
 * a trailing slash; OFFPRINT_HF_API, OFFPRINT_ARXIV_API and OFFPRINT_ARXIV_RSS
 * override them for one run.
 */
export interface ServiceOrigins {
  /** Hugging Face: `/api/daily_papers?date=…`, `/api/papers/{id}`. */
  huggingFace: string
  /** The arXiv API: `/api/query?…`. */
  arxivApi: string
  /** arXiv's announcement feeds: `/rss/cs.AI`, `/atom/cs.AI`. */
  arxivRss: string
}

/** An http(s) origin, optionally with a path prefix, written without a trailing slash. */
export const SERVICE_ORIGIN_PATTERN = /^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*[^\s?#/])?$/

export const DEFAULT_SERVICE_ORIGINS: Readonly<ServiceOrigins> = Object.freeze({
  huggingFace: 'https://huggingface.co',
  arxivApi: 'https://export.arxiv.org',
  arxivRss: 'https://rss.arxiv.org',
})

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
  serviceOrigins: ServiceOrigins
  /** The CSL style citations in notes, Quick Copy and note exports use (see citations.ts). */
  citationStyle: string
  /** What Quick Copy puts on the clipboard. */
  quickCopyFormat: QuickCopyFormat
  /** Skipped feed items are removed after this many days (Today). */
  skippedFeedItemDays: number
  /**
   * When Today was last opened, in this library (on any machine that shares
   * it): its items that arrived after it are "new since your last visit".
   */
  todayVisitedAt: string | null
}

export const MIN_READING_FONT_SIZE = 12
export const MAX_READING_FONT_SIZE = 26
/** Longest mark-as-read delay accepted (ten minutes). */
export const MAX_MARK_READ_SECONDS = 600
/** Pane widths are CSS pixels; anything outside this range is not a real layout. */
export const MIN_PANE_WIDTH = 160
export const MAX_PANE_WIDTH = 4000
export const MIN_BACKUP_INTERVAL_HOURS = 1
/** A week of use. */
export const MAX_BACKUP_INTERVAL_HOURS = 168
export const MIN_BACKUPS_KEPT = 1
export const MAX_BACKUPS_KEPT = 100

/** Any subset of the settings: what updateSettings takes. */
export type SettingsPatch = Partial<Settings>

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  theme: 'system',
  readingFontSize: 16,
  markReadAfterSeconds: 3,
  sidebarWidth: 210,
  listPaneWidth: 360,
  paperPaneWidth: 560,
  sidebarOpen: true,
  listPaneOpen: true,
  notesPaneOpen: true,
  sort: 'published',
  listScope: Object.freeze({ kind: 'library' }),
  selectedPaperId: null,
  window: null,
  backupIntervalHours: 4,
  backupsKept: 10,
  serviceOrigins: DEFAULT_SERVICE_ORIGINS,
  citationStyle: DEFAULT_CITATION_STYLE,
  quickCopyFormat: 'bibliography',
  skippedFeedItemDays: 30,
  todayVisitedAt: null,
})
