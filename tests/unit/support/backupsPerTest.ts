// The library folder of a backups test: its own folder per test, on a clock
// that ticks a minute per call, and real timers again after each test.
import { afterEach, vi } from 'vitest'
import { libraryFolderPerTest } from './libraryPerTest'
import type { LibraryFolder } from './libraryPerTest'
import { steppingClock } from './steppingClock'

/** A clock that ticks one minute per call from 2026-11-26 03:10: distinct, known timestamps. */
export function minuteClock(): () => Date {
  return steppingClock('2026-11-26T03:10:00Z', 60_000)
}

export function backupsFolderPerTest(): LibraryFolder {
  const folder = libraryFolderPerTest('offprint-backups-', minuteClock)
  // Registered after the folder's: hooks run last-registered first, so the
  // timers are real again before the folder is removed.
  afterEach(() => {
    vi.useRealTimers()
  })
  return folder
}
