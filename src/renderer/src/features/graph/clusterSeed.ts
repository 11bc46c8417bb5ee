// Where the library map's nodes start when there is no saved layout: each
// cluster in a disc of its own around a circle (largest first), so the force
// layout only has to settle what the clusters already say, in few iterations.
import type { GraphPositions, LibraryMap } from '../../../../shared/model'

/** Deterministic positions for the nodes of `map.clusters`; other nodes are left to the layout. */
export function clusterSeed(map: LibraryMap): GraphPositions {
  const seed: GraphPositions = {}
  const count = map.clusters.length
  const spread = Math.sqrt(map.nodes.length) * 4
  for (const [c, cluster] of map.clusters.entries()) {
    const angle = (2 * Math.PI * c) / Math.max(1, count)
    const cx = count === 1 ? 0 : Math.cos(angle) * spread
    const cy = count === 1 ? 0 : Math.sin(angle) * spread
    const radius = Math.sqrt(cluster.nodeIds.length) * 2
    for (const [i, id] of cluster.nodeIds.entries()) {
      // A sunflower: even cover of the disc.
      const r = radius * Math.sqrt((i + 0.5) / cluster.nodeIds.length)
      const a = i * 2.399963
      seed[id] = [cx + Math.cos(a) * r, cy + Math.sin(a) * r]
    }
  }
  return seed
}
