// The allowed range of each numeric setting. Apart from settingsSchema.ts so
// the renderer can show the bounds without bundling zod (whose eval probe the
// page's Content-Security-Policy would report).

export const MIN_BACKUP_INTERVAL_HOURS = 1
/** A week of use. */
export const MAX_BACKUP_INTERVAL_HOURS = 168
export const MIN_BACKUPS_KEPT = 1
export const MAX_BACKUPS_KEPT = 100
