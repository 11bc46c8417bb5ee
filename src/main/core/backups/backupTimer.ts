// "Every N hours of use": a timer that fires after the interval and re-arms.
// Node's timers run on a monotonic clock, which stands still while the machine
// sleeps, so the interval counts time the app was actually running.

export const HOUR_MS = 60 * 60 * 1000

export class BackupTimer {
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly run: () => void) {}

  /** (Re)starts the countdown: `run` fires every `intervalHours` from now. */
  arm(intervalHours: number): void {
    this.stop()
    this.timer = setTimeout(() => {
      this.arm(intervalHours)
      this.run()
    }, intervalHours * HOUR_MS)
    // A pending backup must not keep a process alive; closing the library stops it.
    this.timer.unref?.()
  }

  stop(): void {
    clearTimeout(this.timer)
    this.timer = undefined
  }
}
