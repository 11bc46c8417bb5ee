// The device a library folder is written from: each device appends to its own
// journal (journals/DEVICE.ndjson) and stamps its revisions with this name.
// The app keeps one per machine in its user-data folder (sync/deviceId.ts);
// OFFPRINT_DEVICE overrides it, so tests and the CLI can act as another device.
import { hostname } from 'node:os'

export const DEVICE_ENV = 'OFFPRINT_DEVICE'

/** The device a store writes as when none is named: OFFPRINT_DEVICE, else the host's name. */
export function defaultDevice(env: NodeJS.ProcessEnv = process.env): string {
  return deviceName(env[DEVICE_ENV] ?? '') || deviceName(hostname()) || 'device'
}
/** A device id usable in a file name on every system. */
export function deviceName(text: string): string {
  return text
    .trim()
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
}
