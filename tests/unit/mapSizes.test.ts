// The library map's node sizes: by links or upvotes, from 3 to 15 on a map of
// up to 2,000 nodes, and smaller on a larger map, so 10,000 papers show the
// shape of the library rather than one disc of overlapping nodes.
import { describe, expect, it } from 'vitest'
import { sizing } from '../../src/renderer/src/features/graph/mapLooks'
import type { GraphNode, LibraryMap } from '../../src/shared/model'

/** A map of `count` papers; paper i has i links and twice as many upvotes. */
function mapOf(count: number): LibraryMap {
  const nodes: GraphNode[] = Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    kind: 'paper',
    title: `Paper ${i}`,
    degree: i,
    upvotes: 2 * i,
  }))
  return {
    nodes,
    edges: [],
    clusters: [],
    collections: [],
    layoutKey: '',
    positions: {},
    layoutCurrent: true,
  }
}

const sizesOf = (map: LibraryMap, by: 'links' | 'upvotes'): [number, number, number] => {
  const size = sizing(map, by)
  const [first, middle, last] = [0, Math.floor(map.nodes.length / 4), map.nodes.length - 1]
  return [first, middle, last].map((i) => Number(size(map.nodes[i]!).toFixed(2))) as [
    number,
    number,
    number,
  ]
}

describe('node sizes on the library map', () => {
  it('draws a small library from 3 to 15, the square root of links or upvotes', () => {
    // A quarter of the most links: half the way from 3 to 15.
    expect(sizesOf(mapOf(401), 'links')).toEqual([3, 9, 15])
    expect(sizesOf(mapOf(401), 'upvotes')).toEqual([3, 9, 15])
    expect(sizesOf(mapOf(2000), 'links')).toEqual([3, 9, 15])
  })

  it('draws 10,000 papers smaller, by the square root of 2,000 in 10,000', () => {
    expect(sizesOf(mapOf(10_000), 'links')).toEqual([1.34, 4.03, 6.71])
  })

  it('keeps them large enough to hover on the largest maps: never under 0.4 of full size', () => {
    expect(sizesOf(mapOf(50_000), 'upvotes')).toEqual([1.2, 3.6, 6])
  })

  it('gives every node of a map without links or upvotes the smallest size', () => {
    const map = mapOf(3)
    for (const node of map.nodes) node.degree = 0
    const size = sizing(map, 'links')
    expect(map.nodes.map(size)).toEqual([3, 3, 3])
  })
})
