// Defaults and limits of the settings (see Settings in model.ts). No runtime
// dependencies, so the renderer can use them without bundling zod; the schema
// that enforces them lives in settingsSchema.ts.
import type { Settings } from './model'

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
})
