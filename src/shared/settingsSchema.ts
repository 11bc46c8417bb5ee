// The settings stored in library.json: their schema, their defaults, and how a
// stored object is read. Reading is forgiving one key at a time: a damaged or
// outdated value costs that one setting (it falls back to its default), never
// the others and never the library.
import { z } from 'zod'
import type { Settings } from './model'
import {
  MAX_BACKUP_INTERVAL_HOURS,
  MAX_BACKUPS_KEPT,
  MIN_BACKUP_INTERVAL_HOURS,
  MIN_BACKUPS_KEPT,
} from './settingsBounds'

/** One schema per setting, so each can be checked (and defaulted) on its own. */
export const settingSchemas = {
  backupIntervalHours: z
    .number()
    .int()
    .min(MIN_BACKUP_INTERVAL_HOURS)
    .max(MAX_BACKUP_INTERVAL_HOURS),
  backupsKept: z.number().int().min(MIN_BACKUPS_KEPT).max(MAX_BACKUPS_KEPT),
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K]> }

/** The argument of updateSettings: any subset of the settings, nothing else. */
export const settingsPatchSchema = z.object(settingSchemas).partial().strict()

export type SettingsPatch = z.infer<typeof settingsPatchSchema>

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  backupIntervalHours: 4,
  backupsKept: 10,
})

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
