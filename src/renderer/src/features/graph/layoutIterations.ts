// How long the force layout runs: ForceAtlas2 iterations by the graph's size,
// fewer when it starts from a saved layout (most nodes placed already).

/** Iterations of ForceAtlas2 for `nodes` nodes of which `seeded` start from a position. */
export function layoutIterations(nodes: number, seeded: number): number {
  const settled = seeded * 2 >= nodes
  // A large map starts from its clusters (clusterSeed.ts) or its saved layout: few steps settle it.
  if (nodes > 2000) return settled ? 8 : 20
  return settled ? 60 : 300
}
