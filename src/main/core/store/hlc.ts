// Hybrid logical clock: the revision stamp every change carries. A stamp is a
// string that sorts as the clock orders: wall time (ms, base 36), a counter for
// changes within one millisecond or behind another device's clock, then the
// device id, which breaks ties between devices. A device that has seen a stamp
// never stamps below it, so its later edits win over what it merged, even when
// its wall clock runs behind another machine's.

const WALL_DIGITS = 9
const COUNTER_DIGITS = 4

/** The stamp below every real one: records written before revisions existed. */
export const NO_STAMP = ''

export function formatStamp(wall: number, counter: number, device: string): string {
  return `${wall.toString(36).padStart(WALL_DIGITS, '0')}.${counter
    .toString(36)
    .padStart(COUNTER_DIGITS, '0')}.${device}`
}

/** The device that made a stamp ('' for NO_STAMP or a malformed one). */
export function deviceOfStamp(stamp: string): string {
  const first = stamp.indexOf('.')
  const second = first === -1 ? -1 : stamp.indexOf('.', first + 1)
  return second === -1 ? '' : stamp.slice(second + 1)
}

/** The wall time of a stamp, as a Date (undefined for NO_STAMP). */
export function timeOfStamp(stamp: string): Date | undefined {
  const wall = Number.parseInt(stamp.slice(0, WALL_DIGITS), 36)
  return Number.isFinite(wall) && stamp !== NO_STAMP ? new Date(wall) : undefined
}

export function maxStamp(a: string, b: string): string {
  return a >= b ? a : b
}

export class HybridClock {
  private wall = 0
  private counter = 0

  constructor(
    readonly device: string,
    private readonly now: () => number,
  ) {}

  /** A new stamp, after every stamp made or observed so far. */
  tick(): string {
    const physical = this.now()
    if (physical > this.wall) {
      this.wall = physical
      this.counter = 0
    } else {
      this.counter++
    }
    return formatStamp(this.wall, this.counter, this.device)
  }

  /** Takes in a stamp seen elsewhere, so the next tick is after it. */
  observe(stamp: string): void {
    if (stamp === NO_STAMP) return
    const wall = Number.parseInt(stamp.slice(0, WALL_DIGITS), 36)
    const counter = Number.parseInt(
      stamp.slice(WALL_DIGITS + 1, WALL_DIGITS + 1 + COUNTER_DIGITS),
      36,
    )
    if (!Number.isFinite(wall) || !Number.isFinite(counter)) return
    if (wall > this.wall || (wall === this.wall && counter > this.counter)) {
      this.wall = wall
      this.counter = counter
    }
  }
}
