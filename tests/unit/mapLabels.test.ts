// The library map's cluster labels never cover one another: the largest
// cluster's label keeps its place and one that would touch it is left out.
import { describe, expect, it } from 'vitest'
import { placeLabels, type MapLabel } from '../../src/renderer/src/features/graph/mapLabels'

/** 7 px a character plus 12 px of padding, as a stand-in for the font. */
const widthOf = (text: string): number => text.length * 7 + 12
const HEIGHT = 18

function label(id: number, text: string, x: number, y: number, size: number): MapLabel {
  return { id, text, x, y, size }
}

describe('cluster labels on the map', () => {
  it('shows every label when none touch', () => {
    const labels = [
      label(1, 'robot · grasping · policies', 100, 100, 40),
      label(2, 'speech · audio · tokens', 400, 100, 30),
      label(3, 'proteins · folding · structure', 100, 300, 20),
    ]
    expect(placeLabels(labels, widthOf, HEIGHT).map((l) => l.id)).toEqual([1, 2, 3])
  })

  it('leaves out the smaller of two labels that would overlap, and keeps the one beside them', () => {
    // "robot · grasping · policies" is 27 characters: 201 px wide, 100 px either side.
    const labels = [
      label(1, 'speech · audio · tokens', 150, 108, 12),
      label(2, 'robot · grasping · policies', 100, 100, 40),
      label(3, 'graphs · molecules · drugs', 100, 122, 25),
    ]
    // 3 sits 22 px below 2 (18 high plus 4 clear): it fits; 1 overlaps 2 and is smaller.
    expect(placeLabels(labels, widthOf, HEIGHT).map((l) => l.text)).toEqual([
      'robot · grasping · policies',
      'graphs · molecules · drugs',
    ])
  })

  it('keeps labels side by side when the gap between them is 4 px', () => {
    // Each is 12 characters: 96 px wide, 48 px from its centre to its edge.
    const labels = [label(1, 'abcdefghijkl', 0, 0, 2), label(2, 'mnopqrstuvwx', 100, 0, 1)]
    expect(placeLabels(labels, widthOf, HEIGHT)).toHaveLength(2)
    const closer = [label(1, 'abcdefghijkl', 0, 0, 2), label(2, 'mnopqrstuvwx', 99, 0, 1)]
    expect(placeLabels(closer, widthOf, HEIGHT).map((l) => l.id)).toEqual([1])
  })
})
