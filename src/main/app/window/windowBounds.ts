// Where the main window opens: where it was last closed, unless that place is
// no longer on any screen (a monitor was unplugged, the resolution changed).
// Pure: main passes in the saved bounds and the displays' work areas.
import type { WindowBounds } from '../../../shared/model'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export const DEFAULT_WINDOW_SIZE = { width: 1400, height: 900 }
export const MIN_WINDOW_SIZE = { width: 720, height: 480 }

/**
 * The window's rectangle for this start. `workAreas` are the displays' usable
 * areas (without taskbars and docks); `primary` is the primary display's.
 * The result lies entirely on one display: the one that showed most of the
 * saved window, or the primary one when none shows any of it.
 */
export function restoreWindowBounds(
  saved: WindowBounds | null,
  workAreas: readonly Rect[],
  primary: Rect,
): WindowBounds {
  if (saved === null) {
    return { ...centeredOn(primary, DEFAULT_WINDOW_SIZE), maximized: false }
  }
  const display = displayShowingMost(saved, workAreas)
  if (display === undefined) {
    return { ...centeredOn(primary, saved), maximized: saved.maximized }
  }
  const width = fit(saved.width, MIN_WINDOW_SIZE.width, display.width)
  const height = fit(saved.height, MIN_WINDOW_SIZE.height, display.height)
  return {
    x: clamp(saved.x, display.x, display.x + display.width - width),
    y: clamp(saved.y, display.y, display.y + display.height - height),
    width,
    height,
    maximized: saved.maximized,
  }
}

/** What to store when the window closes: its normal (unmaximized) rectangle, in whole pixels. */
export function boundsToSave(normal: Rect, maximized: boolean): WindowBounds {
  return {
    x: Math.round(normal.x),
    y: Math.round(normal.y),
    width: Math.max(1, Math.round(normal.width)),
    height: Math.max(1, Math.round(normal.height)),
    maximized,
  }
}

function displayShowingMost(window: Rect, workAreas: readonly Rect[]): Rect | undefined {
  let best: Rect | undefined
  let bestArea = 0
  for (const area of workAreas) {
    const overlap = intersectionArea(window, area)
    if (overlap > bestArea) {
      best = area
      bestArea = overlap
    }
  }
  return best
}

function intersectionArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

function centeredOn(display: Rect, size: { width: number; height: number }): Rect {
  const width = fit(size.width, MIN_WINDOW_SIZE.width, display.width)
  const height = fit(size.height, MIN_WINDOW_SIZE.height, display.height)
  return {
    x: display.x + Math.round((display.width - width) / 2),
    y: display.y + Math.round((display.height - height) / 2),
    width,
    height,
  }
}

/** `value` within [min, max]; a display smaller than the minimum wins over the minimum. */
function fit(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value))
}
