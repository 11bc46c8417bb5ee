// One process at a time writes a library folder from one machine: the app and
// the CLI both take this lock when they open it and give it back when they
// close it. The lock is a file created exclusively (O_EXCL, atomic on every
// local file system) holding the owner's pid and start time.
//
// A synced folder is open on several machines at once, each writing only its
// own journal: so the lock is per device (offprint.DEVICE.lock). Another
// machine's lock file, synced here, never blocks this one (its process cannot
// be checked from here, and it guards files this device never writes); a lock
// of any device held by a live process of this host does, so two processes on
// one machine still never share a folder. The same device id on two hosts
// (a copied user-data folder) is refused: they would write one journal. A process killed with SIGKILL leaves
// the file behind; it is stale when that pid no longer runs, or when the pid
// now belongs to a process started at another time (a reused pid, checked on
// Linux through /proc), and is then taken over.
import { readFileSync } from 'node:fs'
import { mkdir, open, readFile, readdir, rm, stat } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { messageOf, StorageError } from '../kernel/errors'

/** The lock of Offprint before per-device locks: still honoured when its owner runs here. */
export const LEGACY_LOCK_FILE = 'offprint.lock'

/** The lock file of `device`, in the library folder. */
export function lockFileOf(device: string): string {
  return `offprint.${device}.lock`
}

const LOCK_NAME = /^offprint(\.[A-Za-z0-9_-]+)?\.lock$/

export interface LockOwner {
  pid: number
  /** The owner's start time as the OS records it (Linux: clock ticks after boot); '' elsewhere. */
  started: string
  host: string
}

/** The library is open in another running process. */
export class LibraryLockedError extends StorageError {
  override readonly name: string = 'LibraryLockedError'
  constructor(
    folder: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The library ${folder} is open in another Offprint process (pid ${owner.pid}). ` +
        'Close it there first.',
    )
  }
}

/** This device's lock is held on another machine: the same device id on two hosts. */
export class DeviceInUseError extends StorageError {
  override readonly name: string = 'DeviceInUseError'
  constructor(
    folder: string,
    device: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The library ${folder} is open as device "${device}" on ${owner.host} too. ` +
        'Each machine needs its own device id: set OFFPRINT_DEVICE to another name here.',
    )
  }
}

/** Fields 3 on of /proc/<pid>/stat (Linux), or [] where there is none. */
function procStat(pid: number): string[] {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  } catch {
    return []
  }
}

/** Field 22 of /proc/<pid>/stat: when the process started. '' when unknown. */
export function processStartTime(pid: number): string {
  return procStat(pid)[19] ?? ''
}

function isRunning(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true // another machine's process: never guess
  try {
    process.kill(owner.pid, 0)
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  const stat = procStat(owner.pid)
  if (stat[0] === 'Z') return false // killed, not yet reaped by its parent
  const started = stat[19] ?? ''
  return owner.started === '' || started === '' || started === owner.started
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>
    if (typeof value.pid !== 'number') return undefined
    return { pid: value.pid, started: String(value.started ?? ''), host: String(value.host ?? '') }
  } catch {
    return undefined // a lock file cut short by a crash while it was written
  }
}

/** How long a lock file may stay without its owner written before it counts as a crash's. */
const UNWRITTEN_LOCK_GRACE_MS = 2000

async function ageMs(path: string): Promise<number> {
  try {
    return Date.now() - (await stat(path)).mtimeMs
  } catch {
    return Number.POSITIVE_INFINITY // gone: nothing to wait for
  }
}

/** Locks held by this process, counted (tests open one folder twice to simulate a crash). */
const heldHere = new Map<string, number>()

/** A live process of this host holding another device's lock on the folder, if any. */
async function otherLiveLockHere(folder: string, own: string): Promise<LockOwner | undefined> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    return undefined
  }
  for (const name of names) {
    if (name === own || !LOCK_NAME.test(name)) continue
    const owner = parseOwner(await readFile(join(folder, name), 'utf8').catch(() => ''))
    if (owner === undefined || owner.host !== hostname() || owner.pid === process.pid) continue
    if (isRunning(owner)) return owner
  }
  return undefined
}

/** Takes the folder's lock for `device`, or throws LibraryLockedError naming the live owner. */
export async function acquireLibraryLock(folder: string, device: string): Promise<void> {
  const key = `${folder}\0${device}`
  const count = heldHere.get(key) ?? 0
  if (count > 0) {
    heldHere.set(key, count + 1)
    return
  }
  try {
    await mkdir(folder, { recursive: true })
  } catch (error) {
    throw new StorageError(`Could not create the library folder ${folder}: ${messageOf(error)}`, {
      cause: error,
    })
  }
  const path = join(folder, lockFileOf(device))
  const other = await otherLiveLockHere(folder, lockFileOf(device))
  if (other !== undefined) throw new LibraryLockedError(folder, other)
  const me: LockOwner = {
    pid: process.pid,
    started: processStartTime(process.pid),
    host: hostname(),
  }
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const handle = await open(path, 'wx')
      try {
        await handle.writeFile(JSON.stringify(me))
        await handle.sync()
      } finally {
        await handle.close()
      }
      heldHere.set(key, 1)
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StorageError(`Could not lock the library ${folder}: ${messageOf(error)}`, {
          cause: error,
        })
      }
    }
    const owner = parseOwner(await readFile(path, 'utf8').catch(() => ''))
    if (owner !== undefined && owner.pid !== process.pid && isRunning(owner)) {
      if (owner.host !== hostname()) throw new DeviceInUseError(folder, device, owner)
      throw new LibraryLockedError(folder, owner)
    }
    // Empty or cut short: another process may have just created it and not yet
    // written its pid. Only a file left that way for a while is a crash's.
    if (owner === undefined && (await ageMs(path)) < UNWRITTEN_LOCK_GRACE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      continue
    }
    // Stale (its process is gone) or our own from before: remove it and try again.
    await rm(path, { force: true })
  }
  throw new StorageError(`Could not lock the library ${folder}: it keeps being taken`)
}

/** Gives the lock back (the last holder in this process removes the file). */
export async function releaseLibraryLock(folder: string, device: string): Promise<void> {
  const key = `${folder}\0${device}`
  const count = heldHere.get(key) ?? 0
  if (count > 1) {
    heldHere.set(key, count - 1)
    return
  }
  heldHere.delete(key)
  if (count === 1) await rm(join(folder, lockFileOf(device)), { force: true })
}
