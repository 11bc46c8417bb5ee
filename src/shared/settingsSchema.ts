// The settings stored in library.json: one zod schema per setting, and how a
// stored object is read (the defaults and limits are in model/settings.ts). Reading is
// forgiving one key at a time: a damaged or outdated value costs that one
// setting (it falls back to its default), never the others and never the library.
import { z } from 'zod'
import { SMART_VIEWS } from './model'
import type { ListScope, PaperSort, Settings, SmartView, ThemeChoice } from './model'
import {
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
} from './model'

const THEMES: Record<ThemeChoice, true> = { system: true, light: true, dark: true }
const SORTS: Record<PaperSort, true> = { published: true, added: true, title: true, upvotes: true }

function enumOf<T extends string>(members: Record<T, true>) {
  return z.enum(Object.keys(members) as [T, ...T[]])
}

/** Ids are opaque strings we generate; anything longer is not one of ours. */
export const idSchema = z.string().min(1).max(200)

/** What the list shows: the API's filters take it, and the settings remember it. */
export const listScopeSchema: z.ZodType<ListScope> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('library') }).strict(),
  z.object({ kind: z.literal('unfiled') }).strict(),
  z.object({ kind: z.literal('collection'), id: idSchema }).strict(),
  z
    .object({ kind: z.literal('view'), view: z.enum(SMART_VIEWS as [SmartView, ...SmartView[]]) })
    .strict(),
  z.object({ kind: z.literal('trash') }).strict(),
])

const paneWidth = z.number().int().min(MIN_PANE_WIDTH).max(MAX_PANE_WIDTH)
/** Screen coordinates: generous bounds, but finite integers only. */
const screenLength = z.number().int().min(-100_000).max(100_000)

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
  sort: enumOf(SORTS),
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
