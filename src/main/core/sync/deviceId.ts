// This machine's device id: the name of its journal and of its lock in a
// synced library folder. Kept in the app's user-data folder (never synced, so
// two machines never share one); OFFPRINT_DEVICE overrides it, so tests and
// the CLI can act as another device on one machine.
import { randomBytes } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { writeTextDurably } from '../store/durableJsonFile'
import { DEVICE_ENV, defaultDevice, deviceName } from '../store/deviceName'

export const DEVICE_ID_FILE = 'device-id'

/**
 * OFFPRINT_DEVICE when set; else the id kept in `folder` (made on first use:
 * the host's name and a random suffix, so two machines named alike differ);
 * without a folder, the host's name.
 */
export async function resolveDevice(
  env: NodeJS.ProcessEnv,
  folder: string | undefined,
): Promise<string> {
  const named = deviceName(env[DEVICE_ENV] ?? '')
  if (named !== '') return named
  if (folder === undefined) return defaultDevice(env)
  const path = join(folder, DEVICE_ID_FILE)
  try {
    const kept = deviceName(await readFile(path, 'utf8'))
    if (kept !== '') return kept
  } catch {
    // Not made yet.
  }
  const made = `${deviceName(hostname()) || 'device'}-${randomBytes(3).toString('hex')}`
  await mkdir(folder, { recursive: true })
  await writeTextDurably(path, `${made}\n`)
  return made
}

/**
 * The folder Electron names userData for Offprint, for the CLI, which has no
 * Electron: so the app and the CLI on one machine are one device.
 */
export function userDataFolder(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const home = env['HOME'] ?? env['USERPROFILE']
  if (platform === 'win32')
    return env['APPDATA'] === undefined ? undefined : join(env['APPDATA'], 'Offprint')
  if (home === undefined) return undefined
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Offprint')
  return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), 'Offprint')
}
