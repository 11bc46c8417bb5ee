// What the reader remembers on this device: the last position in each PDF
// (by its SHA-256, so it follows the file whatever paper or name it has) and
// whether pages are shown dark. Kept in the window's own storage: a reading
// position is this screen's, not something to sync between machines.
import type { ReaderPosition } from './readerView'

const POSITIONS_KEY = 'offprint.pdf.positions'
const DARK_KEY = 'offprint.pdf.darkPages'
/** The most recently read PDFs whose positions are kept. */
const MAX_POSITIONS = 200

type Positions = Record<string, ReaderPosition & { at: number }>

function readPositions(): Positions {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(POSITIONS_KEY) ?? '{}')
    return typeof parsed === 'object' && parsed !== null ? (parsed as Positions) : {}
  } catch {
    return {}
  }
}

function isPosition(value: unknown): value is ReaderPosition {
  if (typeof value !== 'object' || value === null) return false
  const { pageIndex, zoom, top, left } = value as Record<string, unknown>
  return (
    Number.isInteger(pageIndex) &&
    typeof zoom === 'string' &&
    /^(page-width|page-fit|auto|\d+(\.\d+)?)$/.test(zoom) &&
    Number.isFinite(top) &&
    Number.isFinite(left)
  )
}

export function readPosition(sha256: string): ReaderPosition | undefined {
  const stored = readPositions()[sha256]
  if (!isPosition(stored)) return undefined
  return { pageIndex: stored.pageIndex, zoom: stored.zoom, top: stored.top, left: stored.left }
}

export function writePosition(sha256: string, position: ReaderPosition, now = Date.now()): void {
  const positions = readPositions()
  positions[sha256] = { ...position, at: now }
  const kept = Object.entries(positions)
    .sort(([, a], [, b]) => (b.at ?? 0) - (a.at ?? 0))
    .slice(0, MAX_POSITIONS)
  try {
    localStorage.setItem(POSITIONS_KEY, JSON.stringify(Object.fromEntries(kept)))
  } catch {
    // Storage full or refused: the position is a comfort, not data.
  }
}

export function readDarkPages(): boolean {
  try {
    return localStorage.getItem(DARK_KEY) === 'true'
  } catch {
    return false
  }
}

export function writeDarkPages(dark: boolean): void {
  try {
    localStorage.setItem(DARK_KEY, String(dark))
  } catch {
    // As above.
  }
}
