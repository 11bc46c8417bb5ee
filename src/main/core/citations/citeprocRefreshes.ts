// A work no longer cited, in a style with no disambiguation: citeproc-js's
// refresh, without formatting every cluster again.
import type { Engine } from 'citeproc'

/**
 * In a style with no disambiguation (IEEE, Nature, ACM, Vancouver), a work
 * no longer cited makes citeproc-js refresh every work that shared its
 * "ambiguous cite" (in a numeric style, all of them) and format every cluster
 * again, though nothing a cluster prints depends on the others' names: only
 * on the works' numbers, which citeproc-js marks apart when they move. The
 * refresh stays (the registry is kept right); its taint is dropped, so the
 * clusters formatted again are the edited one and those whose numbers moved.
 * `citationsEditing.test.ts` holds the result to a freshly loaded style's.
 */
export function keepRefreshedClusters(engine: Engine): void {
  const registry = engine.registry
  const refresh = registry.dorefreshes.bind(registry)
  registry.dorefreshes = () => {
    const tainted = engine.tmp.taintedItemIDs
    const before = new Set(Object.keys(tainted))
    const refreshed = Object.keys(registry.refreshes)
    refresh()
    for (const id of refreshed) if (!before.has(id)) delete tainted[id]
  }
}
