// The clusters' labels on the map without overlap: placed at their centres on
// screen, largest cluster first; a label that would touch one already placed
// is left out at this zoom (zooming in spreads the centres and brings it back).
import { useEffect, useMemo, useState } from 'react'
import type Sigma from 'sigma'
import type { LibraryMap } from '../../../../shared/model'
import { clusterCentres } from './mapLooks'

export interface MapLabel {
  id: number
  text: string
  /** Its centre on screen, in pixels. */
  x: number
  y: number
  /** How many nodes its cluster holds: the larger keeps its place. */
  size: number
}

/** Pixels kept clear between two labels. */
const GAP = 4

/** The labels that fit, in the order given by size (largest first). */
export function placeLabels(
  labels: readonly MapLabel[],
  widthOf: (text: string) => number,
  height: number,
): MapLabel[] {
  const placed: { label: MapLabel; half: number }[] = []
  const bySize = [...labels].sort((a, b) => b.size - a.size || a.id - b.id)
  for (const label of bySize) {
    const half = widthOf(label.text) / 2
    const clear = placed.every(
      (other) =>
        Math.abs(other.label.x - label.x) >= other.half + half + GAP ||
        Math.abs(other.label.y - label.y) >= height + GAP,
    )
    if (clear) placed.push({ label, half })
  }
  return placed.map(({ label }) => label)
}

/** A label's box: 12 px semibold text with 6 px of padding each side (graph.css), 18 px high. */
const LABEL_FONT = '600 12px system-ui, sans-serif'
const LABEL_PADDING = 12
const LABEL_HEIGHT = 18

function textWidth(): (text: string) => number {
  const context = document.createElement('canvas').getContext('2d')
  if (context === null) return (text) => text.length * 7 + LABEL_PADDING
  context.font = LABEL_FONT
  return (text) => context.measureText(text).width + LABEL_PADDING
}

/** The clusters' labels at their centres on screen, following the camera, none covering another. */
export function useClusterLabels(
  sigma: Sigma | undefined,
  map: LibraryMap,
  positions: Readonly<Record<string, [number, number]>>,
): MapLabel[] {
  const centres = useMemo(() => clusterCentres(map, positions), [map, positions])
  const [placed, setPlaced] = useState<MapLabel[]>([])
  useEffect(() => {
    if (sigma === undefined) return
    const widthOf = textWidth()
    const place = (): void => {
      const onScreen = centres.map((centre) => {
        const at = sigma.graphToViewport({ x: centre.x, y: centre.y })
        return { id: centre.id, text: centre.label, x: at.x, y: at.y, size: centre.size }
      })
      setPlaced(placeLabels(onScreen, widthOf, LABEL_HEIGHT))
    }
    sigma.on('afterRender', place)
    // Placed now too: the first frame may be drawn already (no second full draw for it).
    place()
    return () => {
      sigma.off('afterRender', place)
    }
  }, [sigma, centres])
  return sigma === undefined ? [] : placed
}
