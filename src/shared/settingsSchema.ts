// The settings stored in library.json: their schema, their defaults, and how a
// stored object is read. Reading is forgiving one key at a time: a damaged or
// outdated value costs that one setting (it falls back to its default), never
// the others and never the library.
import { z } from 'zod'
import type { PaperSort, Settings } from './model'

/** Longest mark-as-read delay offered (ten minutes). */
export const MAX_MARK_READ_SECONDS = 600

const SORTS: Record<PaperSort, true> = { published: true, added: true, title: true, upvotes: true }

function enumOf<T extends string>(members: Record<T, true>) {
  return z.enum(Object.keys(members) as [T, ...T[]])
}

/** One schema per setting, so each can be checked (and defaulted) on its own. */
export const settingSchemas = {
  markReadAfterSeconds: z.number().int().min(0).max(MAX_MARK_READ_SECONDS).nullable(),
  sort: enumOf(SORTS),
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K]> }

/** The argument of updateSettings: any subset of the settings, nothing else. */
export const settingsPatchSchema = z.object(settingSchemas).partial().strict()

export type SettingsPatch = z.infer<typeof settingsPatchSchema>

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  markReadAfterSeconds: 3,
  sort: 'published',
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
