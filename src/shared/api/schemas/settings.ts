// The settings stored in library.json: one zod schema per setting, how a stored
// object is read, and the API's settings methods (the defaults and limits are in
// model/settings.ts). Reading is forgiving one key at a time: a damaged or
// outdated value costs that one setting (it falls back to its default), never
// the others and never the library.
import { z } from 'zod'
import type { Settings, ThemeChoice } from '../../model'
import {
  CITATION_STYLE_ID_PATTERN,
  DEFAULT_SETTINGS,
  MAX_BACKUP_INTERVAL_HOURS,
  MAX_BACKUPS_KEPT,
  MAX_MARK_READ_SECONDS,
  MAX_PANE_WIDTH,
  MAX_READING_FONT_SIZE,
  MIN_BACKUP_INTERVAL_HOURS,
  MIN_BACKUPS_KEPT,
  MIN_PANE_WIDTH,
  MIN_READING_FONT_SIZE,
  SERVICE_ORIGIN_PATTERN,
} from '../../model'
import type { ArgSchemas } from './common'
import { enumOf, idSchema, listScopeSchema, noArgs, sortSchema } from './common'

const THEMES: Record<ThemeChoice, true> = { system: true, light: true, dark: true }

const paneWidth = z.number().int().min(MIN_PANE_WIDTH).max(MAX_PANE_WIDTH)
/** Screen coordinates: generous bounds, but finite integers only. */
const screenLength = z.number().int().min(-100_000).max(100_000)

const serviceOrigin = z
  .string()
  .max(2000)
  .regex(SERVICE_ORIGIN_PATTERN, 'an http(s) address without a trailing slash')

/** One schema per setting, so each can be checked (and defaulted) on its own. */
export const settingSchemas = {
  theme: enumOf(THEMES),
  readingFontSize: z.number().int().min(MIN_READING_FONT_SIZE).max(MAX_READING_FONT_SIZE),
  markReadAfterSeconds: z.number().int().min(0).max(MAX_MARK_READ_SECONDS).nullable(),
  sidebarWidth: paneWidth,
  listPaneWidth: paneWidth,
  paperPaneWidth: paneWidth,
  sidebarOpen: z.boolean(),
  listPaneOpen: z.boolean(),
  notesPaneOpen: z.boolean(),
  sort: sortSchema,
  listScope: listScopeSchema,
  selectedPaperId: idSchema.nullable(),
  window: z
    .object({
      x: screenLength,
      y: screenLength,
      width: screenLength.min(1),
      height: screenLength.min(1),
      maximized: z.boolean(),
    })
    .strict()
    .nullable(),
  backupIntervalHours: z
    .number()
    .int()
    .min(MIN_BACKUP_INTERVAL_HOURS)
    .max(MAX_BACKUP_INTERVAL_HOURS),
  backupsKept: z.number().int().min(MIN_BACKUPS_KEPT).max(MAX_BACKUPS_KEPT),
  serviceOrigins: z
    .object({ huggingFace: serviceOrigin, arxivApi: serviceOrigin, arxivRss: serviceOrigin })
    .strict(),
  citationStyle: z.string().regex(CITATION_STYLE_ID_PATTERN),
  quickCopyFormat: z.enum(['bibliography', 'bibtex', 'keys']),
  skippedFeedItemDays: z.number().int().min(1).max(3650),
  todayVisitedAt: z.iso.datetime().nullable(),
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K]> }

/** The argument of updateSettings: any subset of the settings, nothing else. */
export const settingsPatchSchema = z.object(settingSchemas).partial().strict()

/** The settings in a stored object: each valid value, the default for the rest. */
export function readSettings(stored: Readonly<Record<string, unknown>>): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS }
  for (const key of Object.keys(settingSchemas) as (keyof Settings)[]) {
    if (!Object.hasOwn(stored, key)) continue
    const parsed = settingSchemas[key].safeParse(stored[key])
    if (parsed.success) Object.assign(settings, { [key]: parsed.data })
  }
  return settings
}

export const settingsArgs = {
  getSettings: noArgs,
  updateSettings: z.object({ patch: settingsPatchSchema }).strict(),
} satisfies ArgSchemas
