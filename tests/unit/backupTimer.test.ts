// The timer that makes a backup every backupIntervalHours of use.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BackupTimer, HOUR_MS } from '../../src/main/core/backups/backupTimer'

afterEach(() => {
  vi.useRealTimers()
})

describe('BackupTimer', () => {
  it('fires every interval, and re-arming restarts the countdown', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let fired = 0
    const timer = new BackupTimer(() => fired++)
    timer.arm(2)
    vi.advanceTimersByTime(2 * HOUR_MS - 1)
    expect(fired).toBe(0)
    vi.advanceTimersByTime(1)
    expect(fired).toBe(1)
    vi.advanceTimersByTime(2 * HOUR_MS)
    expect(fired).toBe(2)
    vi.advanceTimersByTime(HOUR_MS)
    timer.arm(3) // an hour into the countdown: the new interval starts now
    vi.advanceTimersByTime(2 * HOUR_MS)
    expect(fired).toBe(2)
    vi.advanceTimersByTime(HOUR_MS)
    expect(fired).toBe(3)
    timer.stop()
    vi.advanceTimersByTime(10 * HOUR_MS)
    expect(fired).toBe(3)
  })
})
