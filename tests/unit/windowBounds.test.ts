import { describe, expect, it } from 'vitest'
import {
  boundsToSave,
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  restoreWindowBounds,
  type Rect,
} from '../../src/main/app/window/windowBounds'

// A laptop screen (menu bar 25 px) and an external monitor to its right.
const LAPTOP: Rect = { x: 0, y: 25, width: 1440, height: 875 }
const MONITOR: Rect = { x: 1440, y: 0, width: 2560, height: 1440 }

describe('restoreWindowBounds', () => {
  it('opens a first window at the default size, centred on the primary display', () => {
    expect(restoreWindowBounds(null, [LAPTOP, MONITOR], MONITOR)).toEqual({
      x: 1440 + (2560 - DEFAULT_WINDOW_SIZE.width) / 2,
      y: (1440 - DEFAULT_WINDOW_SIZE.height) / 2,
      ...DEFAULT_WINDOW_SIZE,
      maximized: false,
    })
  })

  it('restores a window that fits where it was, maximized or not', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 900, maximized: true }
    expect(restoreWindowBounds(saved, [LAPTOP, MONITOR], LAPTOP)).toEqual(saved)
  })

  it('moves a window whose monitor was unplugged to the primary display, keeping its size', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 700, maximized: false }
    expect(restoreWindowBounds(saved, [LAPTOP], LAPTOP)).toEqual({
      x: 120,
      y: 25 + 88,
      width: 1200,
      height: 700,
      maximized: false,
    })
  })

  it('shrinks a window larger than its display, and pulls it fully onto it', () => {
    const saved = { x: -300, y: -50, width: 1600, height: 2000, maximized: false }
    expect(restoreWindowBounds(saved, [LAPTOP, MONITOR], LAPTOP)).toEqual({
      x: 0,
      y: 25,
      width: 1440,
      height: 875,
      maximized: false,
    })
  })

  it('keeps a window that straddles two displays on the one that showed most of it', () => {
    const saved = { x: 1000, y: 200, width: 1000, height: 600, maximized: false }
    // 440 px on the laptop, 560 px on the monitor: it goes to the monitor's left edge.
    expect(restoreWindowBounds(saved, [LAPTOP, MONITOR], LAPTOP)).toMatchObject({
      x: 1440,
      y: 200,
      width: 1000,
      height: 600,
    })
  })

  it('never restores a window below the minimum size', () => {
    const saved = { x: 100, y: 100, width: 50, height: 30, maximized: false }
    expect(restoreWindowBounds(saved, [LAPTOP], LAPTOP)).toMatchObject({
      x: 100,
      y: 100,
      ...MIN_WINDOW_SIZE,
    })
  })

  it('uses a display smaller than the minimum size in full', () => {
    const tiny: Rect = { x: 0, y: 0, width: 640, height: 400 }
    expect(restoreWindowBounds(null, [tiny], tiny)).toEqual({
      x: 0,
      y: 0,
      width: 640,
      height: 400,
      maximized: false,
    })
  })
})

describe('boundsToSave', () => {
  it('stores whole pixels and the maximized flag', () => {
    expect(boundsToSave({ x: 10.6, y: -3.2, width: 1000.4, height: 0.2 }, true)).toEqual({
      x: 11,
      y: -3,
      width: 1000,
      height: 1,
      maximized: true,
    })
  })
})
