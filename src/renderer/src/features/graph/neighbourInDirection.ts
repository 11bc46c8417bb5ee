// Arrow keys in a graph: from the focused node to the neighbour that lies most
// nearly in the arrow's direction on screen (within 90° of it).
import type { GraphEdge } from '../../../../shared/model'

export type Direction = 'left' | 'right' | 'up' | 'down'

const ANGLES: Record<Direction, number> = {
  right: 0,
  down: Math.PI / 2,
  left: Math.PI,
  up: -Math.PI / 2,
}

export function neighbourInDirection(
  from: string,
  edges: readonly GraphEdge[],
  direction: Direction,
  screenOf: (id: string) => { x: number; y: number } | undefined,
): string | undefined {
  const origin = screenOf(from)
  if (origin === undefined) return undefined
  let best: string | undefined
  let bestScore = Number.POSITIVE_INFINITY
  for (const edge of edges) {
    const other =
      edge.source === from ? edge.target : edge.target === from ? edge.source : undefined
    if (other === undefined || other === from) continue
    const at = screenOf(other)
    if (at === undefined) continue
    const dx = at.x - origin.x
    const dy = at.y - origin.y
    const distance = Math.hypot(dx, dy)
    let off = Math.abs(Math.atan2(dy, dx) - ANGLES[direction])
    if (off > Math.PI) off = 2 * Math.PI - off
    if (off >= Math.PI / 2) continue
    // Nearly in line counts most, then near.
    const score = off * 1000 + distance
    if (score < bestScore) {
      bestScore = score
      best = other
    }
  }
  return best
}
